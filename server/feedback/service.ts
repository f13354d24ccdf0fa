// The inbox: takes what people send from a dashboard page (checked against the dashboard), keeps it, and hands it to
// the assistant once; a waiting read is woken by the next event. Open pages hear of answers and of what was read.
import type { DashboardService } from '../dashboards/service.ts';
import { notFoundMessage } from '../dashboards/service.ts';
import type { Dashboard } from '../dashboard/schema.ts';
import { AppError, NotFoundError } from '../errors.ts';
import type { InboxAnswer, InboxNotice } from '../dashboard/answer-rules.ts';
import type { Live } from '../live.ts';
import type { FeedbackEvent, FeedbackSource, FeedbackStore, InboxSummary } from '../store/feedback.ts';
import { validateFeedback } from './validate-event.ts';

export interface FeedbackServiceDeps {
  store: FeedbackStore;
  dashboards: DashboardService;
  live: Live;
  now: () => number;
}

/** A dashboard as far as its inbox is concerned: its id, and createdAt telling it from an earlier one under that id. */
export type DashboardRef = Pick<Dashboard, 'id' | 'createdAt'>;

export interface ReadOptions {
  /** Events after this id; default: the unread ones. */
  after?: number;
  /** Wait up to this long for the first event when there is none. */
  waitMs?: number;
  /** The caller gave up (the MCP request was cancelled). */
  signal?: AbortSignal;
}

export interface ReadResult {
  doc: Dashboard;
  /** Oldest first; marked read. */
  events: FeedbackEvent[];
  /** After this read. */
  summary: InboxSummary;
  /** The server began shutting down while the read waited. */
  interrupted: boolean;
}

export interface FeedbackService {
  /**
   * One event from a page (or the in-chat view, source "view"): validated, stored, announced. 404 gone, 409 inbox
   * closed, 400 invalid, 413 too large.
   */
  submit(dashboardId: string, raw: unknown, source?: FeedbackSource): Promise<FeedbackEvent>;
  /** Oldest-first events after the cursor, marked read; waits for one when asked. NotFoundError when gone. */
  read(dashboardId: string, options?: ReadOptions): Promise<ReadResult>;
  /** Unread events of a dashboard the caller holds (the inbox state only: the document is not read again). */
  unread(dashboard: DashboardRef): number;
  /** What a freshly (re)connected page of this dashboard needs: the read cursor and the newest answers (InboxNotice JSON). */
  pageState(dashboard: DashboardRef): string;
  /** Server shutdown: waiting reads return now, later ones do not wait. */
  close(): void;
}

/** Events and characters one read hands over: Claude caps a tool result near 150,000 characters. */
const READ_LIMITS = { maxEvents: 50, maxChars: 40_000 };

export const inboxClosedMessage = 'The assistant has closed answers and messages on this dashboard.';

const toAnswer = (event: FeedbackEvent): InboxAnswer => ({
  id: event.id,
  at: event.at,
  widget: event.widget as string,
  kind: event.kind as InboxAnswer['kind'],
  data: event.data,
  viewer: event.viewer,
});

export function createFeedbackService(deps: FeedbackServiceDeps): FeedbackService {
  const { store, dashboards, live, now } = deps;
  // Reads waiting for an event, per dashboard: appends call them (no polling).
  const waiters = new Map<string, Set<() => void>>();
  let closed = false;

  const wake = (id: string) => {
    for (const waiter of [...(waiters.get(id) ?? [])]) waiter();
  };
  const notify = (id: string, notice: InboxNotice) => live.publish(id, { type: 'inbox', data: notice });

  /** Resolves on the next event for `id`, at the deadline, on abort or on shutdown, whichever is first. */
  const nextWake = (id: string, waitMs: number, signal: AbortSignal | undefined): { promise: Promise<void>; cancel: () => void; woken: () => boolean } => {
    let fired = false;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    const fire = () => {
      fired = true;
      resolve();
    };
    let set = waiters.get(id);
    if (!set) waiters.set(id, (set = new Set()));
    set.add(fire);
    const timer = setTimeout(resolve, waitMs);
    signal?.addEventListener('abort', resolve);
    const cancel = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', resolve);
      set.delete(fire);
      if (set.size === 0 && waiters.get(id) === set) waiters.delete(id);
    };
    return { promise, cancel, woken: () => fired };
  };

  // Through the page-JSON cache: a waiting read checks every time it wakes, a page sends in bursts.
  const liveDoc = (id: string): Dashboard | undefined => dashboards.getView(id)?.doc;

  return {
    async submit(id, raw, source = 'page') {
      const doc = liveDoc(id);
      if (!doc) throw new NotFoundError('This dashboard does not exist or has expired.');
      if (doc.feedback === false) throw new AppError('feedback_closed', 409, inboxClosedMessage);
      const input = validateFeedback(doc, raw, source);
      const { event } = await store.append(id, doc.createdAt, { ...input, at: new Date(now()).toISOString() });
      if (event.kind === 'choice' || event.kind === 'form') notify(id, { answers: [toAnswer(event)] });
      wake(id);
      return event;
    },

    async read(id, options = {}) {
      const deadline = performance.now() + (options.waitMs ?? 0);
      for (;;) {
        const doc = liveDoc(id);
        if (!doc) throw new NotFoundError(notFoundMessage);
        // Listen before reading: an event committed while the read runs still wakes this loop.
        const waiting = nextWake(id, Math.max(0, deadline - performance.now()), options.signal);
        try {
          const { events, summary, readMoved } = await store.take(id, doc.createdAt, { after: options.after, ...READ_LIMITS });
          if (readMoved) notify(id, { seenThrough: summary.readThrough });
          const done = events.length > 0 || closed || options.signal?.aborted || performance.now() >= deadline;
          if (done) return { doc, events, summary, interrupted: closed && events.length === 0 };
          if (!waiting.woken()) await waiting.promise;
        } finally {
          waiting.cancel();
        }
      }
    },

    unread(doc) {
      return store.summary(doc.id, doc.createdAt).unread;
    },

    pageState(doc) {
      const notice: InboxNotice = {
        full: true,
        seenThrough: store.summary(doc.id, doc.createdAt).readThrough,
        answers: store.answers(doc.id, doc.createdAt).map(toAnswer),
      };
      return JSON.stringify(notice);
    },

    close() {
      closed = true;
      for (const id of [...waiters.keys()]) wake(id);
    },
  };
}
