// The chart widget: a raw ECharts option or the shorthand { type, x, series }, with per-type point checks.
import { z } from 'zod';
import { NESTED_OPTION_KEYS, oneOrMany, OPTION_SERIES_TYPES } from './document-rules.ts';
import { widgetBase } from './schema-common.ts';

export const CHART_TYPES = [
  'line',
  'area',
  'bar',
  'stacked-bar',
  'scatter',
  'pie',
  'donut',
  'heatmap',
  'candlestick',
  'gauge',
  'radar',
  'funnel',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** What one point of each type is: the text the model reads (the type's description) and the refusals quote. */
export const CHART_POINT_SHAPES: Readonly<Record<ChartType, string>> = {
  line: 'a number per x label (null for a gap)',
  area: 'a number per x label (null for a gap)',
  bar: 'a number per x label (null for a gap)',
  'stacked-bar': 'a number per x label (null for a gap), series stacked',
  scatter: 'an array [x, y] (or [x, y, size]) of numbers',
  pie: '{ "name", "value" } (or a number when x names the slices)',
  donut: '{ "name", "value" } (or a number when x names the slices)',
  funnel: '{ "name", "value" } (or a number when x names the stages)',
  heatmap: '[xIndex, yIndex, value] with indexes into x (columns) and y (rows), or their labels',
  candlestick: '[open, close, low, high] (ECharts order), one per x label',
  gauge: 'a single number, one series with one point (its scale: see max)',
  radar: 'a number per axis named in x, one series per shape',
};

/** "line, area, bar: a number per x label ...; scatter: ...": types that share a point shape are named together. */
function shapesByType(): string {
  const groups = new Map<string, ChartType[]>();
  for (const type of CHART_TYPES) groups.set(CHART_POINT_SHAPES[type], [...(groups.get(CHART_POINT_SHAPES[type]) ?? []), type]);
  return Array.from(groups, ([shape, types]) => `${types.join(', ')}: ${shape}`).join('; ');
}

/** Types whose points line up with the `x` labels one by one. */
export const X_ALIGNED_TYPES: readonly ChartType[] = ['line', 'area', 'bar', 'stacked-bar', 'candlestick', 'radar'];

export const MAX_POINTS = 100_000;
export const MAX_SERIES = 50;

const LabelSchema = z.union([z.string().max(200), z.number()]);

export const ChartPointSchema = z
  .union(
    [
      z.number(),
      z.null(),
      z.array(z.union([z.number(), z.string().max(200), z.null()])).min(2).max(5),
      z.strictObject({ name: z.string().max(200), value: z.number().nullable() }),
    ],
    { error: 'a point is a number, null, an array like [x, y] or [open, close, low, high], or { "name", "value" }' },
  )
  .describe('One data point; its shape depends on the chart type (see "type").');
export type ChartPoint = z.infer<typeof ChartPointSchema>;

export const ChartSeriesSchema = z.strictObject({
  name: z.string().min(1).max(200).describe('Series name, shown in the legend and tooltip.'),
  data: z.array(ChartPointSchema).max(MAX_POINTS).describe('Points of this series, in x order.'),
});
export type ChartSeries = z.infer<typeof ChartSeriesSchema>;

const SHORTHAND_KEYS = ['type', 'x', 'y', 'series', 'xLabel', 'yLabel', 'min', 'max', 'candleColors'] as const;

/** Candle colours: rising green and falling red (the default), or the East-Asian convention, rising red. */
export const CANDLE_COLOR_MODES = ['green-up', 'red-up'] as const;

export const ChartWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('chart').describe('Widget kind: "chart".'),
    option: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('A full ECharts option as plain JSON (no functions, no HTML). Use it only when the shorthand cannot express the chart; then omit type/x/series.'),
    type: z
      .enum(CHART_TYPES)
      .optional()
      .describe(`Shorthand chart type. A point of each type: ${shapesByType()}.`),
    x: z
      .array(LabelSchema)
      .max(MAX_POINTS)
      .optional()
      .describe(
        'Category labels along the x axis (dates, names): each series then has exactly one point per label (null for a gap; an empty series waits for data_append). Radar: the axis names. Heatmap: the column labels. Pie, donut, funnel: names for plain-number points.',
      ),
    y: z.array(LabelSchema).max(1000).optional().describe('Heatmap only: the row labels, top to bottom (a point\'s yIndex counts in them); to name the y axis use yLabel.'),
    series: z
      .array(ChartSeriesSchema)
      .min(1)
      .max(MAX_SERIES)
      .optional()
      .describe('Shorthand data: [{ "name": "revenue", "data": [...] }].'),
    xLabel: z.string().max(100).optional().describe('Name of the x axis.'),
    yLabel: z.string().max(100).optional().describe('Name of the y axis (units help: "USD", "ms").'),
    min: z.number().optional().describe('Gauge: lowest value (default 0). Other types: lower bound of the value axis.'),
    max: z
      .number()
      .optional()
      .describe(
        'Gauge: the top of the scale (a number > 0, default 100); without max a value from 0 to 1 is a fraction and the gauge shows 0-100 % (0.83 shows 83 %). Radar: every axis\'s maximum. Other types: upper bound of the value axis.',
      ),
    candleColors: z
      .enum(CANDLE_COLOR_MODES)
      .optional()
      .describe('Candlestick only: "green-up" (default: rising candles green, falling red) or "red-up" (rising red, falling green, the East-Asian convention).'),
    clickable: z
      .boolean()
      .optional()
      .describe('true = a click on a point, bar or slice is sent back as feedback (series, name, value); read it with feedback_read.'),
  })
  .superRefine((chart, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (chart.option !== undefined) {
      for (const key of SHORTHAND_KEYS) {
        if (chart[key] !== undefined) {
          issue([key], `"${key}" is shorthand and cannot be combined with "option": put everything inside the option, or drop "option" (set it to null in a patch)`);
        }
      }
      const problem = findOptionProblem(chart.option) ?? findSeriesProblem(chart.option);
      if (problem) issue(['option', ...problem.path], problem.message);
      return;
    }
    if (chart.type === undefined) {
      issue([], 'a chart needs either "option" (an ECharts option) or "type" + "series" (the shorthand)');
      return;
    }
    if (chart.series === undefined) {
      issue(['series'], `a ${chart.type} chart needs "series": [{ "name": "...", "data": [...] }]`);
      return;
    }
    const { x, y, min, max, candleColors, series } = chart;
    for (const problem of shorthandProblems(chart.type, { x, y, min, max, candleColors, series })) issue(problem.path, problem.message);
  })
  .describe('A chart: the shorthand { type, x?, series } (preferred) or a raw ECharts { option }.');
