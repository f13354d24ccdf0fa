// Metric card as web/src/widgets/metric.tsx draws it: label, big value with unit, coloured delta, sparkline.
import { formatDelta, formatNumber } from '../../dashboard/present/format.ts';
import type { MetricWidget } from '../../dashboard/schema.ts';
import type { Body, RenderContext } from '../body.ts';
import { baseline, n, path, text, type Box } from '../svg.ts';
import { OVERFLOW_TOLERANCE, wrapAtSpaces } from '../text.ts';

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

/** The page's .metric-number has letter-spacing -0.02em. */
const NUMBER_TRACKING = 0.98;
/** Flex gap between the number and its unit (0.35rem). */
const UNIT_GAP = 5.25;
const UNIT_LINE = 20.25;

export function metricBody(widget: MetricWidget, width: number, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const value = typeof widget.value === 'number' ? formatNumber(widget.value, widget.format) : widget.value;
  // A currency format already shows its symbol; the page drops the repeated unit.
  const unit = widget.format?.startsWith('currency') ? undefined : widget.unit;
  const tone = widget.delta !== undefined ? deltaTone(widget.delta, widget.goodWhen) : undefined;
  const deltaShown = widget.delta !== undefined ? formatDelta(widget.delta, widget.format, { unit, deltaFormat: widget.deltaFormat }) : undefined;
  const deltaText = deltaShown !== undefined ? `${widget.delta! > 0 ? '▲' : widget.delta! < 0 ? '▼' : '■'} ${deltaShown}` : undefined;
  const trend = widget.trend?.filter(Number.isFinite) ?? [];
  const numberWidth = (t: string) => fonts.bold.width(t, VALUE.size) * NUMBER_TRACKING;
  // What wraps on the page wraps here: the label and a text value at spaces, the unit onto a line of its own.
  const labelLines = widget.label ? wrapAtSpaces(widget.label, width, (t) => fonts.sans.width(t, LABEL.size)).lines : [];
  const valueWrap = wrapAtSpaces(value, width, numberWidth);
  const valueLines = valueWrap.lines.length ? valueWrap.lines : [''];
  const lastWidth = numberWidth(valueLines[valueLines.length - 1]!);
  const unitOwnLine = unit !== undefined && lastWidth + UNIT_GAP + fonts.sans.width(unit, UNIT) > width;
  const deltaLines = deltaText ? wrapAtSpaces(deltaText, width, (t) => fonts.bold.width(t, DELTA.size)).lines : [];
  const height =
    labelLines.length * LABEL.line + valueLines.length * VALUE.line + (unitOwnLine ? UNIT_LINE : 0) + deltaLines.length * DELTA.line + (trend.length >= 2 ? SPARK.gap + SPARK.height : 0);
  const problems: string[] = [];
  const unitCut = unitOwnLine && fonts.sans.width(unit!, UNIT) > width * OVERFLOW_TOLERANCE;
  if (valueWrap.overflow.length || unitCut) {
    const cut = [...valueWrap.overflow, ...(unitCut ? [unit!] : [])][0]!;
    problems.push(`the value "${value}${unit ? ` ${unit}` : ''}" does not fit its card: "${cut.slice(0, 40)}" is wider than the card and is cut; widen the card, shorten the value, or use format "compact"`);
  }

  const summary = [
    widget.label ? `"${widget.label}": ` : '',
    `${value}${unit ? ` ${unit}` : ''}`,
    deltaText ? `, delta ${deltaShown} (${tone === 'neutral' ? 'no change' : `${tone}, shown in ${tone === 'good' ? 'green' : 'red'}`})` : '',
    trend.length >= 2 ? `, trend of ${trend.length} points from ${formatNumber(trend[0]!)} to ${formatNumber(trend[trend.length - 1]!)}` : '',
  ].join('');

  const draw = (box: Box): string => {
    const toneColour = tone === 'good' ? palette.good : tone === 'bad' ? palette.bad : palette.muted;
    let y = box.y + Math.max(0, (box.height - height) / 2);
    const out: string[] = [];
    for (const l of labelLines) {
      out.push(text(box.x, baseline(y, LABEL.line, LABEL.size), l, { font: 'sans', size: LABEL.size, fill: palette.muted }));
      y += LABEL.line;
    }
    let valueBase = 0;
    for (const l of valueLines) {
      valueBase = baseline(y, VALUE.line, VALUE.size);
      out.push(text(box.x, valueBase, l, { font: 'bold', size: VALUE.size, fill: palette.text }));
      y += VALUE.line;
    }
    if (unit && unitOwnLine) {
      out.push(text(box.x, baseline(y, UNIT_LINE, UNIT), unit, { font: 'sans', size: UNIT, fill: palette.muted }));
      y += UNIT_LINE;
    } else if (unit) out.push(text(box.x + numberWidth(valueLines[valueLines.length - 1]!) + UNIT_GAP, valueBase, unit, { font: 'sans', size: UNIT, fill: palette.muted }));
    for (const l of deltaLines) {
      out.push(text(box.x, baseline(y, DELTA.line, DELTA.size), l, { font: 'bold', size: DELTA.size, fill: toneColour }));
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
