// Dashboard documents and their revision history: atomic read-modify-write, sliding expiry, bounded history.
// A revision is stored as its header plus the list of chunks its widgets cut into (chunking.ts); chunks are stored
// once per dashboard and shared by every revision that has them (chunk-store.ts), so 50 small edits of a 4 MiB
// document cost about one copy of it, not 50, and appending a row writes a chunk or two, not the whole table.
import { nextHistoryEntry, requestIn, type HistoryEntry, type RequestKey, type StoredEntry, type StoredRequest } from './history-entry.ts';
import type { Dashboard, Widget } from '../dashboard/schema.ts';
import type { EditResult } from '../dashboard/edit.ts';
import { ConflictError, idPrefix } from '../errors.ts';
import { entryBytes, jsonBytes, recordBytes, storageFailure } from './budget.ts';
import { createChunkStore, type RevisionContent } from './chunk-store.ts';
import { splitChunks } from './chunking.ts';
import type { Store } from './db.ts';
import { moveExpiry } from './expiry.ts';

export interface DashboardStoreOptions {
  /** Sliding lifetime: every write sets expiresAt = now + ttlMs. */
  ttlMs: number;
  /** Revisions kept per dashboard (older ones are deleted on write). */
  historyLimit: number;
}

export interface WriteMeta {
  /** Which tool made the change, shown in history. */
  tool: string;
  nowMs: number;
  /** Optimistic concurrency: refuse the write unless the stored revision is this one. */
  expectedRevision?: number;
  /**
   * The caller's id for this call and a digest of its content: a call whose id is in the kept history is not
   * applied again (same digest: the earlier revision is reported; another digest: ConflictError).
   */
  request?: RequestKey;
}

/**
 * The committed document plus what the edit said it changed. `alreadyApplied`: the call's request id was found in
 * history, nothing was written, and `doc` is the current document.
 */
export type WriteResult = EditResult & { alreadyApplied?: { revision: number } };

/** An edit of the current document (undefined when missing or expired); throws to refuse. */
export type DashboardEdit = (current: Dashboard | undefined) => EditResult;

export interface DashboardStore {
  /** The live document, or undefined when unknown or past expiresAt (even before the sweeper ran). */
  get(id: string, nowMs: number): Dashboard | undefined;
  /** Whether a live document exists: reads only its small header. */
  exists(id: string, nowMs: number): boolean;
  /**
   * One write transaction: read, check, edit, check the data budget, bump revision, extend expiry, record history.
   * Resolves after commit; a refusal (StorageFullError included) writes nothing.
   */
  write(id: string, edit: DashboardEdit, meta: WriteMeta): Promise<WriteResult>;
  /** Slide expiry without a new revision (AI activity that changed nothing). Resolves after commit. */
  touch(id: string, nowMs: number): Promise<Dashboard | undefined>;
  /** Every live dashboard without its widgets (for the owner console): reads only the small headers. */
  list(nowMs: number): DashboardHeader[];
  /** Recent revisions, newest first. Empty when the dashboard is unknown or expired. */
  history(id: string, nowMs: number, limit?: number): HistoryEntry[];
  /** The document as it was at a revision still in history. Usable inside write() edits too. */
  revisionDoc(id: string, revision: number): Dashboard | undefined;
  /**
   * Delete the document, its history and its content now (e.g. the owner deleted it). False when there was none.
   * `alongside` removes records that belong to the dashboard (its page feedback) in the same transaction.
   */
  remove(id: string, alongside?: (id: string) => void): Promise<boolean>;
  /** Sweeper hook: delete the document and all its history if really expired. Runs inside the sweeper's transaction. */
  removeIfExpired(id: string, nowMs: number): boolean;
}

/** A dashboard's fields other than its widgets. */
export type DashboardHeader = Omit<Dashboard, 'widgets'>;

/** A document without its widgets, as `dashboards` and the snapshots hold it; the null keeps the key order. */
type Header = Omit<Dashboard, 'widgets'> & { widgets: null };

interface Snapshot {
  doc: Header;
  /** The keys of the pages of the revision's chunk list (chunk-store.ts). */
  pages: Uint8Array;
}

/** A revision read back: the document and, for the chunked format, its content as stored. */
interface Loaded {
  doc: Dashboard;
  content?: RevisionContent;
}

// Stores written before compact history held whole documents; they are still read (and restored) as they are,
// and replaced by the chunked format on the next write.
const isWholeDocument = (value: unknown): value is Dashboard => Array.isArray((value as Dashboard | undefined)?.widgets);
const isSnapshot = (value: unknown): value is Snapshot => (value as Snapshot | undefined)?.pages instanceof Uint8Array;

// A revision's content is its widgets as JSON: what pages and tools read anyway, so nothing they could see is lost,
// and appending rows changes only the end of it (JSON has no length prefixes), which keeps appends cheap.
const encodeWidgets = (widgets: Widget[]) => Buffer.from(JSON.stringify(widgets));
const decodeWidgets = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Widget[];

const headerOf = (doc: Dashboard): Header => ({ ...doc, widgets: null });

