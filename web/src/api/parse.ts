// Turns raw JSON / SSE messages from the server into typed events, rejecting malformed payloads.
import type { DashboardEvent, DashboardUpdate, DashboardView, InboxAnswer, InboxNotice, SseMessage, Theme, WidgetView } from './types';

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const theme = (v: unknown): Theme => (v === 'light' || v === 'dark' ? v : 'auto');
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Keeps anything with an id; a widget's own fields are judged later, by its component. */
function widgets(v: unknown): WidgetView[] {
  if (!Array.isArray(v)) throw new ProtocolError('widgets is not a list');
  return v.filter((w): w is WidgetView => isObject(w) && typeof w.id === 'string') as WidgetView[];
}

export function parseView(json: unknown): DashboardView {
  if (!isObject(json) || typeof json.id !== 'string' || typeof json.revision !== 'number') {
    throw new ProtocolError('not a dashboard view');
  }
  return {
    id: json.id,
    title: str(json.title, 'Dashboard'),
    description: optStr(json.description),
    theme: theme(json.theme),
    feedback: json.feedback !== false,
    widgets: widgets(json.widgets),
    revision: json.revision,
    createdAt: str(json.createdAt),
    updatedAt: str(json.updatedAt),
    expiresAt: str(json.expiresAt),
  };
}

export function parseUpdate(json: unknown): DashboardUpdate {
  if (!isObject(json) || typeof json.revision !== 'number' || !Array.isArray(json.order)) {
    throw new ProtocolError('not a dashboard update');
  }
  return {
    revision: json.revision,
    updatedAt: str(json.updatedAt),
    expiresAt: str(json.expiresAt),
    title: str(json.title, 'Dashboard'),
    description: optStr(json.description),
    theme: theme(json.theme),
    feedback: json.feedback !== false,
    order: json.order.filter((id): id is string => typeof id === 'string'),
    changed: json.changed === undefined ? [] : widgets(json.changed),
    removed: Array.isArray(json.removed) ? json.removed.filter((id): id is string => typeof id === 'string') : [],
  };
}

function answer(v: unknown): InboxAnswer | undefined {
  if (!isObject(v) || typeof v.id !== 'number' || typeof v.widget !== 'string' || !isObject(v.data)) return undefined;
  if (v.kind !== 'choice' && v.kind !== 'form') return undefined;
  return { id: v.id, at: str(v.at), widget: v.widget, kind: v.kind, data: v.data, viewer: str(v.viewer) };
}

export function parseInbox(json: unknown): InboxNotice {
  if (!isObject(json)) throw new ProtocolError('not an inbox notice');
  const notice: InboxNotice = {
    answers: Array.isArray(json.answers) ? json.answers.map(answer).filter((a): a is InboxAnswer => a !== undefined) : [],
  };
  if (json.full === true) notice.full = true;
  if (typeof json.seenThrough === 'number') notice.seenThrough = json.seenThrough;
  return notice;
}

const EVENTS = new Set(['snapshot', 'update', 'expired', 'inbox']);

/** Interprets one SSE message; unknown event types yield null so newer servers don't break old pages. */
export function parseEvent(message: SseMessage): DashboardEvent | null {
  if (!EVENTS.has(message.event)) return null;
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    throw new ProtocolError(`${message.event} event is not JSON`);
  }
  if (message.event === 'snapshot') return { type: 'snapshot', view: parseView(json) };
  if (message.event === 'update') return { type: 'update', update: parseUpdate(json) };
  if (message.event === 'inbox') return { type: 'inbox', notice: parseInbox(json) };
  return { type: 'expired', id: isObject(json) ? str(json.id) : '' };
}
