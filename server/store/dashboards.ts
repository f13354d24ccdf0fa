// Dashboard documents and their revision history: atomic read-modify-write, sliding expiry, bounded history.
import type { Dashboard } from '../dashboard/schema.ts';
import type { EditResult } from '../dashboard/edit.ts';
import { ConflictError } from '../errors.ts';
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
}

export interface HistoryEntry {
  revision: number;
  at: string;
  tool: string;
  summary: string;
}

/** The committed document plus what the edit said it changed. */
export type WriteResult = EditResult;

/** An edit of the current document (undefined when missing or expired); throws to refuse. */
export type DashboardEdit = (current: Dashboard | undefined) => EditResult;

export interface DashboardStore {
  /** The live document, or undefined when unknown or past expiresAt (even before the sweeper ran). */
  get(id: string, nowMs: number): Dashboard | undefined;
  /** One write transaction: read, check, edit, bump revision, extend expiry, record history. Resolves after commit. */
  write(id: string, edit: DashboardEdit, meta: WriteMeta): Promise<WriteResult>;
  /** Slide expiry without a new revision (AI activity that changed nothing). Resolves after commit. */
  touch(id: string, nowMs: number): Promise<Dashboard | undefined>;
  /** Recent revisions, newest first. Empty when the dashboard is unknown or expired. */
  history(id: string, nowMs: number, limit?: number): HistoryEntry[];
  /** The document as it was at a revision still in history. Usable inside write() edits too. */
  revisionDoc(id: string, revision: number): Dashboard | undefined;
  /** Sweeper hook: delete the document and all its history if really expired. Runs inside the sweeper's transaction. */
  removeIfExpired(id: string, nowMs: number): boolean;
}

const expiresMs = (doc: Dashboard): number => Date.parse(doc.expiresAt);

// Array keys sort element-wise, so [id, 0] .. [id, MAX] spans exactly this dashboard's history.
const MAX_REVISION = Number.MAX_SAFE_INTEGER;

export function createDashboardStore(store: Store, options: DashboardStoreOptions): DashboardStore {
  const { ttlMs, historyLimit } = options;
  const read = (id: string) => store.dashboards.get(id) as Dashboard | undefined;
  const live = (doc: Dashboard | undefined, nowMs: number) => (doc && expiresMs(doc) > nowMs ? doc : undefined);

  const removeHistory = (id: string, belowRevision: number) => {
    // Collect first: removing while an lmdb range iterator is open is not something to rely on.
    const keys = Array.from(store.history.getKeys({ start: [id, 0], end: [id, belowRevision] }));
    for (const key of keys) {
      store.history.remove(key);
      store.snapshots.remove(key);
    }
  };

  return {
    get(id, nowMs) {
      return live(read(id), nowMs);
    },

    write(id, edit, meta) {
      // childTransaction, not transaction: lmdb batches queued transaction() callbacks into one LMDB txn and does
      // not roll back a callback that throws halfway; a child txn is aborted on its own (test pins this down).
      return store.root.childTransaction(() => {
        const stored = read(id);
        const current = live(stored, meta.nowMs);
        if (meta.expectedRevision !== undefined && (current?.revision ?? 0) !== meta.expectedRevision) {
          throw new ConflictError(
            `dashboard is at revision ${current?.revision ?? 0}, you expected ${meta.expectedRevision}: call dashboard_get and retry`,
          );
        }
        // The edit runs before any write, so a refusal leaves the store untouched.
        const result = edit(current);
        const revision = (current?.revision ?? 0) + 1;
        const now = new Date(meta.nowMs).toISOString();
        const doc: Dashboard = {
          ...result.doc,
          id,
          revision,
          updatedAt: now,
          expiresAt: new Date(meta.nowMs + ttlMs).toISOString(),
        };
        if (stored && !current) {
          // Expired but not yet swept: its old history must not mix with the new dashboard's revisions.
          removeHistory(id, MAX_REVISION);
        }
        store.dashboards.put(id, doc);
        // Listing history must not decode whole documents (up to 4 MiB each), so snapshots live apart.
        const entry: HistoryEntry = { revision, at: now, tool: meta.tool, summary: result.summary };
        store.history.put([id, revision], entry);
        store.snapshots.put([id, revision], doc);
        if (revision > historyLimit) removeHistory(id, revision - historyLimit + 1);
        moveExpiry(store, 'dashboard', id, stored ? expiresMs(stored) : undefined, expiresMs(doc));
        return { ...result, doc };
      });
    },

    touch(id, nowMs) {
      return store.root.childTransaction(() => {
        const current = live(read(id), nowMs);
        if (!current) return undefined;
        const expiresAt = new Date(Math.max(expiresMs(current), nowMs + ttlMs)).toISOString();
        if (expiresAt === current.expiresAt) return current;
        const doc = { ...current, expiresAt };
        store.dashboards.put(id, doc);
        moveExpiry(store, 'dashboard', id, expiresMs(current), expiresMs(doc));
        return doc;
      });
    },

    history(id, nowMs, limit = historyLimit) {
      if (!live(read(id), nowMs)) return [];
      const entries: HistoryEntry[] = [];
      // reverse: start is the high end of the range.
      for (const { value } of store.history.getRange({ start: [id, MAX_REVISION], end: [id, 0], reverse: true, limit })) {
        const { revision, at, tool, summary } = value as HistoryEntry;
        entries.push({ revision, at, tool, summary });
      }
      return entries;
    },

    revisionDoc(id, revision) {
      return store.snapshots.get([id, revision]) as Dashboard | undefined;
    },

    removeIfExpired(id, nowMs) {
      const current = read(id);
      if (!current || expiresMs(current) > nowMs) return false;
      store.dashboards.remove(id);
      removeHistory(id, MAX_REVISION);
      // The sweeper removed the index entry it came from; drop the doc's own entry if it differs.
      moveExpiry(store, 'dashboard', id, expiresMs(current), undefined);
      return true;
    },
  };
}
