// The page's names for the wire contracts (server/dashboard/wire.ts, shared with the server) plus the shapes that
// exist only in the browser: parsed SSE messages, typed stream events and the outcome of a send.
import type { DashboardUpdate, DashboardWire, InboxNotice, WireTheme, WireWidget } from '../../../server/dashboard/wire.ts';

export type Theme = WireTheme;
export type WidgetView = WireWidget;
export type DashboardView = DashboardWire;
export type { ConsentDetails, ConsentSettled, DashboardUpdate, FeedbackInput, FeedbackKind, InboxAnswer, InboxNotice, ServerInfo } from '../../../server/dashboard/wire.ts';

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

/** The server's answer to a send: stored with this id, or refused with a message for the person. */
export type SendResult = { ok: true; id: number; at: string } | { ok: false; status: number; message: string };
