// Reading ECharts' SVG text back as boxes: labels past the chart's edge, labels on top of each other.
import { beforeAll, describe, expect, test } from 'bun:test';
import { loadRenderAssets } from '../../../../server/render/assets.ts';
import { cutLabels, labelBoxes, overlappingLabels } from '../../../../server/render/chart/svg-labels.ts';
import { parseFontMetrics } from '../../../../server/render/font-metrics.ts';
import type { Fonts } from '../../../../server/render/text.ts';

let fonts: Fonts;
beforeAll(async () => {
  const assets = await loadRenderAssets();
  fonts = { sans: parseFontMetrics(assets.sans), bold: parseFontMetrics(assets.sansBold), mono: parseFontMetrics(assets.mono) };
});

const label = (text: string, x: number, y: number, extra = '') =>
  `<text dominant-baseline="central" text-anchor="end" style="font-size:12px;font-family:sans-serif;" transform="translate(${x} ${y})" ${extra}>${text}</text>`;

describe('svg labels', () => {
  test('finds a label reaching past the left edge, not one that fits', () => {
    const svg = `<svg>${label('A long category name', 40, 50)}${label('ok', 40, 80)}</svg>`;
    const boxes = labelBoxes(svg, fonts);
    expect(boxes.map((b) => b.text)).toEqual(['A long category name', 'ok']);
    expect(cutLabels(boxes, 300, 200).map((b) => b.text)).toEqual(['A long category name']);
  });

  test('finds labels drawn over each other, including rotated alike, and reads entities as text', () => {
    const svg = `<svg>${label('a &amp; b', 100, 50)}${label('a &lt; c', 104, 52)}${label('far away', 100, 150)}</svg>`;
    const pairs = overlappingLabels(labelBoxes(svg, fonts));
    expect(pairs.map(([a, b]) => [a.text, b.text])).toEqual([['a & b', 'a < c']]);
    const rotated = (x: number) => `<text text-anchor="end" style="font-size:12px" transform="matrix(0.707,0.707,-0.707,0.707,${x},100)">Category number one</text>`;
    expect(overlappingLabels(labelBoxes(`<svg>${rotated(100)}${rotated(104)}</svg>`, fonts))).toHaveLength(1);
    expect(overlappingLabels(labelBoxes(`<svg>${rotated(100)}${rotated(140)}</svg>`, fonts))).toHaveLength(0);
  });

  test('ignores text inside clipped groups (a scrolling legend hides items on purpose)', () => {
    const svg = `<svg><g clip-path="url(#c)"><g>${label('hidden one', 5, 50)}</g>${label('hidden two', 6, 50)}</g>${label('shown', 200, 50)}</svg>`;
    expect(labelBoxes(svg, fonts).map((b) => b.text)).toEqual(['shown']);
  });

  test('finds labels on one line that run together with no gap ("1,000,0001,200,000"), not ones with room between', () => {
    const centred = (text: string, x: number) => `<text dominant-baseline="central" text-anchor="middle" style="font-size:12px" transform="translate(${x} 200)">${text}</text>`;
    const w = fonts.sans.width('1,000,000', 12);
    const touching = overlappingLabels(labelBoxes(`<svg>${centred('1,000,000', 100)}${centred('1,200,000', 100 + w + 0.5)}</svg>`, fonts));
    expect(touching.map(([a, b]) => [a.text, b.text])).toEqual([['1,000,000', '1,200,000']]);
    expect(overlappingLabels(labelBoxes(`<svg>${centred('1,000,000', 100)}${centred('1,200,000', 100 + w + 8)}</svg>`, fonts))).toHaveLength(0);
  });
});
