// Shapes of the JSON the server sends: dashboard views, widget views, SSE payloads, server info.

export type Theme = 'auto' | 'light' | 'dark';

/** A widget as the server sends it; kind-specific fields are checked by each widget component. */
export interface WidgetView {
  id: string;
  kind: string;
  title?: string;
  width?: number;
  height?: 's' | 'm' | 'l';
  note?: string;
  [field: string]: unknown;
}

export interface DashboardView {
  id: string;
  title: string;
  description?: string;
  theme: Theme;
  widgets: WidgetView[];
  revision: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface DashboardUpdate {
  revision: number;
  updatedAt: string;
  expiresAt: string;
  title: string;
  description?: string;
  theme: Theme;
  order: string[];
  changed: WidgetView[];
  removed: string[];
}

export interface ServerInfo {
  name: string;
  version: string;
  mcpUrl: string;
  publicUrl: string;
}

/** One parsed server-sent event (the wire format, before its data is interpreted). */
export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

export type DashboardEvent =
  | { type: 'snapshot'; view: DashboardView }
  | { type: 'update'; update: DashboardUpdate }
  | { type: 'expired'; id: string };
