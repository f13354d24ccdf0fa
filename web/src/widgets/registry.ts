// Maps a widget kind to its component and its default grid width.
import type { Component } from 'solid-js';
import { DEFAULT_WIDGET_WIDTH, type WidgetKind } from '../../../server/dashboard/document-rules.ts';
import type { WidgetView } from '../api/types';
import { ChartWidget } from './chart';
import { ChoiceWidget } from './choice';
import { CodeWidget } from './code';
import { FormWidget } from './form';
import { ImageWidget } from './image';
import { LogWidget } from './log';
import { MarkdownWidget } from './markdown';
import { MetricWidget } from './metric';
import { ProgressWidget } from './progress';
import { TableWidget } from './table';

export type WidgetComponent = Component<{ widget: WidgetView }>;

// Typed by the shared kind list: a kind the server accepts but the page cannot draw fails to compile.
export const WIDGETS: Record<WidgetKind, WidgetComponent> = {
  markdown: MarkdownWidget,
  metric: MetricWidget,
  table: TableWidget,
  chart: ChartWidget,
  image: ImageWidget,
  code: CodeWidget,
  progress: ProgressWidget,
  log: LogWidget,
  choice: ChoiceWidget,
  form: FormWidget,
};

/** The component for a kind the server sent; undefined for one this page does not know (never an inherited key). */
export function componentFor(kind: string): WidgetComponent | undefined {
  return Object.hasOwn(WIDGETS, kind) ? WIDGETS[kind as WidgetKind] : undefined;
}

export function widgetWidth(w: WidgetView): number {
  const n = typeof w.width === 'number' ? Math.round(w.width) : DEFAULT_WIDGET_WIDTH[w.kind as WidgetKind] ?? 6;
  return Math.min(12, Math.max(1, n));
}

export function widgetHeight(w: WidgetView): 's' | 'm' | 'l' {
  return w.height === 's' || w.height === 'l' ? w.height : 'm';
}
