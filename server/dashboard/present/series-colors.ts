// One colour per series or item name across a dashboard's charts: "HASH" is the same colour in the donut, the treemap
// and the stacked bars. Pure: the page and the snapshot map the same documents to the same colours.
import { inSeriesFamily, isRecord, oneOrMany } from '../document-rules.ts';

/** Series types coloured per series (each series one colour) rather than per data item. */
const PER_SERIES = new Set(['line', 'bar', 'scatter', 'boxplot']);

/** The names a chart colours, in drawing order: item names of slices and tiles, series names otherwise. */
export function colouredNames(option: unknown): string[] {
  if (!isRecord(option) || option.color !== undefined) return []; // the author's own palette wins
  const names: string[] = [];
  for (const s of oneOrMany(option.series)) {
    if (!isRecord(s)) continue;
    if (inSeriesFamily('itemColoured', s.type)) {
      for (const item of oneOrMany(s.data)) if (isRecord(item) && typeof item.name === 'string' && item.name) names.push(item.name);
    } else if (PER_SERIES.has(String(s.type)) && typeof s.name === 'string' && s.name) {
      names.push(s.name);
    }
  }
  return names;
}

/**
 * Palette index per name, one map per chart (charts in dashboard order). A name keeps the index it got in the first
 * chart that showed it; a new name takes the lowest index not yet used in its own chart, so a chart of unrelated
 * names still starts at the palette's first colour. Two known names that would share an index in one chart: the
 * later one takes a free index there, so one chart never shows two series in one colour.
 */
export function assignNameColors(charts: readonly (readonly string[])[]): Map<string, number>[] {
  const global = new Map<string, number>();
  return charts.map((names) => {
    const local = new Map<string, number>();
    const used = new Set<number>();
    const free = (): number => {
      let i = 0;
      while (used.has(i)) i++;
      return i;
    };
    // Known names first, so they keep their colour whatever their position in this chart.
    for (const name of names) {
      const known = global.get(name);
      if (known === undefined || local.has(name) || used.has(known)) continue;
      local.set(name, known);
      used.add(known);
    }
    for (const name of names) {
      if (local.has(name)) continue;
      const index = free();
      local.set(name, index);
      used.add(index);
      if (!global.has(name)) global.set(name, index);
    }
    return local;
  });
}

function withColor(style: unknown, color: string): Record<string, unknown> | undefined {
  const s = isRecord(style) ? style : {};
  return s.color === undefined ? { ...s, color } : undefined;
}

/**
 * Sets the colour of each named series or item from the palette by its index, leaving any colour the author gave.
 * Mutates the (already copied) option; a chart with its own `color` list is left alone.
 */
export function applyNameColors(option: Record<string, unknown>, indexOf: ReadonlyMap<string, number>, palette: readonly string[]): void {
  if (option.color !== undefined || indexOf.size === 0 || palette.length === 0) return;
  const colorOf = (name: unknown): string | undefined => {
    const i = typeof name === 'string' ? indexOf.get(name) : undefined;
    return i === undefined ? undefined : palette[i % palette.length];
  };
  for (const s of oneOrMany(option.series)) {
    if (!isRecord(s)) continue;
    if (inSeriesFamily('itemColoured', s.type) && Array.isArray(s.data)) {
      s.data = s.data.map((item: unknown) => {
        const color = isRecord(item) ? colorOf(item.name) : undefined;
        const style = color ? withColor((item as Record<string, unknown>).itemStyle, color) : undefined;
        return style ? { ...(item as Record<string, unknown>), itemStyle: style } : item;
      });
    } else if (PER_SERIES.has(String(s.type))) {
      // A line series takes its colour (legend, symbols, area) from lineStyle; the others from itemStyle.
      const own = (isRecord(s.itemStyle) && s.itemStyle.color !== undefined) || (isRecord(s.lineStyle) && s.lineStyle.color !== undefined);
      const color = own ? undefined : colorOf(s.name);
      const key = s.type === 'line' ? 'lineStyle' : 'itemStyle';
      const style = color ? withColor(s[key], color) : undefined;
      if (style) s[key] = style;
    }
  }
}

/** Palette index per name for every chart of a dashboard's widgets (in display order), keyed by widget id. */
export function chartColorsByWidget(widgets: readonly { id: string; kind: string; option?: unknown }[]): Map<string, Map<string, number>> {
  const charts = widgets.filter((w) => w.kind === 'chart');
  const maps = assignNameColors(charts.map((w) => colouredNames(w.option)));
  return new Map(charts.map((w, i) => [w.id, maps[i]!]));
}
