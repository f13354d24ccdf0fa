// The in-chat view's live feed: the host offers no push to an app, so the view asks "what changed after revision N?"
// and this waits (bounded) on the live hub for the answer: the changed widgets only, or the whole document when the
// replay ring no longer covers the gap, or "gone" when the dashboard expired.
import type { InboxNotice } from '../../dashboard/answer-rules.ts';
import type { DashboardUpdate, DashboardWire } from '../../dashboard/wire.ts';
import type { DashboardService } from '../../dashboards/service.ts';
import type { FeedbackService } from '../../feedback/service.ts';
import type { Live, LiveMessage } from '../../live.ts';

export type ViewChange =
  | { status: 'unchanged'; revision: number }
  | { status: 'update'; revision: number; update: DashboardUpdate; inbox: InboxNotice }
  | { status: 'document'; revision: number; document: DashboardWire; inbox: InboxNotice }
  | { status: 'inbox'; revision: number; inbox: InboxNotice }
  | { status: 'gone' };

export interface ViewFeedDeps {
  dashboards: DashboardService;
  live: Live;
  feedback: FeedbackService;
}

/** Folds consecutive updates into one: the last meta and order, each widget's newest version, what stays removed. */
export function mergeUpdates(updates: readonly DashboardUpdate[]): DashboardUpdate {
  const last = updates.at(-1)!;
  const changed = new Map<string, DashboardUpdate['changed'][number]>();
  const removed = new Set<string>();
  for (const update of updates) {
    for (const id of update.removed) {
      changed.delete(id);
      removed.add(id);
    }
    for (const widget of update.changed) {
      changed.set(widget.id, widget);
      removed.delete(widget.id);
    }
  }
  const present = new Set(last.order);
  return {
    ...last,
    changed: [...changed.values()].filter((w) => present.has(w.id)),
    removed: [...removed].filter((id) => !present.has(id)),
  };
}

/** The whole document and its inbox, as the view's first load (and a resync) needs them; undefined when gone. */
export function viewDocument(deps: ViewFeedDeps, id: string): { document: DashboardWire; inbox: InboxNotice } | undefined {
  const view = deps.dashboards.getView(id);
  if (!view) return undefined;
  return { document: JSON.parse(view.json) as DashboardWire, inbox: JSON.parse(deps.feedback.pageState(view.doc)) as InboxNotice };
}

/** What changed after `after`, now; undefined when nothing did. */
function changeSince(deps: ViewFeedDeps, id: string, after: number): ViewChange | undefined {
  const view = deps.dashboards.getView(id);
  if (!view) return { status: 'gone' };
  const revision = view.doc.revision;
  if (revision === after) return undefined;
  const inbox = JSON.parse(deps.feedback.pageState(view.doc)) as InboxNotice;
  // A smaller revision than the view's means the dashboard was made again under this id: start over.
  const replay = revision > after ? deps.live.replaySince(id, after) : undefined;
  const updates = replay?.filter((m): m is Extract<LiveMessage, { type: 'update' }> => m.type === 'update' && m.revision <= revision);
  if (updates?.length && updates.at(-1)!.revision === revision) {
    return { status: 'update', revision, update: mergeUpdates(updates.map((m) => JSON.parse(m.json) as DashboardUpdate)), inbox };
  }
  return { status: 'document', revision, document: JSON.parse(view.json) as DashboardWire, inbox };
}

/**
 * Waits up to `waitMs` for a revision after `after` (or an answer in the inbox, or expiry). Listens before it looks,
 * so a write committed in between still ends the wait.
 */
export async function nextChange(deps: ViewFeedDeps, id: string, after: number, waitMs: number, signal?: AbortSignal): Promise<ViewChange> {
  let wake!: (reason: 'change' | 'inbox' | 'time') => void;
  const woken = new Promise<'change' | 'inbox' | 'time'>((resolve) => (wake = resolve));
  const unsubscribe = deps.live.subscribe(id, (message) => wake(message.type === 'inbox' ? 'inbox' : 'change'));
  const timer = setTimeout(() => wake('time'), waitMs);
  const abort = () => wake('time');
  signal?.addEventListener('abort', abort);
  try {
    const now = changeSince(deps, id, after);
    if (now) return now;
    const reason = await woken;
    const later = changeSince(deps, id, after);
    if (later) return later;
    const view = deps.dashboards.getView(id);
    if (!view) return { status: 'gone' };
    if (reason === 'inbox') return { status: 'inbox', revision: view.doc.revision, inbox: JSON.parse(deps.feedback.pageState(view.doc)) as InboxNotice };
    return { status: 'unchanged', revision: view.doc.revision };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
    unsubscribe();
  }
}
