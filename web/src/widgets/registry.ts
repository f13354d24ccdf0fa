// Maps a widget kind to its component and its default grid width.
import type { Component } from 'solid-js';
import { DEFAULT_WIDGET_WIDTH, type WidgetKind } from '../../../server/dashboard/document-rules';
import type { WidgetView } from '../api/types';
import { ChartWidget } from './chart';
import { CodeWidget } from './code';
import { ImageWidget } from './image';
import { LogWidget } from './log';
import { MarkdownWidget } from './markdown';
import { MetricWidget } from './metric';
import { ProgressWidget } from './progress';
import { TableWidget } from './table';

export type WidgetComponent = Component<{ widget: WidgetView }>;

export const WIDGETS: Record<string, WidgetComponent> = {
  markdown: MarkdownWidget,
  metric: MetricWidget,
  table: TableWidget,
  chart: ChartWidget,
  image: ImageWidget,
  code: CodeWidget,
  progress: ProgressWidget,
  log: LogWidget,
};

export function widgetWidth(w: WidgetView): number {
  const n = typeof w.width === 'number' ? Math.round(w.width) : DEFAULT_WIDGET_WIDTH[w.kind as WidgetKind] ?? 6;
  return Math.min(12, Math.max(1, n));
}

export function widgetHeight(w: WidgetView): 's' | 'm' | 'l' {
  return w.height === 's' || w.height === 'l' ? w.height : 'm';
}
