// data_append as a pure edit: rows to a table, points to a chart or metric, lines to a log, with keep_last.
import { NotFoundError, ValidationError } from '../errors.ts';
import { oneOrMany } from './document-rules.ts';
import { widgetContentWarnings } from './content-warnings.ts';
import type { EditResult } from './edit-result.ts';
import { plural } from './edit-result.ts';
import { formatIssues } from './format-error.ts';
import { checkLimits, type Limits } from './limits.ts';
import { MAX_TABLE_ROWS, MAX_TREND_POINTS, TableWidgetSchema, type TableWidget, type ChartPoint, type ChartSeries, type ChartWidget, type Dashboard, type Widget } from './schema.ts';
import { parseWidget } from './validate.ts';

export interface AppendInput {
  /** Id of the widget to append to. */
  widget: string;
  rows?: unknown[];
  points?: unknown[];
  /** Chart series name to append to; default the first series. */
  series?: string;
  lines?: string[];
  /** Keep only the newest N rows/points/lines after appending. */
  keep_last?: number;
}

const FIELD_FOR_KIND: Record<string, string> = { table: 'rows', chart: 'points', metric: 'points', log: 'lines' };
const WHICH_FITS = '"rows" go to a table, "points" to a chart or metric, "lines" to a log';

/**
 * Appends to one widget. Charts (shorthand): points go to the named series (default the first). A line, area,
 * bar or stacked-bar chart with x labels takes [x, y] (the value y at label x: x is added once, the series streamed
 * in separate calls share it, other series hold null there) or [x, y1, y2, ...] (one value per series, in order);
 * a plain number fills the next label after the series' last value. Candlestick with x: [x, open, close, low, high]. Pie/donut/funnel: { name, value } replaces
 * the slice of that name or adds one. Gauge: the last point becomes the value. Option charts: points go
 * verbatim into option.series[i].data. keep_last trims x and every series together when the chart has x.
 */
export function appendData(doc: Dashboard, input: AppendInput, limits: Limits): EditResult {
  const given = (['rows', 'points', 'lines'] as const).filter((field) => input[field] !== undefined);
  if (given.length !== 1) throw new ValidationError(`give exactly one of "rows", "points" or "lines": ${WHICH_FITS}`);
  const field = given[0] as 'rows' | 'points' | 'lines';
  const items = input[field];
  if (!Array.isArray(items) || items.length === 0) throw new ValidationError(`"${field}" must be a non-empty array`);
  const keep = input.keep_last;
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) {
    throw new ValidationError('keep_last must be a whole number of at least 1');
  }
  const index = doc.widgets.findIndex((widget) => widget.id === input.widget);
  if (index < 0) {
    throw new NotFoundError(`no widget "${input.widget}" to append to; existing ids: ${doc.widgets.map((w) => w.id).join(', ') || 'none'}`);
  }
  const current = doc.widgets[index] as Widget;
  const fits = FIELD_FOR_KIND[current.kind];
  if (fits !== field) {
    throw new ValidationError(
      fits
        ? `widget "${current.id}" is a ${current.kind}: append "${fits}" to it, not "${field}" (${WHICH_FITS})`
        : `widget "${current.id}" is a ${current.kind}, which takes no appended data (${WHICH_FITS}); use widget_update to change it`,
    );
  }
  if (input.series !== undefined && current.kind !== 'chart') {
    throw new ValidationError('"series" only applies to chart points');
  }

  const appended = appendTo(current, items, input.series, keep);
  const widget = appended.validated ? (appended.widget as Widget) : parseWidget(appended.widget, `widget "${current.id}" after appending`);
  const next: Dashboard = { ...doc, widgets: doc.widgets.with(index, widget) };
  checkLimits(next, limits);
  const unit = field === 'rows' ? 'row' : field === 'lines' ? 'line' : 'point';
  const kept = keep !== undefined ? `, kept the last ${keep}` : '';
  return {
    doc: next,
    summary: `appended ${plural(items.length, unit)} to ${current.kind} ${current.id}${appended.where}${kept} (now ${appended.count(widget)})`,
    changed: [current.id],
    removed: [],
    orderChanged: false,
    warnings: appended.warnings ?? [],
  };
}

interface Appended {
  widget: unknown;
  /** Where the data went, e.g. ` series "HASH"`. */
  where: string;
  count: (widget: Widget) => number;
  /** Set when only the new data was validated (re-checking 100k old rows on every append costs too much). */
  validated?: true;
  /** Content warnings about the appended data (content-warnings.ts). */
  warnings?: string[];
}

