// The data budget (--max-data): how many bytes the LMDB store has in use, and the check that every write which
// grows the store makes inside its transaction, before its first put, so a refused write leaves nothing behind.
//
// What is counted: LMDB pages in use (branch, leaf and overflow pages of every sub-database, the main database and
// the free-page list), times the page size. That is what the data takes on disk, B-tree slack and per-entry
// overhead included, and it needs no bookkeeping: a store written by another helper, a delete or an expiry sweep
// changes it without any code here knowing. Pages LMDB has freed are not counted (it reuses them), so deleting
// dashboards gives the space back at once. Read inside a write transaction, the figures include what earlier
// writes of the same transaction did, so writes batched into one commit cannot each pass on the same headroom.
import type { Database, RootDatabase } from 'lmdb';
import { formatBytes } from '../dashboard/limits.ts';
import { AppError, StorageFullError } from '../errors.ts';

export interface BudgetUsage {
  usedBytes: number;
  maxBytes: number;
}

export interface Budget {
  /** Bytes in use and the budget (the owner console shows both). */
  usage(): BudgetUsage;
  /**
   * Throws StorageFullError when `bytes` more would pass the budget. Call it inside the write transaction, before
   * the first put, with an estimate of what the write adds (entryBytes/recordBytes).
   */
  check(bytes: number): void;
}

interface PageStats {
  pageSize: number;
  treeBranchPageCount: number;
  treeLeafPageCount: number;
  overflowPages: number;
  free?: PageStats;
}

const PAGE_SIZE = 4096;

const pagesOf = (stats: PageStats) => stats.treeBranchPageCount + stats.treeLeafPageCount + stats.overflowPages;

/**
 * An estimate, on the high side, of what one entry adds: LMDB keeps small entries in leaf pages (8 bytes of node
 * header and a 2-byte pointer each; pages can be as little as half full after a split, hence twice the size) and
 * puts values over about half a page on overflow pages of their own.
 */
export function entryBytes(keyBytes: number, valueBytes: number, pageSize = PAGE_SIZE): number {
  if (valueBytes <= pageSize / 2 - 64) return 2 * (keyBytes + valueBytes + 10);
  return Math.ceil((valueBytes + 16) / pageSize) * pageSize + 2 * (keyBytes + 18);
}

/** Bytes of a value as JSON (raw bytes for binary): a stand-in for its msgpack size, which is no larger. */
export function jsonBytes(value: unknown): number {
  return value instanceof Uint8Array ? value.byteLength : Buffer.byteLength(JSON.stringify(value) ?? '');
}

/** entryBytes for a record written through a msgpack database. */
export function recordBytes(key: unknown, value: unknown): number {
  return entryBytes(jsonBytes(key), jsonBytes(value));
}

/** LMDB pages in use in the environment and the given sub-databases, in bytes. */
export function bytesInUse(root: RootDatabase, databases: readonly Database<unknown, never>[]): number {
  const rootStats = root.getStats() as PageStats;
  let pages = pagesOf(rootStats) + (rootStats.free ? pagesOf(rootStats.free) : 0);
  for (const db of databases) pages += pagesOf(db.getStats() as PageStats);
  return pages * rootStats.pageSize;
}

export function createBudget(root: RootDatabase, databases: readonly Database<unknown, never>[], maxBytes: number): Budget {
  const usedBytes = () => bytesInUse(root, databases);
  return {
    usage: () => ({ usedBytes: usedBytes(), maxBytes }),
    check(bytes) {
      const used = usedBytes();
      if (used + bytes <= maxBytes) return;
      throw new StorageFullError(
        `the server's data budget is full: ${formatBytes(used)} of ${formatBytes(maxBytes)} is in use and this change needs about ${formatBytes(bytes)} more, so nothing was written. ` +
          'Space comes back when the owner deletes dashboards in the owner console or when dashboards expire after their time without changes; ' +
          'reading and viewing dashboards still works. Tell the user, or keep working with less data.',
      );
    },
  };
}

// Errors that mean the store had no room: MDB_MAP_FULL (the map could not grow), ENOSPC (disk full), EFBIG (file
// size limit), EDQUOT (disk quota). lmdb reports a failed batch commit only as "Commit failed", without the cause
// (the disk is by far the likeliest one).
const NO_ROOM_CODES = new Set<unknown>([-30792, 28, 27, 122]);
const NO_ROOM_MESSAGE = /MDB_MAP_FULL|No space left|File too large|quota exceeded|Commit failed/i;

/**
 * A failed write as its caller should see it: storage that ran out becomes a StorageFullError (LMDB aborted the
 * transaction, so nothing was written); anything else is passed on unchanged.
 */
export function storageFailure(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const code = (error as Error & { code?: unknown }).code;
  if (!NO_ROOM_CODES.has(code) && !NO_ROOM_MESSAGE.test(error.message)) return error;
  return new StorageFullError(
    "the server could not write to its storage (most likely its disk is full), so nothing was written. Tell the user: the server's owner needs to free disk space or delete dashboards.",
    error,
  );
}
