// Reads the text ECharts drew (its SSR SVG output) back as boxes, to find labels cut off at the chart's edge and
// labels drawn over each other: what a person notices first in a crowded chart.
import type { Fonts } from '../text.ts';

export interface LabelBox {
  text: string;
  /** Corners in chart px, after the text's transform. */
  corners: [number, number][];
  /** The same box in the frame of its own rotation (for overlap between labels rotated alike). */
  local: { x0: number; y0: number; x1: number; y1: number };
  rotation: string;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const unescape = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (m) => ENTITIES[m] ?? m);
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** Most labels a chart's text is checked for; past this the chart is crowded anyway and pairs would cost too much. */
const MAX_LABELS = 400;

/** Each <text> with its attributes and content, except text inside clipped groups (ECharts clips on purpose there,
 * e.g. the items of a scrolling legend) unless `all`. */
function visibleTexts(svg: string, all = false): { attrs: string; content: string }[] {
  const out: { attrs: string; content: string }[] = [];
  const tag = /<(\/?)([a-zA-Z]+)\b([^>]*?)(\/?)>/g;
  const clips: boolean[] = [];
  let clipped = 0;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const [, close, name, attrs = '', self] = m;
    if (name === 'text' && !close) {
      const end = svg.indexOf('</text>', tag.lastIndex);
      if (end < 0) break;
      if (all || (clipped === 0 && !attrs.includes('clip-path='))) out.push({ attrs, content: svg.slice(tag.lastIndex, end) });
      tag.lastIndex = end + '</text>'.length;
      if (out.length >= MAX_LABELS) break;
    } else if (name === 'g' && close) {
      if (clips.pop()) clipped--;
    } else if (name === 'g' && !self) {
      const clip = attrs.includes('clip-path=');
      clips.push(clip);
      if (clip) clipped++;
    }
  }
  return out;
}

/** Every text ECharts drew, clipped or not, as plain strings. */
export function drawnTexts(svg: string): string[] {
  return visibleTexts(svg, true)
    .filter(({ attrs }) => !/\sopacity="0"|display="none"/.test(attrs))
    .map(({ content }) => unescape(content.replace(/<[^>]*>/g, '')).trim())
    .filter(Boolean);
}

export function labelBoxes(svg: string, fonts: Fonts): LabelBox[] {
  const out: LabelBox[] = [];
  for (const { attrs, content: raw } of visibleTexts(svg)) {
    const content = unescape(raw.replace(/<[^>]*>/g, '')).trim();
    if (!content || /\sopacity="0"|display="none"|fill="none"/.test(attrs)) continue;
    const style = attr(attrs, 'style') ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
    const width = (bold ? fonts.bold : fonts.sans).width(content, size);
    const height = size * 1.15;
    const x = Number(attr(attrs, 'x') ?? 0);
    const y = Number(attr(attrs, 'y') ?? 0);
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const base = attr(attrs, 'dominant-baseline') ?? 'alphabetic';
    const x0 = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    const y0 = base === 'central' || base === 'middle' ? y - height / 2 : base === 'hanging' || base === 'text-before-edge' ? y : y - size * 0.93;
    const m = matrix(attr(attrs, 'transform'));
    const apply = (px: number, py: number): [number, number] => [m[0] * px + m[2] * py + m[4], m[1] * px + m[3] * py + m[5]];
    const corners = [apply(x0, y0), apply(x0 + width, y0), apply(x0 + width, y0 + height), apply(x0, y0 + height)];
    // In the label's own rotation frame, a translation is just an offset: R p + t = R (p + R^-1 t).
    const det = m[0] * m[3] - m[1] * m[2] || 1;
    const tx = (m[3] * m[4] - m[2] * m[5]) / det;
    const ty = (-m[1] * m[4] + m[0] * m[5]) / det;
    out.push({
      text: content,
      corners,
      local: { x0: x0 + tx, y0: y0 + ty, x1: x0 + width + tx, y1: y0 + height + ty },
      rotation: [m[0], m[1], m[2], m[3]].map((v) => v.toFixed(3)).join(','),
    });
  }
  return out;
}

function matrix(transform: string | undefined): [number, number, number, number, number, number] {
  if (!transform) return [1, 0, 0, 1, 0, 0];
  const nums = (s: string) => s.split(/[\s,]+/).filter(Boolean).map(Number);
  const m = /matrix\(([^)]*)\)/.exec(transform);
  if (m) {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = nums(m[1]!);
    return [a, b, c, d, e, f];
  }
  const t = /translate\(([^)]*)\)/.exec(transform);
  const [e = 0, f = 0] = t ? nums(t[1]!) : [];
  return [1, 0, 0, 1, e, f];
}

/** Labels reaching past the chart's area by more than a couple of pixels (clipped on the page). */
export function cutLabels(labels: LabelBox[], width: number, height: number): LabelBox[] {
  const slack = 2;
  return labels.filter((l) => l.corners.some(([x, y]) => x < -slack || y < -slack || x > width + slack || y > height + slack));
}

/** Labels closer than this on one line read as one word ("1,000,0001,200,000"). */
const MIN_GAP = 1.5;

/**
 * Pairs of labels (rotated alike) whose boxes overlap by more than a quarter of the smaller one, or that sit on one
 * line with no gap between them.
 */
export function overlappingLabels(labels: LabelBox[]): [LabelBox, LabelBox][] {
  const pairs: [LabelBox, LabelBox][] = [];
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i]!;
    for (let j = i + 1; j < labels.length; j++) {
      const b = labels[j]!;
      if (a.rotation !== b.rotation) continue;
      const w = Math.min(a.local.x1, b.local.x1) - Math.max(a.local.x0, b.local.x0);
      const h = Math.min(a.local.y1, b.local.y1) - Math.max(a.local.y0, b.local.y0);
      if (h <= 0) continue;
      const lineHeight = Math.min(a.local.y1 - a.local.y0, b.local.y1 - b.local.y0);
      const area = (l: LabelBox) => (l.local.x1 - l.local.x0) * (l.local.y1 - l.local.y0);
      if ((w > 0 && w * h > 0.25 * Math.min(area(a), area(b))) || (w > -MIN_GAP && h > 0.6 * lineHeight)) pairs.push([a, b]);
    }
  }
  return pairs;
}