function appendTo(widget: Widget, items: unknown[], series: string | undefined, keep: number | undefined): Appended {
  switch (widget.kind) {
    case 'table':
      return appendRows(widget, items, keep);
    case 'log': {
      if (!items.every((line) => typeof line === 'string')) throw new ValidationError('"lines" must be strings');
      return { widget: { ...widget, lines: tail([...widget.lines, ...(items as string[])], keep) }, where: '', count: (w) => (w as typeof widget).lines.length };
    }
    case 'metric': {
      if (!items.every((point) => typeof point === 'number' && Number.isFinite(point))) {
        throw new ValidationError('metric points are numbers: each is added to the trend and the last becomes the value');
      }
      const trend = tail([...(widget.trend ?? []), ...(items as number[])], keep ?? MAX_TREND_POINTS).slice(-MAX_TREND_POINTS);
      return { widget: { ...widget, trend, value: items[items.length - 1] }, where: ' trend', count: (w) => (w as typeof widget).trend?.length ?? 0 };
    }
    case 'chart':
      return widget.option !== undefined ? appendToOption(widget, items, series, keep) : appendToShorthand(widget, items, series, keep);
    default:
      throw new ValidationError(`widget "${widget.id}" takes no appended data`);
  }
}

function appendRows(widget: TableWidget, items: unknown[], keep: number | undefined): Appended {
  // Validate the new rows against the table's own schema (columns, sortBy) as if they were its only rows.
  const probe = TableWidgetSchema.safeParse({ ...widget, rows: items });
  if (!probe.success) {
    const rowIssues = probe.error.issues.map((issue) => ({ ...issue, path: issue.path[0] === 'rows' ? issue.path.slice(1) : issue.path }));
    throw new ValidationError(formatIssues(rowIssues, items, 'rows').join('\n'), probe.error);
  }
  const first = widget.rows[0];
  if (first !== undefined && Array.isArray(first) !== Array.isArray(items[0])) {
    throw new ValidationError(
      `rows[0]: table "${widget.id}" has rows that are ${Array.isArray(first) ? 'arrays in column order' : 'objects keyed by column key'}; send the new rows the same way`,
    );
  }
  const rows = tail([...widget.rows, ...(probe.data.rows as TableWidget['rows'])], keep);
  if (rows.length > MAX_TABLE_ROWS) {
    throw new ValidationError(`table "${widget.id}" would have ${rows.length} rows; the maximum is ${MAX_TABLE_ROWS}: pass keep_last to drop old rows`);
  }
  // Only the new rows are checked, for the same reason they are the only ones validated.
  const warnings = widgetContentWarnings({ ...widget, rows: probe.data.rows as TableWidget['rows'] });
  return { widget: { ...widget, rows }, where: '', count: () => rows.length, validated: true, warnings };
}

function tail<T>(list: T[], keep: number | undefined): T[] {
  return keep !== undefined && list.length > keep ? list.slice(-keep) : list;
}

function pickSeries<T extends { name?: unknown }>(list: readonly T[], name: string | undefined, id: string): number {
  if (list.length === 0) throw new ValidationError(`chart "${id}" has no series to append to; add one with widget_update`);
  if (name === undefined) return 0;
  const at = list.findIndex((entry) => entry.name === name);
  if (at < 0) {
    const names = list.map((entry, i) => (typeof entry.name === 'string' ? `"${entry.name}"` : `#${i}`)).join(', ');
    throw new NotFoundError(`chart "${id}" has no series "${name}"; its series: ${names}`);
  }
  return at;
}

function appendToOption(widget: ChartWidget, items: unknown[], name: string | undefined, keep: number | undefined): Appended {
  const option = widget.option as Record<string, unknown>;
  const raw = option.series;
  const list = oneOrMany(raw) as Record<string, unknown>[];
  const at = pickSeries(list, name, widget.id);
  const target = list[at] as Record<string, unknown>;
  const data = Array.isArray(target.data) ? target.data : [];
  const seriesList = list.with(at, { ...target, data: tail([...data, ...items], keep) });
  const label = typeof target.name === 'string' ? ` series "${target.name}"` : '';
  return {
    widget: { ...widget, option: { ...option, series: Array.isArray(raw) ? seriesList : seriesList[0] } },
    where: label,
    count: () => Math.min(data.length + items.length, keep ?? Infinity),
  };
}

const CATEGORY_TYPES = new Set(['line', 'area', 'bar', 'stacked-bar']);

