// Text for SVG: escaping (AI-written text only ever becomes character data), measuring, clipping and wrapping.
import type { FontMetrics } from './font-metrics.ts';

export interface Fonts {
  sans: FontMetrics;
  bold: FontMetrics;
  mono: FontMetrics;
}

export type FontKind = keyof Fonts;

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF): one would make the SVG unreadable. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or an attribute value: markup in it stays text. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** Tabs and line breaks as the page shows them inside one line (collapsed white space). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The longest prefix of `text` that fits `maxWidth`, with an ellipsis when cut. */
export function ellipsize(text: string, maxWidth: number, size: number, font: FontMetrics): string {
  if (font.width(text, size) <= maxWidth) return text;
  const ellipsis = '…';
  const room = maxWidth - font.width(ellipsis, size);
  if (room <= 0) return '';
  // Binary search on the prefix length: long texts (100 KB) cost a few measurements, not one per character.
  let lo = 0;
  let hi = Math.min(text.length, Math.ceil(maxWidth / (size * 0.2)) + 1);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (font.width(text.slice(0, mid), size) <= room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + ellipsis;
}

/**
 * Greedy word wrap into at most `maxLines` lines (a word longer than a line is broken). `more` tells whether text was
 * left over, so callers can show that it was cut.
 */
export function wrap(text: string, maxWidth: number, size: number, font: FontMetrics, maxLines = Infinity): { lines: string[]; more: boolean } {
  const lines: string[] = [];
  const words = oneLine(text).split(' ').filter(Boolean);
  const space = font.width(' ', size);
  let line = '';
  let lineWidth = 0;
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    let w = font.width(word, size);
    if (line && lineWidth + space + w <= maxWidth) {
      line += ` ${word}`;
      lineWidth += space + w;
      continue;
    }
    if (line) {
      lines.push(line);
      if (lines.length >= maxLines) return { lines, more: true };
    }
    while (w > maxWidth && word.length > 1) {
      const head = breakWord(word, maxWidth, size, font);
      lines.push(head);
      if (lines.length >= maxLines) return { lines, more: true };
      word = word.slice(head.length);
      w = font.width(word, size);
    }
    line = word;
    lineWidth = w;
  }
  if (line) lines.push(line);
  return { lines, more: false };
}

function breakWord(word: string, maxWidth: number, size: number, font: FontMetrics): string {
  let lo = 1;
  let hi = word.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (font.width(word.slice(0, mid), size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return word.slice(0, lo);
}

/** The snapshot's font runs a little wider than the page's: only a clear overflow counts as cut. */
export const OVERFLOW_TOLERANCE = 1.05;

/**
 * Lines as the browser wraps normal text: at spaces only. A word wider than the line stays whole and overflows (the
 * card clips it), which is the only way the page cuts a metric.
 */
export function wrapAtSpaces(text: string, maxWidth: number, measure: (text: string) => number): { lines: string[]; overflow: string[] } {
  const lines: string[] = [];
  const overflow: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (!line || measure(joined) <= maxWidth) line = joined;
    else {
      lines.push(line);
      line = word;
    }
    if (measure(word) > maxWidth * OVERFLOW_TOLERANCE) overflow.push(word);
  }
  if (line) lines.push(line);
  return { lines, overflow };
}

