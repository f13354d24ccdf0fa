// The page's side of the feedback loop: what this browser sent (sending, sent, seen), the newest answer per widget,
// and how far the assistant has read (from the live feed's inbox notices).
import { batch, createSignal, type Accessor } from 'solid-js';
import type { Api } from '../api/client';
import type { FeedbackInput, InboxAnswer, InboxNotice } from '../api/types';
import { viewerId } from '../lib/viewer-id';

/** One thing this browser sent, as its sender sees it. */
export interface SentItem {
  /** Local key (the server id is only known once stored). */
  key: number;
  kind: FeedbackInput['kind'];
  widget?: string;
  /** What was sent, as shown back to the person (always rendered as text). */
  label: string;
  /** The stored event's id, once the server took it. */
  id?: number;
  /** Why the server refused it. */
  error?: string;
}

export type SendOutcome = { ok: true; id: number } | { ok: false; message: string };

export interface FeedbackState {
  /** Whether the page takes feedback (the assistant can close it). */
  open: Accessor<boolean>;
  viewer: string;
  /** Events up to this id have been read by the assistant. */
  seenThrough: Accessor<number>;
  /** The newest choice or form answer to a widget, from anyone. */
  answer(widgetId: string): InboxAnswer | undefined;
  /** What this browser sent about a widget (undefined: messages to the assistant), oldest first. */
  sent(widgetId: string | undefined, kind?: FeedbackInput['kind']): SentItem[];
  send(input: Omit<FeedbackInput, 'viewer'>, label: string): Promise<SendOutcome>;
  applyNotice(notice: InboxNotice): void;
}

/** Sent items kept per widget (and for messages): the page shows the latest few. */
const KEEP = 20;

export function createFeedbackState(dashboardId: string, api: Pick<Api, 'postFeedback'>, open: Accessor<boolean>): FeedbackState {
  const viewer = viewerId();
  const [seenThrough, setSeenThrough] = createSignal(0);
  const [answers, setAnswers] = createSignal<ReadonlyMap<string, InboxAnswer>>(new Map());
  const [items, setItems] = createSignal<readonly SentItem[]>([]);
  let nextKey = 1;

  const mergeAnswers = (incoming: readonly InboxAnswer[], replace: boolean): void => {
    setAnswers((current) => {
      const next = new Map(replace ? [] : current);
      for (const answer of incoming) {
        const known = next.get(answer.widget);
        if (!known || known.id < answer.id) next.set(answer.widget, answer);
      }
      return next;
    });
  };

  const update = (key: number, change: Partial<SentItem>): void => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  };

  return {
    open,
    viewer,
    seenThrough,
    answer: (widgetId) => answers().get(widgetId),
    sent: (widgetId, kind) => items().filter((item) => item.widget === widgetId && (kind === undefined || item.kind === kind)),
    async send(input, label) {
      const key = nextKey++;
      const item: SentItem = { key, kind: input.kind, widget: input.widget, label };
      setItems((list) => {
        const same = list.filter((i) => i.widget === input.widget);
        const drop = same.length >= KEEP ? same[0]!.key : undefined;
        return [...list.filter((i) => i.key !== drop), item];
      });
      const result = await api.postFeedback(dashboardId, { ...input, viewer });
      if (!result.ok) {
        update(key, { error: result.message });
        return { ok: false, message: result.message };
      }
      batch(() => {
        update(key, { id: result.id });
        // The sender sees its answer at once; the live feed brings the same one a moment later.
        if ((input.kind === 'choice' || input.kind === 'form') && input.widget !== undefined) {
          mergeAnswers([{ id: result.id, at: result.at, widget: input.widget, kind: input.kind, data: input.data, viewer }], false);
        }
      });
      return { ok: true, id: result.id };
    },
    applyNotice(notice) {
      batch(() => {
        if (notice.full) {
          // A snapshot's state: a dashboard re-created under this id starts its ids again.
          setSeenThrough(notice.seenThrough ?? 0);
          mergeAnswers(notice.answers ?? [], true);
          return;
        }
        if (notice.seenThrough !== undefined) setSeenThrough((s) => Math.max(s, notice.seenThrough!));
        if (notice.answers?.length) mergeAnswers(notice.answers, false);
      });
    },
  };
}
