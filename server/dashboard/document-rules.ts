// The rules of a dashboard document that the page applies too: id patterns, widget kinds and their default widths,
// the ECharts series types the page can draw, option keys refused, and "one or many" lists. Pure and without imports,
// so the page, the snapshot and the in-chat view all import this very file instead of keeping copies in sync.

/** A dashboard id as stored: a lower-case UUID. A session's default dashboard has the session's id. */
export const DASHBOARD_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID in any case, as a model may paste it back. */
export const UUID_ANY_CASE_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An MCP session id as mcpdash mints it (crypto.randomUUID(): version 4), in any case. */
export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Every UUID inside a longer text (a logged path), to shorten it: ids are credentials. */
export function uuidsIn(): RegExp {
  // A fresh object per use: a shared global RegExp carries lastIndex from one caller to the next.
  return /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
}

/** A widget id the model chooses: it appears in URLs, CSS selectors and feedback events. */
export const WIDGET_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const WIDGET_KINDS = ['markdown', 'metric', 'table', 'chart', 'image', 'code', 'progress', 'log', 'choice', 'form'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/** Columns of the 12-column grid a widget takes when it names no width (the page lays out, the snapshot copies). */
export const DEFAULT_WIDGET_WIDTH: Readonly<Record<WidgetKind, number>> = {
  markdown: 12,
  metric: 3,
  table: 12,
  chart: 6,
  image: 4,
  code: 6,
  progress: 6,
  log: 12,
  choice: 6,
  form: 6,
};

/** Series types the page's ECharts build registers (present/echarts-parts.ts); others would draw as an error. */
export const OPTION_SERIES_TYPES = [
  'line', 'bar', 'scatter', 'pie', 'heatmap', 'candlestick', 'gauge', 'radar', 'treemap', 'boxplot', 'funnel', 'sankey',
] as const;

/** The families of series types that readers of an option treat alike, named once (each a subset of the above). */
export const SERIES_FAMILIES = {
  /** Slices of one whole: each data item is a part, drawn without axes. */
  slices: ['pie', 'funnel'],
  /** Each data item takes its own palette colour (slices and tree tiles), not each series. */
  itemColoured: ['pie', 'funnel', 'treemap'],
  /** Drawn without an x axis: slices, trees and flows. */
  axisless: ['pie', 'funnel', 'treemap', 'sankey'],
  /** On a category axis as one separate mark per x (bars, candles, boxes, cells), not a joined line. */
  discrete: ['bar', 'candlestick', 'boxplot', 'heatmap'],
  /** Drawn on a cartesian grid (x and y axes). */
  cartesian: ['line', 'bar', 'scatter', 'candlestick', 'boxplot', 'heatmap'],
} as const satisfies Record<string, readonly (typeof OPTION_SERIES_TYPES)[number][]>;

/** Whether an ECharts series type (any value read from an option) belongs to a family. */
export function inSeriesFamily(family: keyof typeof SERIES_FAMILIES, type: unknown): boolean {
  return (SERIES_FAMILIES[family] as readonly unknown[]).includes(type);
}

/**
 * Option keys that swap in whole other options (responsive and timeline variants): everything below them would
 * escape the page's rules (text-only tooltips, safe links), so they are refused rather than half-checked.
 */
export const NESTED_OPTION_KEYS = ['baseOption', 'media', 'options', 'timeline'] as const;

/** A plain JSON object (not null, not a list): the one test every reader of untrusted JSON uses. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ECharts takes one object or a list wherever it takes several (series, title, tooltip, axes): always a list. */
export function oneOrMany(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}
