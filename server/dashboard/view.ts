// The document as the page gets it (HTTP and SSE): every chart carries a resolved ECharts option.
import { chartToOption } from './chart.ts';
import type { Dashboard, Theme, Widget } from './schema.ts';

/** A widget as sent to the page: charts always have `option`; their shorthand fields may stay alongside. */
export type WidgetView = Widget extends infer W ? (W extends { kind: 'chart' } ? W & { option: Record<string, unknown> } : W) : never;

export type DashboardView = Omit<Dashboard, 'widgets'> & { widgets: WidgetView[] };

/** `theme` is the dashboard's; it only adds ECharts' darkMode hint when explicitly light or dark. */
export function widgetView(widget: Widget, theme?: Theme): WidgetView {
  if (widget.kind !== 'chart' || widget.option !== undefined) return widget as WidgetView;
  return { ...widget, option: chartToOption(widget, theme) };
}

export function toView(doc: Dashboard): DashboardView {
  return { ...doc, widgets: doc.widgets.map((widget) => widgetView(widget, doc.theme)) };
}
