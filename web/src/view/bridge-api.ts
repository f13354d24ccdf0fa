// The view's server calls, through the host bridge (app-only tools view_load / view_wait / view_send): the in-chat
// counterpart of api/client.ts, which the view never uses (it may fetch nothing itself).
import type { HostLink } from './host-link';
import { parseInbox, parseUpdate, parseView } from '../api/parse';
import type { DashboardUpdate, DashboardView, FeedbackInput, InboxNotice, SendResult } from '../api/types';

export type Change =
  | { status: 'unchanged'; revision: number }
  | { status: 'update'; update: DashboardUpdate; inbox: InboxNotice }
  | { status: 'document'; document: DashboardView; inbox: InboxNotice }
  | { status: 'inbox'; inbox: InboxNotice }
  | { status: 'gone' }
  /** The server said to slow down (or the call failed): wait this long before the next try. */
  | { status: 'retry'; afterMs?: number };

export interface BridgeApi {
  load(dashboard: string): Promise<Change>;
  wait(dashboard: string, view: string, after: number, signal: AbortSignal): Promise<Change>;
  postFeedback(dashboard: string, input: FeedbackInput): Promise<SendResult>;
}

/** Longer than the server's longest wait (25 s), so a slow answer is not cut off. */
const WAIT_TIMEOUT_MS = 40_000;

function readChange(structured: unknown): Change {
  const s = structured as { status?: unknown; revision?: unknown; update?: unknown; document?: unknown; inbox?: unknown } | undefined;
  switch (s?.status) {
    case 'gone':
      return { status: 'gone' };
    case 'update':
      return { status: 'update', update: parseUpdate(s.update), inbox: parseInbox(s.inbox) };
    case 'document':
      return { status: 'document', document: parseView(s.document), inbox: parseInbox(s.inbox) };
    case 'inbox':
      return { status: 'inbox', inbox: parseInbox(s.inbox) };
    case 'unchanged':
      return { status: 'unchanged', revision: typeof s.revision === 'number' ? s.revision : -1 };
    default:
      return { status: 'retry' };
  }
}

const text = (result: { content?: unknown[] }): string => {
  const first = result.content?.[0] as { type?: string; text?: string } | undefined;
  return first?.type === 'text' && typeof first.text === 'string' ? first.text : '';
};

export function bridgeApi(app: HostLink): BridgeApi {
  const call = (name: string, args: Record<string, unknown>, options: { signal?: AbortSignal; timeout?: number } = {}) =>
    app.callServerTool({ name, arguments: args }, options);
  return {
    async load(dashboard) {
      try {
        const result = await call('view_load', { dashboard });
        return result.isError ? { status: 'retry' } : readChange(result.structuredContent);
      } catch {
        return { status: 'retry' };
      }
    },
    async wait(dashboard, view, after, signal) {
      try {
        const result = await call('view_wait', { dashboard, view, after }, { signal, timeout: WAIT_TIMEOUT_MS });
        if (result.isError) {
          const afterMs = (result.structuredContent as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
          return { status: 'retry', afterMs: typeof afterMs === 'number' ? afterMs : undefined };
        }
        return readChange(result.structuredContent);
      } catch {
        return { status: 'retry' };
      }
    },
    async postFeedback(dashboard, input) {
      try {
        const result = await call('view_send', { dashboard, event: input });
        const s = result.structuredContent as { id?: unknown; at?: unknown; status?: unknown } | undefined;
        if (!result.isError && typeof s?.id === 'number') return { ok: true, id: s.id, at: typeof s.at === 'string' ? s.at : '' };
        // The server's words are written for the person, as on the page.
        return { ok: false, status: typeof s?.status === 'number' ? s.status : 400, message: text(result) || 'The server refused it.' };
      } catch {
        return { ok: false, status: 0, message: 'Could not reach the server through the chat app. Try again.' };
      }
    },
  };
}