function appendToShorthand(widget: ChartWidget, items: unknown[], name: string | undefined, keep: number | undefined): Appended {
  const type = widget.type;
  const seriesList = widget.series ?? [];
  const at = pickSeries(seriesList, name, widget.id);
  const target = seriesList[at] as ChartSeries;
  const where = ` series "${target.name}"`;
  const count = (w: Widget) => ((w as ChartWidget).series?.[at]?.data.length ?? 0);

  if (type === 'radar') throw new ValidationError(`chart "${widget.id}" is a radar chart: its points are per axis; use widget_update to change them`);
  if (type === 'gauge') {
    const last = items[items.length - 1] as ChartPoint;
    return { widget: { ...widget, series: [{ ...target, data: [last] }] }, where, count };
  }
  if (type === 'pie' || type === 'donut' || type === 'funnel') {
    const data = [...target.data];
    for (const point of items) {
      const slice = point as { name?: unknown };
      const same = typeof slice === 'object' && slice !== null ? data.findIndex((p) => (p as { name?: unknown } | null)?.name === slice.name) : -1;
      if (same >= 0) data[same] = point as ChartPoint;
      else data.push(point as ChartPoint);
    }
    return { widget: { ...widget, series: seriesList.with(at, { ...target, data: tail(data, keep) }) }, where, count };
  }
  // An empty chart without x starts an x list when its first point carries a label.
  const first = items[0];
  const labelled = Array.isArray(first) && !(type === 'candlestick' && first.length === 4);
  const usesX =
    (CATEGORY_TYPES.has(type as string) || type === 'candlestick') &&
    (widget.x !== undefined || (labelled && seriesList.every((s) => s.data.length === 0)));
  if (!usesX) {
    return { widget: { ...widget, series: seriesList.with(at, { ...target, data: tail([...target.data, ...(items as ChartPoint[])], keep) }) }, where, count };
  }
  return appendAligned(widget, items, at, name !== undefined, keep, where, count);
}

/**
 * Line-like and candlestick charts with x labels: keep every series lined up with x, one x per label. A labelled
 * point whose x is already on the axis after the series' last value (another series added it) lands there, so
 * series streamed one call each share one x; a new label is added once and every other series gets an explicit
 * null for it.
 */
function appendAligned(
  widget: ChartWidget,
  items: unknown[],
  at: number,
  named: boolean,
  keep: number | undefined,
  where: string,
  count: (w: Widget) => number,
): Appended {
  const x = [...(widget.x ?? [])];
  const data = (widget.series ?? []).map((series) => [...series.data]);
  const candle = widget.type === 'candlestick';
  const shape = candle ? '[x, open, close, low, high]' : '[x, y]';
  /** Where `label` goes for these series: the first matching x after each one's last value, else a new x. */
  const slotFor = (label: string | number, targets: number[]): number => {
    const from = Math.max(...targets.map((s) => lastValueAt(data[s] as ChartPoint[]) + 1));
    for (let i = from; i < x.length; i++) if (x[i] === label) return i;
    x.push(label);
    return x.length - 1;
  };
  const put = (s: number, slot: number, value: ChartPoint) => {
    const list = data[s] as ChartPoint[];
    while (list.length <= slot) list.push(null);
    list[slot] = value;
  };
  for (const point of items) {
    if (!Array.isArray(point) || (candle && point.length === 4)) {
      const slot = lastValueAt(data[at] as ChartPoint[]) + 1;
      if (slot >= x.length) {
        throw new ValidationError(
          `chart "${widget.id}" has x labels and series "${widget.series?.[at]?.name}" already has a value for each: append ${shape} so the new value gets its label`,
        );
      }
      put(at, slot, point as ChartPoint);
      continue;
    }
    const [label, ...values] = point as unknown[];
    if (typeof label !== 'string' && typeof label !== 'number') {
      throw new ValidationError(`the first element of ${JSON.stringify(point).slice(0, 60)} must be the x label (a string or number)`);
    }
    if (candle) {
      if (values.length !== 4) throw new ValidationError('a candlestick point with its label is [x, open, close, low, high]');
      put(at, slotFor(label, [at]), values as ChartPoint);
    } else if (values.length === 1) {
      put(at, slotFor(label, [at]), values[0] as ChartPoint);
    } else if (!named && values.length === data.length) {
      const slot = slotFor(label, data.map((_, i) => i));
      values.forEach((value, i) => put(i, slot, value as ChartPoint));
    } else {
      throw new ValidationError(
        `point ${JSON.stringify(point).slice(0, 60)}: give [x, y] for one series (name it with "series"), or [x, y1, ..., y${data.length}] (one value per series in order, without "series")`,
      );
    }
  }
  // Missing points are explicit: every series has one entry per x (null where it has no value).
  for (const list of data) while (list.length < x.length) list.push(null);
  const drop = keep !== undefined && x.length > keep ? x.length - keep : 0;
  const series = (widget.series ?? []).map((s, i) => ({ ...s, data: (data[i] as ChartPoint[]).slice(drop) }));
  return { widget: { ...widget, x: x.slice(drop), series }, where, count };
}

/** Index of the last non-null point (-1 when the series has none). */
function lastValueAt(list: readonly ChartPoint[]): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i] !== null) return i;
  return -1;
}