export type ChartWidget = z.infer<typeof ChartWidgetSchema>;

interface Problem {
  path: (string | number)[];
  message: string;
}

type Shorthand = Pick<ChartWidget, 'x' | 'y' | 'min' | 'max' | 'candleColors'> & { series: ChartSeries[] };

const isNum = (v: unknown): v is number => typeof v === 'number';
const isNumOrNull = (v: unknown) => v === null || typeof v === 'number';
const isNamed = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a point fits its type; what it should be is CHART_POINT_SHAPES. */
const POINT_FITS: Record<ChartType, (p: ChartPoint, chart: Shorthand) => boolean> = {
  line: isNumOrNull,
  area: isNumOrNull,
  bar: isNumOrNull,
  'stacked-bar': isNumOrNull,
  radar: isNumOrNull,
  scatter: (p) => Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every(isNum),
  pie: (p, c) => isNamed(p) || (isNum(p) && c.x !== undefined),
  donut: (p, c) => isNamed(p) || (isNum(p) && c.x !== undefined),
  funnel: (p, c) => isNamed(p) || (isNum(p) && c.x !== undefined),
  heatmap: (p, c) => Array.isArray(p) && p.length === 3 && isNumOrNull(p[2]) && cellRef(p[0], c.x) && cellRef(p[1], c.y),
  candlestick: (p) => Array.isArray(p) && p.length === 4 && p.every(isNum),
  gauge: (p) => isNum(p) || isNamed(p),
};

/** Whether each point of the series belongs to one x label: the aligned types, and pie-like numbers named by x. */
function lengthMustMatch(type: ChartType, series: ChartSeries): boolean {
  if (X_ALIGNED_TYPES.includes(type)) return true;
  const pieLike = type === 'pie' || type === 'donut' || type === 'funnel';
  return pieLike && series.data.some((point) => typeof point === 'number');
}

function cellRef(ref: unknown, labels: readonly (string | number)[] | undefined): boolean {
  if (typeof ref === 'string') return labels === undefined || labels.includes(ref);
  if (typeof ref !== 'number' || !Number.isInteger(ref) || ref < 0) return false;
  return labels === undefined || ref < labels.length;
}

