// The page feedback inbox of each dashboard on LMDB: events with increasing ids, a read cursor, the newest N kept
// (older ones dropped and counted), the last answer per choice/form widget. Every write goes through writeInbox().
import { LimitError } from '../errors.ts';
import type { FeedbackKind } from '../dashboard/answer-rules.ts';
import { recordBytes, storageFailure } from './budget.ts';
import type { Store } from './db.ts';

/** One thing a person sent from the page, as stored and as feedback_read returns it. */
export interface FeedbackEvent {
  /** Increases by one per event of this dashboard. */
  id: number;
  /** When it arrived (ISO 8601). */
  at: string;
  /** The widget it is about; absent for a message to the assistant. */
  widget?: string;
  kind: FeedbackKind;
  data: Record<string, unknown>;
  /** The sender's per-browser random id. */
  viewer: string;
  /** Where it was sent from: the dashboard page or the in-chat view (absent on events stored before it existed). */
  source?: FeedbackSource;
}

export type FeedbackSource = 'page' | 'view';

export type NewFeedbackEvent = Omit<FeedbackEvent, 'id'>;

/** Where an inbox stands; all zero for a dashboard nobody has sent anything to. */
export interface InboxSummary {
  /** Events not read yet. */
  unread: number;
  /** Id of the newest event read (0 = none). */
  readThrough: number;
  /** Id of the newest event (0 = none). */
  lastId: number;
  /** Oldest events dropped to keep the bound, since the dashboard was created. */
  dropped: number;
}

export interface FeedbackStoreOptions {
  /** Events kept per dashboard; the oldest go first. */
  maxEvents: number;
  /** Largest event as JSON bytes. */
  maxEventBytes: number;
}

export interface TakeOptions {
  /** Return events with ids above this one; default: the unread ones. */
  after?: number;
  maxEvents: number;
  /** Stop adding events once their JSON passes this many characters (at least one event is always returned). */
  maxChars: number;
}

export interface FeedbackStore {
  /**
   * `owner` is the dashboard's createdAt: an inbox left by an earlier dashboard under the same id (expired, not yet
   * swept) belongs to another owner and reads as empty.
   */
  summary(id: string, owner: string): InboxSummary;
  /** The newest choice/form answer per widget. */
  answers(id: string, owner: string): FeedbackEvent[];
  /** Stores one event (its id assigned here) and drops the oldest past the bound. Resolves after commit. */
  append(id: string, owner: string, event: NewFeedbackEvent): Promise<{ event: FeedbackEvent; summary: InboxSummary }>;
  /** Events after the cursor, oldest first, marked read (the read cursor only moves forward). Resolves after commit. */
  take(id: string, owner: string, options: TakeOptions): Promise<{ events: FeedbackEvent[]; summary: InboxSummary; readMoved: boolean }>;
  /** Sweeper hook: delete the whole inbox. Runs inside the sweeper's transaction. */
  removeAll(id: string): void;
}

interface InboxState {
  owner: string;
  /** Id the next event gets. */
  nextId: number;
  /** Id of the oldest event still kept (== nextId when none). */
  firstId: number;
  readThrough: number;
  dropped: number;
}

// Keys [dashboard id, n] sort by n within a dashboard: the answers, the state, then the events in id order.
const ANSWERS = -1;
const STATE = 0;
const MAX_ID = Number.MAX_SAFE_INTEGER;

const encoder = new TextEncoder();

function summaryOf(state: InboxState | undefined): InboxSummary {
  if (!state) return { unread: 0, readThrough: 0, lastId: 0, dropped: 0 };
  const lastId = state.nextId - 1;
  return { unread: lastId - Math.max(state.readThrough, state.firstId - 1), readThrough: state.readThrough, lastId, dropped: state.dropped };
}

