// Escaping, clipping and wrapping of text for the SVG.
import { beforeAll, describe, expect, test } from 'bun:test';
import { loadRenderAssets } from '../../../server/render/assets.ts';
import { parseFontMetrics, type FontMetrics } from '../../../server/render/font-metrics.ts';
import { ellipsize, escapeXml, wrap } from '../../../server/render/text.ts';

let sans: FontMetrics;
let mono: FontMetrics;
beforeAll(async () => {
  const assets = await loadRenderAssets();
  sans = parseFontMetrics(assets.sans);
  mono = parseFontMetrics(assets.mono);
});

describe('text', () => {
  test('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('<b>&"\'</b>]]>')).toBe('&lt;b&gt;&amp;&quot;&apos;&lt;/b&gt;]]&gt;');
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  test('measures with the embedded fonts: proportional sans, fixed-width mono', () => {
    expect(sans.width('MMMM', 12)).toBeGreaterThan(sans.width('iiii', 12) * 2);
    expect(mono.width('MMMM', 12)).toBeCloseTo(mono.width('iiii', 12), 5);
    expect(sans.width('abc', 24)).toBeCloseTo(sans.width('abc', 12) * 2, 5);
    expect(sans.has('A'.codePointAt(0)!)).toBe(true);
  });

  test('cuts text to a width with an ellipsis and wraps long text into lines that fit', () => {
    const cut = ellipsize('a rather long title for a small card', 80, 14, sans);
    expect(cut.endsWith('…')).toBe(true);
    expect(sans.width(cut, 14)).toBeLessThanOrEqual(80);
    const { lines, more } = wrap('word '.repeat(60) + 'x'.repeat(80), 120, 12, sans, 100);
    expect(more).toBe(false);
    for (const l of lines) expect(sans.width(l, 12)).toBeLessThanOrEqual(120);
    expect(lines.join('').replace(/ /g, '')).toBe('word'.repeat(60) + 'x'.repeat(80));
    expect(wrap('one two three four', 30, 12, sans, 2).more).toBe(true);
  });
});
