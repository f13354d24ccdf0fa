// Rules that keep a chart readable at the width it is laid out at (a 390 px phone, a 600-700 px chat column): legends
// wrap instead of paging, axis labels thin out instead of running together, pie labels move to the legend when they
// would be cut. A pure function of the option and the box, so the page and the snapshot draw the same chart.
import { inSeriesFamily, isRecord, oneOrMany } from '../document-rules.ts';

export interface ChartBox {
  width: number;
  height: number;
}

/** Below this width a pie's outside labels do not fit beside it: the legend names the slices instead. */
export const PIE_LABELS_MIN_WIDTH = 560;
/** Below this width a value axis keeps to a few labels (wide numbers like "1,400,000" need the room). */
const NARROW_WIDTH = 500;
/** One legend row: ECharts' 14 px items plus their gap and a little slack for descenders. */
const LEGEND_ROW = 24;
/** Average advance of ECharts' 12 px sans-serif labels, a little wide so an estimate never falls short. */
const CHAR_WIDTH = 7;

const textWidth = (text: string): number => text.length * CHAR_WIDTH;

/** The names a legend shows: its own data, else every named series or slice. */
function legendNames(option: Record<string, unknown>, legend: Record<string, unknown>): string[] {
  if (Array.isArray(legend.data)) return legend.data.map((d) => (isRecord(d) ? String(d.name ?? '') : String(d)));
  const names: string[] = [];
  for (const s of oneOrMany(option.series)) {
    if (!isRecord(s)) continue;
    if (inSeriesFamily('itemColoured', s.type)) {
      for (const item of oneOrMany(s.data)) if (isRecord(item) && item.name !== undefined) names.push(String(item.name));
    } else if (typeof s.name === 'string' && s.name) names.push(s.name);
  }
  return [...new Set(names)];
}