function shorthandProblems(type: ChartType, chart: Shorthand): Problem[] {
  const problems: Problem[] = [];
  const fits = POINT_FITS[type];
  if (type === 'radar' && chart.x === undefined) {
    problems.push({ path: ['x'], message: 'a radar chart needs "x": the names of its axes, one value per axis in each series' });
  }
  if (type === 'gauge' && (chart.series.length !== 1 || chart.series[0]?.data.length !== 1)) {
    problems.push({ path: ['series'], message: 'a gauge shows one value: give exactly one series with one number, e.g. [{ "name": "load", "data": [72] }]' });
  }
  if (type === 'gauge' && chart.max !== undefined && chart.max <= (chart.min ?? 0)) {
    problems.push({ path: ['max'], message: `a gauge's max must be above its min (${chart.min ?? 0}): give e.g. "max": 100, or leave it out for 0-100 (a value from 0 to 1 then reads as a fraction)` });
  }
  if (chart.candleColors !== undefined && type !== 'candlestick') {
    problems.push({ path: ['candleColors'], message: '"candleColors" is only for candlestick charts' });
  }
  if (chart.y !== undefined && type !== 'heatmap') {
    problems.push({ path: ['y'], message: '"y" (row labels) is only for heatmap charts; use yLabel to name the y axis' });
  }
  chart.series.forEach((series, s) => {
    // One message per series is enough to show the pattern; 100k copies of it would hide everything else.
    const bad = series.data.findIndex((point) => !fits(point, chart));
    if (bad >= 0) {
      problems.push({
        path: ['series', s, 'data', bad],
        message: `a ${type} point is ${CHART_POINT_SHAPES[type]}; got ${JSON.stringify(series.data[bad])?.slice(0, 80)}`,
      });
    }
    // Both directions: extra points have no label to sit on, missing ones would leave labels with nothing drawn.
    // An empty series is no mismatch: it is a chart set up for data_append that has no data yet.
    if (chart.x !== undefined && series.data.length > 0 && lengthMustMatch(type, series) && series.data.length !== chart.x.length) {
      const more = series.data.length > chart.x.length;
      problems.push({
        path: ['series', s, 'data'],
        message: `series "${series.name}" has ${series.data.length} points but "x" has ${chart.x.length} labels: give exactly one value per x label (${
          more ? 'add the missing labels to "x" or drop the extra points' : 'null where a label has no value, or drop the extra labels from "x"'
        })`,
      });
    }
  });
  return problems;
}

const OPTION_SERIES_SET: ReadonlySet<string> = new Set(OPTION_SERIES_TYPES);

/** Tells the model at write time what the page would only show as a broken chart. */
function findSeriesProblem(option: Record<string, unknown>): Problem | undefined {
  const raw = option.series;
  const list = oneOrMany(raw);
  if (list.length === 0 && option.dataset === undefined) {
    return { path: ['series'], message: 'the option has no "series": add e.g. [{ "type": "bar", "data": [1, 2, 3] }]' };
  }
  for (let i = 0; i < list.length; i++) {
    const type = (list[i] as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !OPTION_SERIES_SET.has(type)) {
      const path = Array.isArray(raw) ? ['series', i, 'type'] : ['series', 'type'];
      return { path, message: `series type ${JSON.stringify(type ?? null)} is not supported; use one of: ${OPTION_SERIES_TYPES.join(', ')}` };
    }
  }
  return undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// ECharts renders formatter strings and rich text as HTML in tooltips; markup from a model has no business there.
const HTML_TAG = /<\s*[a-z!/?]/i;
const MAX_OPTION_DEPTH = 32;

/** Finds the first thing in an ECharts option that is not plain, inert JSON. */
export function findOptionProblem(value: unknown, path: (string | number)[] = []): Problem | undefined {
  if (path.length === 0 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const nested = NESTED_OPTION_KEYS.find((key) => key in value);
    if (nested) return { path: [nested], message: `"${nested}" is not supported: give one plain option` };
  }
  if (path.length > MAX_OPTION_DEPTH) return { path, message: `the option nests deeper than ${MAX_OPTION_DEPTH} levels` };
  if (typeof value === 'function') return { path, message: 'functions are not allowed in an option: use plain JSON values' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { path, message: 'numbers must be finite' };
  if (typeof value === 'string') {
    return HTML_TAG.test(value) ? { path, message: 'HTML is not allowed in option strings: use plain text or ECharts {a}/{b}/{c} templates' } : undefined;
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'undefined' || typeof value === 'bigint' || typeof value === 'symbol'
      ? { path, message: `${typeof value} is not JSON` }
      : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = findOptionProblem(value[i], [...path, i]);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], message: `"${key}" is not allowed as a key` };
    const problem = findOptionProblem(child, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}
