// Shapes of the JSON the server sends: dashboard views, widget views, SSE payloads, server info.
import type { InboxAnswer, InboxNotice } from '../../../server/dashboard/answer-rules';

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
  /** Whether the page takes answers, comments and messages (the assistant can close it). */
  feedback: boolean;
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
  feedback: boolean;
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
  | { type: 'expired'; id: string }
  | { type: 'inbox'; notice: InboxNotice };

export type FeedbackKind = 'message' | 'comment' | 'choice' | 'form' | 'click';

/** What the page sends back (POST /api/dashboard/<id>/feedback). */
export interface FeedbackInput {
  kind: FeedbackKind;
  widget?: string;
  data: Record<string, unknown>;
  viewer: string;
}

/** The server's answer to a send: stored with this id, or refused with a message for the person. */
export type SendResult = { ok: true; id: number; at: string } | { ok: false; status: number; message: string };

/** The inbox notices of the live feed: one shape with the server (server/dashboard/answer-rules.ts). */
export type { InboxAnswer, InboxNotice };
