// Makes an AI-written ECharts option safe and themed: text-only tooltips, no remote images, known series.
import { inSeriesFamily, isRecord, NESTED_OPTION_KEYS, oneOrMany, OPTION_SERIES_TYPES } from '../document-rules.ts';
import { fitChartToWidth, type ChartBox } from './fit-width.ts';
import { CANDLE_COLORS, SERIES_COLORS, type ChartTheme } from './palette.ts';
import { safeLinkHref } from './safe-url.ts';
import { applyNameColors } from './series-colors.ts';
import { WidgetDataError } from './widget-fields.ts';

const SUPPORTED_SERIES: ReadonlySet<string> = new Set(OPTION_SERIES_TYPES);

/** Strings ECharts would load as images from a URL: only data: images are kept. */
function scrub(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('image://') && !value.startsWith('image://data:')) return 'circle';
    if (key === 'image' && !value.startsWith('data:')) return undefined;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, ''));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const s = scrub(v, k);
      if (s !== undefined) out[k] = s;
    }
    return out;
  }
  return value;
}

/** A clicked title or treemap node opens its link: only http(s)/mailto, always in a new tab without an opener. */
function neuterLinks(option: Record<string, unknown>, series: unknown[]): void {
  for (const title of oneOrMany(option.title)) {
    if (!isRecord(title)) continue;
    for (const key of ['link', 'sublink'] as const) {
      const href = safeLinkHref(title[key]);
      if (href) title[key] = href;
      else delete title[key];
    }
    title.target = 'blank';
    title.subtarget = 'blank';
  }
  for (const s of series) {
    // treemap's 'link' mode opens data-item URLs with the author's target ('self' keeps window.opener).
    if (isRecord(s) && s.nodeClick === 'link') s.nodeClick = 'zoomToNode';
  }
}

/** How the chart will be shown; each part optional (without it, that step is left to ECharts' defaults). */
export interface ChartPresentation {
  /** The page theme: series take the palette that keeps 3:1 on that theme's card. */
  theme?: ChartTheme;
  /** The laid-out size: legends, axis labels and pie labels adapt to it (fit-width.ts). */
  box?: ChartBox;
  /** Palette index per series or item name, shared by a dashboard's charts (series-colors.ts). */
  nameColors?: ReadonlyMap<string, number>;
}

/**
 * Rising candles green, falling red (most readers' convention, and the page's metric colours), unless the series
 * sets any candle colour itself; ECharts' default is the other way round.
 */
function candleColors(series: unknown[]): void {
  for (const s of series) {
    if (!isRecord(s) || s.type !== 'candlestick') continue;
    const style = isRecord(s.itemStyle) ? s.itemStyle : {};
    if (['color', 'color0', 'borderColor', 'borderColor0'].some((k) => style[k] !== undefined)) continue;
    s.itemStyle = { ...style, color: CANDLE_COLORS.up, color0: CANDLE_COLORS.down, borderColor: CANDLE_COLORS.up, borderColor0: CANDLE_COLORS.down };
  }
}

/** Two or more unstacked areas: each fill lighter, so the front one does not hide the ones behind it. */
function seeThroughAreas(series: unknown[]): void {
  const areas = series.filter((s): s is Record<string, unknown> => isRecord(s) && s.type === 'line' && isRecord(s.areaStyle) && s.stack === undefined);
  if (areas.length < 2) return;
  for (const s of areas) s.areaStyle = { opacity: 0.25, ...(s.areaStyle as Record<string, unknown>) };
}

export function prepareChartOption(raw: unknown, present: ChartPresentation = {}): Record<string, unknown> {
  if (!isRecord(raw)) throw new WidgetDataError('"option" must be an ECharts option object');
  for (const key of NESTED_OPTION_KEYS) {
    if (key in raw) throw new WidgetDataError(`"${key}" is not supported in a chart option: give one plain option`);
  }
  const option = scrub(raw, '') as Record<string, unknown>;
  const series = oneOrMany(option.series);
  if (series.length === 0 && !option.dataset) throw new WidgetDataError('the chart option has no "series"');
  for (const s of series) {
    const type = isRecord(s) ? s.type : undefined;
    if (typeof type !== 'string' || !SUPPORTED_SERIES.has(type)) {
      throw new WidgetDataError(`series type "${String(type)}" is not supported here (use ${OPTION_SERIES_TYPES.join(', ')})`);
    }
  }
  // toolbox's data view and graphic elements can render author text as HTML or load images: not offered.
  delete option.toolbox;
  delete option.graphic;
  neuterLinks(option, series);
  const cartesian = series.some((s) => isRecord(s) && inSeriesFamily('cartesian', s.type) && s.type !== 'heatmap');
  const tooltips = oneOrMany(option.tooltip ?? { trigger: cartesian ? 'axis' : 'item' });
  // richText tooltips are drawn on the canvas, so AI-written names can never become HTML.
  option.tooltip = tooltips.map((t) => ({ confine: true, ...(isRecord(t) ? t : {}), renderMode: 'richText' }));
  if (option.backgroundColor === undefined) option.backgroundColor = 'transparent';
  candleColors(series);
  seeThroughAreas(series);
  if (present.theme) {
    const palette = SERIES_COLORS[present.theme];
    if (present.nameColors) applyNameColors(option, present.nameColors, palette);
    option.color ??= [...palette];
  }
  if (present.box) fitChartToWidth(option, present.box);
  return option;
}