const expiresMs = (doc: Pick<Dashboard, 'expiresAt'>): number => Date.parse(doc.expiresAt);

// Array keys sort element-wise, so [id, 0] .. [id, MAX] spans exactly this dashboard's history.
const MAX_REVISION = Number.MAX_SAFE_INTEGER;

const NO_KEYS: ReadonlySet<string> = new Set();

/** What a write adds besides chunks: the expiry index entry ([ms, kind, id] -> null). */
const EXPIRY_BYTES = entryBytes(64, 1);

export function createDashboardStore(store: Store, options: DashboardStoreOptions): DashboardStore {
  const { ttlMs, historyLimit } = options;
  const chunkStore = createChunkStore(store);
  const readHead = (id: string) => store.dashboards.get(id) as Header | Dashboard | undefined;
  const live = <T extends Pick<Dashboard, 'expiresAt'>>(head: T | undefined, nowMs: number) => (head && expiresMs(head) > nowMs ? head : undefined);

  /** Every content key a revision uses (none for a whole-document snapshot or a missing one). */
  const keysOfRevision = (id: string, revision: number): ReadonlySet<string> => {
    const snapshot = store.snapshots.get([id, revision]);
    return isSnapshot(snapshot) ? chunkStore.keysOf(id, snapshot.pages) : NO_KEYS;
  };

  const loadSnapshot = (id: string, snapshot: Snapshot, header: Header): Loaded => {
    const content = chunkStore.read(id, snapshot.pages);
    return { doc: { ...header, widgets: decodeWidgets(content.bytes) }, content };
  };

  /** The current document of a stored head (header + the current revision's content). */
  const load = (id: string, head: Header | Dashboard): Loaded => {
    if (isWholeDocument(head)) return { doc: head };
    const snapshot = store.snapshots.get([id, head.revision]);
    if (!isSnapshot(snapshot)) throw new Error(`dashboard ${idPrefix(id)} has no content for its revision ${head.revision}`);
    return loadSnapshot(id, snapshot, head);
  };

  /** The revisions in history, oldest first (not always consecutive numbers: coalesced appends leave gaps). */
  const keptRevisions = (id: string): number[] =>
    // Collect first: removing while an lmdb range iterator is open is not something to rely on.
    Array.from(store.history.getKeys({ start: [id, 0], end: [id, MAX_REVISION] }), (key) => key[1] as number);

  /** Keep the newest `historyLimit` revisions, dropping the oldest first and freeing chunks no kept revision uses. */
  const trimHistory = (id: string) => {
    const revisions = keptRevisions(id);
    const excess = revisions.length - historyLimit;
    for (let i = 0; i < excess; i++) {
      const revision = revisions[i] as number;
      chunkStore.release(id, keysOfRevision(id, revision), keysOfRevision(id, revisions[i + 1] as number));
      store.history.remove([id, revision]);
      store.snapshots.remove([id, revision]);
    }
  };

  /** Take the previous append out of history once the next append to the same widget is stored after it. */
  const dropMiddleRevision = (id: string, revision: number, next: number) => {
    const before = Array.from(store.history.getKeys({ start: [id, revision - 1], end: [id, 0], reverse: true, limit: 1 }), (key) => key[1] as number)[0];
    chunkStore.release(id, keysOfRevision(id, revision), keysOfRevision(id, next), before === undefined ? NO_KEYS : keysOfRevision(id, before));
    store.history.remove([id, revision]);
    store.snapshots.remove([id, revision]);
  };

  /** The kept history entry written by the call with this request id, and its key (only kept revisions remember theirs). */
  const findRequest = (id: string, requestId: string): { entry: StoredEntry; key: StoredRequest } | undefined => {
    for (const { value } of store.history.getRange({ start: [id, MAX_REVISION], end: [id, 0], reverse: true })) {
      const entry = value as StoredEntry;
      const key = requestIn(entry, requestId);
      if (key) return { entry, key };
    }
    return undefined;
  };

  const removeAll = (id: string) => {
    store.dashboards.remove(id);
    const range = { start: [id, 0], end: [id, MAX_REVISION] };
    for (const key of Array.from(store.history.getKeys(range))) store.history.remove(key);
    for (const key of Array.from(store.snapshots.getKeys(range))) store.snapshots.remove(key);
    chunkStore.removeAll(id);
  };

  return {
    get(id, nowMs) {
      const head = live(readHead(id), nowMs);
      return head && load(id, head).doc;
    },

    exists(id, nowMs) {
      return live(readHead(id), nowMs) !== undefined;
    },

    write(id, edit, meta) {
      // childTransaction, not transaction: lmdb batches queued transaction() callbacks into one LMDB txn and does
      // not roll back a callback that throws halfway; a child txn is aborted on its own (test pins this down).
      const committed = store.root.childTransaction(() => {
        const stored = readHead(id);
        const liveHead = live(stored, meta.nowMs);
        const current = liveHead && load(id, liveHead);
        const currentRevision = current?.doc.revision ?? 0;
        // Before the revision check: a retried call carries the expected revision of its first try.
        const found = meta.request && current ? findRequest(id, meta.request.id) : undefined;
        if (found) {
          const earlier = found.entry;
          if (found.key.digest !== meta.request!.digest) {
            throw new ConflictError(
              `request_id "${meta.request!.id}" was already used for a different call (revision ${earlier.revision}, ${earlier.tool}): give each new call its own request_id, and the same one only to a retry of the same call`,
            );
          }
          return { doc: current!.doc, summary: earlier.summary, changed: [], removed: [], orderChanged: false, alreadyApplied: { revision: found.key.revision } };
        }
        if (meta.expectedRevision !== undefined && currentRevision !== meta.expectedRevision) {
          throw new ConflictError(`dashboard is at revision ${currentRevision}, you expected ${meta.expectedRevision}: call dashboard_get and retry`);
        }
        // The edit runs before any write, so a refusal leaves the store untouched.
        const result = edit(current?.doc);
        const revision = currentRevision + 1;
        const now = new Date(meta.nowMs).toISOString();
        const doc: Dashboard = {
          ...result.doc,
          id,
          revision,
          updatedAt: now,
          expiresAt: new Date(meta.nowMs + ttlMs).toISOString(),
        };
        // Expired but not yet swept: its old history must not mix with the new dashboard's revisions.
        if (stored && !liveHead) removeAll(id);

        const content = encodeWidgets(doc.widgets);
        const chunks = splitChunks(content, current?.content);
        const plan = chunkStore.plan(id, content, chunks, current?.content?.keys ?? NO_KEYS);
        const header = headerOf(doc);
        const snapshot: Snapshot = { doc: header, pages: plan.pageKeys };
        // Consecutive appends to one widget are one history entry (history-entry.ts).
        const previous = liveHead && currentRevision > 0 ? (store.history.get([id, currentRevision]) as StoredEntry | undefined) : undefined;
        const { entry, coalesce } = nextHistoryEntry(previous, { revision, at: now, tool: meta.tool, summary: result.summary, changed: result.changed, request: meta.request });
        store.budget.check(
          plan.bytes + entryBytes(64, snapshot.pages.byteLength + jsonBytes(header)) + recordBytes([id, revision], entry) + recordBytes(id, header) + EXPIRY_BYTES,
        );

        chunkStore.apply(id, plan);
        store.snapshots.put([id, revision], snapshot);
        // Listing history must not read chunk lists, so entries live apart from snapshots.
        store.history.put([id, revision], entry);
        store.dashboards.put(id, header);
        if (coalesce) dropMiddleRevision(id, currentRevision, revision);
        trimHistory(id);
        moveExpiry(store, 'dashboard', id, stored ? expiresMs(stored) : undefined, expiresMs(doc));
        return { ...result, doc };
      });
      return committed.catch((error: unknown) => {
        throw storageFailure(error);
      });
    },

    touch(id, nowMs) {
      return store.root.childTransaction(() => {
        const head = live(readHead(id), nowMs);
        if (!head) return undefined;
        const expiresAt = new Date(Math.max(expiresMs(head), nowMs + ttlMs)).toISOString();
        if (expiresAt !== head.expiresAt) {
          // Only the small header is rewritten (a whole document for a store from before compact history).
          store.dashboards.put(id, { ...head, expiresAt });
          moveExpiry(store, 'dashboard', id, expiresMs(head), Date.parse(expiresAt));
        }
        return { ...load(id, head).doc, expiresAt };
      });
    },

    list(nowMs) {
      const headers: DashboardHeader[] = [];
      for (const { value } of store.dashboards.getRange({})) {
        const head = live(value as Header | Dashboard, nowMs);
        if (!head) continue;
        const { widgets: _widgets, ...header } = head;
        headers.push(header);
      }
      return headers;
    },

    history(id, nowMs, limit = historyLimit) {
      if (!live(readHead(id), nowMs)) return [];
      const entries: HistoryEntry[] = [];
      // reverse: start is the high end of the range.
      for (const { value } of store.history.getRange({ start: [id, MAX_REVISION], end: [id, 0], reverse: true, limit })) {
        const { revision, at, tool, summary } = value as HistoryEntry;
        entries.push({ revision, at, tool, summary });
      }
      return entries;
    },

    revisionDoc(id, revision) {
      const snapshot = store.snapshots.get([id, revision]);
      if (isWholeDocument(snapshot)) return snapshot;
      return isSnapshot(snapshot) ? loadSnapshot(id, snapshot, snapshot.doc).doc : undefined;
    },

    remove(id, alongside) {
      return store.root.childTransaction(() => {
        const head = readHead(id);
        if (!head) return false;
        removeAll(id);
        alongside?.(id);
        moveExpiry(store, 'dashboard', id, expiresMs(head), undefined);
        return true;
      });
    },

    removeIfExpired(id, nowMs) {
      const head = readHead(id);
      if (!head || expiresMs(head) > nowMs) return false;
      removeAll(id);
      // The sweeper removed the index entry it came from; drop the doc's own entry if it differs.
      moveExpiry(store, 'dashboard', id, expiresMs(head), undefined);
      return true;
    },
  };
}