export function createFeedbackStore(store: Store, options: FeedbackStoreOptions): FeedbackStore {
  const db = store.feedback;
  const stateOf = (id: string, owner: string): InboxState | undefined => {
    const state = db.get([id, STATE]) as InboxState | undefined;
    return state?.owner === owner ? state : undefined;
  };
  const answersOf = (id: string): Record<string, FeedbackEvent> => (db.get([id, ANSWERS]) as Record<string, FeedbackEvent> | undefined) ?? {};

  const removeAll = (id: string) => {
    // Collect first: removing while an lmdb range iterator is open is not something to rely on.
    for (const key of Array.from(db.getKeys({ start: [id, ANSWERS], end: [id, MAX_ID] }))) db.remove(key);
  };

  /**
   * The one way an inbox is written: a transaction that starts from this owner's state (an earlier owner's leftovers
   * are removed first), lets `change` edit it, and stores it. Size bounds that cover all stored data belong here:
   * `growBytes` is what the write may add, checked against the data budget before anything is written (0 for a
   * write that only rewrites the small state record, which must keep working when the budget is full).
   */
  const writeInbox = <T>(
    id: string,
    owner: string,
    growBytes: number,
    change: (state: InboxState, answers: Record<string, FeedbackEvent>) => { result: T; answersChanged?: boolean },
  ): Promise<T> =>
    store.root
      .childTransaction(() => {
        if (growBytes > 0) store.budget.check(growBytes);
        let state = db.get([id, STATE]) as InboxState | undefined;
      if (state && state.owner !== owner) {
        removeAll(id);
        state = undefined;
      }
      const current = state ?? { owner, nextId: 1, firstId: 1, readThrough: 0, dropped: 0 };
      const answers = state ? answersOf(id) : {};
      const { result, answersChanged } = change(current, answers);
      db.put([id, STATE], current);
      if (answersChanged) db.put([id, ANSWERS], answers);
      return result;
    })
      .catch((error: unknown) => {
        throw storageFailure(error);
      });

  return {
    summary(id, owner) {
      return summaryOf(stateOf(id, owner));
    },

    answers(id, owner) {
      return stateOf(id, owner) ? Object.values(answersOf(id)) : [];
    },

    append(id, owner, input) {
      // Checked before the transaction: a refused event writes nothing. The id is at most 16 digits.
      const bytes = encoder.encode(JSON.stringify({ id: MAX_ID, ...input })).byteLength;
      if (bytes > options.maxEventBytes) {
        return Promise.reject(new LimitError(`this is ${bytes} bytes; at most ${options.maxEventBytes} bytes are accepted per message or answer: send less text`));
      }
      // The event, and once more as the widget's last answer (choice and form), plus the state record.
      const grows = 2 * recordBytes([id, MAX_ID], { id: MAX_ID, ...input }) + recordBytes([id, STATE], {});
      return writeInbox(id, owner, grows, (state, answers) => {
        const event: FeedbackEvent = { id: state.nextId, ...input };
        db.put([id, event.id], event);
        state.nextId++;
        const excess = state.nextId - state.firstId - options.maxEvents;
        for (let i = 0; i < excess; i++) db.remove([id, state.firstId + i]);
        if (excess > 0) {
          state.firstId += excess;
          state.dropped += excess;
        }
        const isAnswer = (event.kind === 'choice' || event.kind === 'form') && event.widget !== undefined;
        if (isAnswer) answers[event.widget as string] = event;
        return { result: { event, summary: summaryOf(state) }, answersChanged: isAnswer };
      });
    },

    async take(id, owner, { after, maxEvents, maxChars }) {
      const before = stateOf(id, owner);
      // Nothing after the cursor: answer without a write transaction (a waiting reader asks often).
      if (!before || (after ?? before.readThrough) >= before.nextId - 1) {
        return { events: [], summary: summaryOf(before), readMoved: false };
      }
      return writeInbox(id, owner, 0, (state) => {
        const cursor = Math.max(after ?? state.readThrough, state.firstId - 1);
        const events: FeedbackEvent[] = [];
        let chars = 0;
        for (const { value } of db.getRange({ start: [id, cursor + 1], end: [id, MAX_ID], limit: maxEvents })) {
          const event = value as FeedbackEvent;
          chars += JSON.stringify(event).length;
          if (events.length > 0 && chars > maxChars) break;
          events.push(event);
        }
        const last = events.at(-1)?.id ?? 0;
        const readMoved = last > state.readThrough;
        if (readMoved) state.readThrough = last;
        return { result: { events, summary: summaryOf(state), readMoved } };
      });
    },

    removeAll,
  };
}
