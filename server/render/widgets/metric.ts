// Metric card as web/src/widgets/metric.tsx draws it: label, big value with unit, coloured delta, sparkline.
import { formatDelta, formatNumber } from '../../dashboard/present/format.ts';
import type { MetricWidget } from '../../dashboard/schema.ts';
import type { Body, RenderContext } from '../body.ts';
import { baseline, n, path, text, type Box } from '../svg.ts';
import { ellipsize } from '../text.ts';

const LABEL = { size: 12.3, line: 18.45 };
const VALUE = { size: 28.5, line: 34.2 };
const UNIT = 13.5;
const DELTA = { size: 12.75, line: 19.13 };
const SPARK = { gap: 6, height: 32 };

export type DeltaTone = 'good' | 'bad' | 'neutral';

/** Same rule as the page: a rise is good unless goodWhen is "down". */
export function deltaTone(delta: number, goodWhen: MetricWidget['goodWhen']): DeltaTone {
  if (delta === 0) return 'neutral';
  return (goodWhen === 'down' ? delta < 0 : delta > 0) ? 'good' : 'bad';
}

export function metricBody(widget: MetricWidget, width: number, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const value = typeof widget.value === 'number' ? formatNumber(widget.value, widget.format) : widget.value;
  // A currency format already shows its symbol; the page drops the repeated unit.
  const unit = widget.format?.startsWith('currency') ? undefined : widget.unit;
  const tone = widget.delta !== undefined ? deltaTone(widget.delta, widget.goodWhen) : undefined;
  const deltaText = widget.delta !== undefined ? `${widget.delta > 0 ? '▲' : widget.delta < 0 ? '▼' : '■'} ${formatDelta(widget.delta, widget.format)}` : undefined;
  const trend = widget.trend?.filter(Number.isFinite) ?? [];
  const height =
    (widget.label ? LABEL.line : 0) + VALUE.line + (deltaText ? DELTA.line : 0) + (trend.length >= 2 ? SPARK.gap + SPARK.height : 0);
  const problems: string[] = [];
  const valueWidth = fonts.bold.width(value, VALUE.size) + (unit ? 5.25 + fonts.sans.width(unit, UNIT) : 0);
  if (valueWidth > width + 1) problems.push(`the value "${value}${unit ? ` ${unit}` : ''}" is wider than its card and is cut; widen the card or shorten the value`);

  const summary = [
    widget.label ? `"${widget.label}": ` : '',
    `${value}${unit ? ` ${unit}` : ''}`,
    deltaText ? `, delta ${formatDelta(widget.delta!, widget.format)} (${tone === 'neutral' ? 'no change' : `${tone}, shown in ${tone === 'good' ? 'green' : 'red'}`})` : '',
    trend.length >= 2 ? `, trend of ${trend.length} points from ${formatNumber(trend[0]!)} to ${formatNumber(trend[trend.length - 1]!)}` : '',
  ].join('');

  const draw = (box: Box): string => {
    const toneColour = tone === 'good' ? palette.good : tone === 'bad' ? palette.bad : palette.muted;
    let y = box.y + Math.max(0, (box.height - height) / 2);
    const out: string[] = [];
    if (widget.label) {
      out.push(text(box.x, baseline(y, LABEL.line, LABEL.size), ellipsize(widget.label, box.width, LABEL.size, fonts.sans), { font: 'sans', size: LABEL.size, fill: palette.muted }));
      y += LABEL.line;
    }
    const valueBase = baseline(y, VALUE.line, VALUE.size);
    out.push(text(box.x, valueBase, value, { font: 'bold', size: VALUE.size, fill: palette.text }));
    if (unit) out.push(text(box.x + fonts.bold.width(value, VALUE.size) + 5.25, valueBase, unit, { font: 'sans', size: UNIT, fill: palette.muted }));
    y += VALUE.line;
    if (deltaText) {
      out.push(text(box.x, baseline(y, DELTA.line, DELTA.size), deltaText, { font: 'bold', size: DELTA.size, fill: toneColour }));
      y += DELTA.line;
    }
    if (trend.length >= 2) out.push(sparkline(trend, { x: box.x, y: y + SPARK.gap, width: box.width, height: SPARK.height }, palette.accent));
    return out.join('');
  };
  return { height, draw, summary, problems };
}

/** The page's inline SVG sparkline, stretched to the card width (preserveAspectRatio none). */
function sparkline(values: number[], box: Box, colour: string): string {
  // A long trend needs no more points than the card is wide.
  const step = Math.max(1, Math.floor(values.length / Math.max(2, box.width)));
  const v = values.filter((_, i) => i % step === 0);
  let min = Infinity;
  let max = -Infinity;
  for (const x of v) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const span = max - min || 1;
  const scaleY = box.height / 32;
  const pts = v.map((y, i) => [box.x + (i / (v.length - 1)) * box.width, box.y + (32 - 2 - ((y - min) / span) * 28) * scaleY] as const);
  const lineD = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)} ${n(y)}`).join('');
  const areaD = `${lineD}L${n(box.x + box.width)} ${n(box.y + box.height)}L${n(box.x)} ${n(box.y + box.height)}Z`;
  return path(areaD, { fill: colour, opacity: 0.1 }) + path(lineD, { stroke: colour, strokeWidth: 1.6 });
}