/** How many rows a horizontal legend of these names takes at this width (items wrap like words). */
export function legendRows(names: readonly string[], width: number): number {
  const room = Math.max(60, width - 20);
  let rows = names.length ? 1 : 0;
  let x = 0;
  for (const name of names) {
    const item = 25 + 5 + textWidth(name) + 10; // icon, gap, text, item gap
    if (x > 0 && x + item > room) {
      rows++;
      x = 0;
    }
    x += item;
  }
  return rows;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Makes every legend a wrapping one (never paged), horizontal at narrow widths; returns the room each side needs. */
function fitLegends(option: Record<string, unknown>, box: ChartBox): { top: number; bottom: number } {
  const room = { top: 0, bottom: 0 };
  const legends = oneOrMany(option.legend).filter(isRecord);
  for (const legend of legends) {
    if (legend.show === false) continue;
    // A scroll legend shows a page of items and "1/2": the series behind the arrow are hidden from the reader.
    if (legend.type === 'scroll') legend.type = 'plain';
    if (legend.orient === 'vertical' && box.width < NARROW_WIDTH) {
      legend.orient = 'horizontal';
      delete legend.right;
      delete legend.left;
      delete legend.bottom;
      legend.top = 0;
    }
    if (legend.orient === 'vertical') continue;
    const rows = legendRows(legendNames(option, legend), box.width);
    const height = rows * LEGEND_ROW + 4;
    const atBottom = legend.bottom !== undefined && legend.top === undefined;
    if (atBottom) room.bottom = Math.max(room.bottom, height);
    else room.top = Math.max(room.top, (num(legend.top) ?? 0) + height);
  }
  option.legend = Array.isArray(option.legend) ? legends : legends[0];
  return room;
}

/** Axis labels hide when they would overlap (never drawn over each other); value axes keep to a few at narrow widths. */
function fitAxes(option: Record<string, unknown>, box: ChartBox): void {
  for (const key of ['xAxis', 'yAxis'] as const) {
    const axes = oneOrMany(option[key]).filter(isRecord);
    for (const axis of axes) {
      const label = isRecord(axis.axisLabel) ? axis.axisLabel : {};
      axis.axisLabel = { hideOverlap: true, ...label };
      if (key === 'xAxis' && axis.type !== 'category' && box.width < NARROW_WIDTH && axis.splitNumber === undefined) axis.splitNumber = 3;
    }
    if (axes.length) option[key] = Array.isArray(option[key]) ? axes : axes[0];
  }
}

/** The first axis of a kind, as a record (or an empty one). */
const firstAxis = (option: Record<string, unknown>, key: 'xAxis' | 'yAxis'): Record<string, unknown> => {
  const axis = oneOrMany(option[key])[0];
  return isRecord(axis) ? axis : {};
};

/**
 * Grids leave room for the legend, for the axis names and for a colour scale under the plot. A cartesian chart
 * without a grid gets a tight one: ECharts' default leaves 60 px empty above the plot of a small card.
 */
function fitGrids(option: Record<string, unknown>, room: { top: number; bottom: number }): void {
  const scaleBelow = oneOrMany(option.visualMap).some((v) => isRecord(v) && v.show !== false && v.orient === 'horizontal' && v.bottom !== undefined);
  const grids = oneOrMany(option.grid).filter(isRecord);
  const x = firstAxis(option, 'xAxis');
  const y = firstAxis(option, 'yAxis');
  if (grids.length === 0) {
    const cartesian = oneOrMany(option.series).some((s) => isRecord(s) && inSeriesFamily('cartesian', s.type));
    if (!cartesian) return;
    grids.push({ left: 8, right: 16, top: typeof y.name === 'string' && y.name ? 32 : 16, bottom: 8, containLabel: true });
  }
  // An x axis name sits right of the axis, outside what containLabel keeps in: make room so it is not cut.
  const xName = typeof x.name === 'string' && x.name && (x.nameLocation ?? 'end') === 'end' ? textWidth(x.name) + 12 : 0;
  for (const grid of grids) {
    if (room.top > 0) grid.top = Math.max(num(grid.top) ?? 0, room.top + 12);
    if (xName > 0) grid.right = Math.max(num(grid.right) ?? 0, xName);
    // A horizontal colour scale (the heatmap's, ~20 px) has its handle numbers above it: the hour labels go above both.
    const below = room.bottom + (scaleBelow ? 64 : 0);
    if (below > 0) {
      grid.bottom = Math.max(num(grid.bottom) ?? 0, below + 8);
      grid.containLabel ??= true;
    }
  }
  option.grid = Array.isArray(option.grid) || grids.length > 1 ? grids : grids[0];
}

/** A single pie too narrow for outside labels: slices named by a wrapping legend, the pie sized to the rest. */
function fitPie(option: Record<string, unknown>, box: ChartBox, legendTop: number): number {
  const pies = oneOrMany(option.series).filter((s) => isRecord(s) && s.type === 'pie') as Record<string, unknown>[];
  if (pies.length !== 1 || box.width >= PIE_LABELS_MIN_WIDTH) return legendTop;
  const pie = pies[0]!;
  const label = isRecord(pie.label) ? pie.label : {};
  if (label.show === false || label.position === 'inside' || label.position === 'center') return legendTop;
  pie.label = { ...label, show: false };
  pie.labelLine = { ...(isRecord(pie.labelLine) ? pie.labelLine : {}), show: false };
  let top = legendTop;
  if (oneOrMany(option.legend).filter(isRecord).every((l) => l.show === false)) {
    const legend = { type: 'plain', top: 0, left: 'center' };
    option.legend = legend;
    top = fitLegends(option, box).top;
  }
  const free = box.height - top - 8;
  const outer = Math.max(24, Math.min(box.width - 16, free) / 2 - 4);
  const radius = pie.radius;
  const ratio = Array.isArray(radius) && radius.length === 2 ? parseFloat(String(radius[0])) / parseFloat(String(radius[1])) : undefined;
  pie.radius = ratio !== undefined && Number.isFinite(ratio) ? [Math.round(outer * ratio), Math.round(outer)] : Math.round(outer);
  pie.center = [Math.round(box.width / 2), Math.round(top + 4 + free / 2)];
  return top;
}

/** Adapts a prepared option (a private copy) to the box it is drawn in; mutates and returns it. */
export function fitChartToWidth(option: Record<string, unknown>, box: ChartBox): Record<string, unknown> {
  const room = fitLegends(option, box);
  room.top = fitPie(option, box, room.top);
  fitAxes(option, box);
  fitGrids(option, room);
  return option;
}
