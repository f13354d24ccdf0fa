// What a chart option holds, read from the option itself: each series' name, type, point count and value range, and
// its category axes. Feeds the text account and the empty-data and too-many-categories checks.
import { isRecord, oneOrMany } from '../../dashboard/document-rules.ts';
export interface SeriesInfo {
  name: string;
  type: string;
  /** Data items (points, bars, slices, cells). */
  points: number;
  /** Items with a numeric value. */
  numeric: number;
  min: number;
  max: number;
}

export interface CategoryAxis {
  dim: 'x' | 'y';
  index: number;
  labels: unknown[];
}


/** The numbers an item of a series of `type` plots (its value axis), for the range shown in the account. */
function itemValues(type: string, item: unknown): number[] {
  const raw = isRecord(item) ? item.value : item;
  if (typeof raw === 'number') return Number.isFinite(raw) ? [raw] : [];
  if (!Array.isArray(raw)) return [];
  const nums = raw.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  switch (type) {
    case 'scatter':
      return typeof raw[1] === 'number' ? [raw[1]] : [];
    case 'heatmap':
      return typeof raw[2] === 'number' ? [raw[2]] : [];
    case 'candlestick':
    case 'boxplot':
    case 'radar':
      return nums;
    default:
      // [x, y] pairs on line/bar: the last number is the value.
      return typeof raw[raw.length - 1] === 'number' ? [raw[raw.length - 1] as number] : [];
  }
}

function treeItems(items: unknown[], out: unknown[], depth = 0): void {
  for (const item of items) {
    if (isRecord(item) && Array.isArray(item.children) && item.children.length > 0 && depth < 20) treeItems(item.children, out, depth + 1);
    else out.push(item);
  }
}

/** A radar series draws one named polygon per data item, and its legend names those: each is a series to a person. */
function radarPolygons(series: Record<string, unknown>, i: number): SeriesInfo[] {
  return oneOrMany(series.data).map((item, j) => {
    const values = itemValues('radar', item);
    const name = isRecord(item) && typeof item.name === 'string' ? item.name : typeof series.name === 'string' ? `${series.name} #${j + 1}` : `radar #${i + 1}.${j + 1}`;
    return { name, type: 'radar', points: values.length, numeric: values.length, min: Math.min(...values), max: Math.max(...values) };
  });
}

export function seriesInfo(option: Record<string, unknown>): SeriesInfo[] {
  const datasetRows = oneOrMany(isRecord(option.dataset) ? option.dataset.source : undefined);
  return oneOrMany(option.series).flatMap((s, i) => {
    if (isRecord(s) && s.type === 'radar' && oneOrMany(s.data).length > 0) return radarPolygons(s, i);
    const series = isRecord(s) ? s : {};
    const type = typeof series.type === 'string' ? series.type : 'unknown';
    let items = oneOrMany(series.type === 'sankey' ? (series.links ?? series.edges) : series.data);
    if (type === 'treemap') {
      const leaves: unknown[] = [];
      treeItems(items, leaves);
      items = leaves;
    }
    // A series without data draws from the dataset (its first row is usually the header).
    if (series.data === undefined && datasetRows.length > 0 && type !== 'sankey') items = datasetRows.slice(1);
    let min = Infinity;
    let max = -Infinity;
    let numeric = 0;
    for (const item of items) {
      const values = type === 'sankey' ? itemValues('line', item) : series.data === undefined && Array.isArray(item) ? item.filter((v): v is number => typeof v === 'number') : itemValues(type, item);
      if (values.length) numeric++;
      for (const v of values) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    const name = typeof series.name === 'string' ? series.name : type === 'radar' || type === 'pie' ? `${type} #${i + 1}` : `#${i + 1}`;
    return { name, type, points: items.length, numeric, min, max };
  });
}

/** Category axes with their labels (given, or taken from the dataset's first column as ECharts does). */
export function categoryAxes(option: Record<string, unknown>): CategoryAxis[] {
  const out: CategoryAxis[] = [];
  for (const dim of ['x', 'y'] as const) {
    oneOrMany(option[`${dim}Axis`]).forEach((axis, index) => {
      if (!isRecord(axis)) return;
      const type = axis.type ?? (dim === 'x' ? 'category' : 'value');
      if (type !== 'category') return;
      let labels = oneOrMany(axis.data);
      if (labels.length === 0 && isRecord(option.dataset)) labels = oneOrMany(option.dataset.source).slice(1).map((row) => (Array.isArray(row) ? row[0] : isRecord(row) ? Object.values(row)[0] : row));
      if (labels.length === 0) {
        // No labels given: ECharts numbers the categories by the longest series.
        const longest = Math.max(0, ...oneOrMany(option.series).map((s) => (isRecord(s) ? oneOrMany(s.data).length : 0)));
        labels = Array.from({ length: longest }, (_, i) => i);
      }
      out.push({ dim, index, labels: labels.map((l) => (isRecord(l) ? l.value : l)) });
    });
  }
  return out;
}

export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  return abs !== 0 && (abs >= 1e9 || abs < 1e-3) ? v.toExponential(2) : Number(v.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}
