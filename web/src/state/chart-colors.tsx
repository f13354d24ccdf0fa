// One colour per series or item name across the dashboard's charts (server/dashboard/present/series-colors.ts), handed
// to each chart widget by id. A widget shown without this provider colours its chart on its own.
import { createContext, createMemo, useContext, type Accessor, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { chartColorsByWidget } from '../../../server/dashboard/present/series-colors.ts';

type ColorsByWidget = ReadonlyMap<string, ReadonlyMap<string, number>>;

const ChartColorsContext = createContext<Accessor<ColorsByWidget>>();

/** Palette index per name for every chart of `widgets` (in display order), keyed by widget id. */
export const chartColors = (widgets: readonly WidgetView[]): ColorsByWidget => chartColorsByWidget(widgets);

export function ChartColorsProvider(props: { widgets: Accessor<readonly WidgetView[]>; children: JSX.Element }): JSX.Element {
  const colors = createMemo(() => chartColors(props.widgets()));
  return <ChartColorsContext.Provider value={colors}>{props.children}</ChartColorsContext.Provider>;
}

const sameMap = (a: ReadonlyMap<string, number> | undefined, b: ReadonlyMap<string, number> | undefined): boolean =>
  a === b || (!!a && !!b && a.size === b.size && [...a].every(([k, v]) => b.get(k) === v));

/** This chart's name colours; changes only when its own colours change (another chart's update redraws nothing here). */
export function useChartColors(widgetId: () => string): Accessor<ReadonlyMap<string, number> | undefined> {
  const all = useContext(ChartColorsContext);
  return createMemo(() => all?.().get(widgetId()), undefined, { equals: sameMap });
}
