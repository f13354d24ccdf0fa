// Opens the LMDB environment and its sub-databases. The only place (with its siblings) that imports lmdb.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import { createBudget, type Budget } from './budget.ts';
import { handleCommitFailures } from './commit-failures.ts';

/** Expiry index key: [expiresAtMs, kind, id]; ordered so the sweeper reads only what has expired. */
export type ExpiryKind = 'session' | 'dashboard' | 'auth-client' | 'auth-grant' | 'auth-token';
export type ExpiryKey = [number, ExpiryKind, string];

export interface Store {
  root: RootDatabase;
  /** session id -> SessionRecord */
  sessions: Database<unknown, string>;
  /** dashboard id -> the current document's header (its widgets are in the current revision's chunks) */
  dashboards: Database<unknown, string>;
  /** [dashboard id, revision] -> history entry (when, which tool, summary): small, listed by dashboard_history */
  history: Database<unknown, [string, number]>;
  /** [dashboard id, revision] -> the document's header at that revision and the list of its content chunks */
  snapshots: Database<unknown, [string, number]>;
  /** [dashboard id, chunk hash] -> a piece of revision content (raw bytes), stored once per dashboard */
  chunks: Database<Buffer, [string, string]>;
  /** [dashboard id, chunk hash] -> how many runs of kept revisions use the chunk (see chunk-store.ts) */
  chunkRefs: Database<unknown, [string, string]>;
  /** [expiresAtMs, kind, id] -> null */
  expiry: Database<null, ExpiryKey>;
  /** The data budget (--max-data): usage, and the check every growing write makes. */
  budget: Budget;
  /** [dashboard id, n]: n >= 1 one page feedback event, 0 the inbox's state, -1 the last answer per widget (store/feedback.ts) */
  feedback: Database<unknown, [string, number]>;
  /** OAuth client id -> registration (DCR, or a fetched client metadata document the owner approved) */
  authClients: Database<unknown, string>;
  /** grant id -> what the owner approved (an OAuth client's grant or a static token) */
  authGrants: Database<unknown, string>;
  /** SHA-256 of a token or code -> what it stands for; the tokens themselves are never stored */
  authTokens: Database<unknown, string>;
  /** 'owner' -> the owner's password hash, setup code hash, console sessions */
  authOwner: Database<unknown, string>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The data budget in bytes (--max-data). */
  maxDataBytes?: number;
}

export const DEFAULT_MAX_DATA_BYTES = 1024 ** 3;

/**
 * The LMDB map size for a data budget. The map is address space, not disk (the file grows with use), so a wide
 * margin costs nothing. Pages in use stay within the budget, give or take one write's estimate (the check runs
 * before every growing write). Pages LMDB has freed but may not reuse yet (until no reader can still see them)
 * come on top, and one expiry sweep or delete can free up to everything in use: at most the budget again. Hence
 * twice the budget, plus 64 MiB for copy-on-write of B-tree pages, estimates that fall short, and the fixed
 * overhead that dominates a tiny budget. (lmdb's own LMDB build grows a full map by itself rather than failing with
 * MDB_MAP_FULL, keeping the old mapping for readers; sized like this, it never has to.)
 */
export function mapSizeFor(maxDataBytes: number): number {
  return 2 * maxDataBytes + 64 * 1024 ** 2;
}

/** The files LMDB keeps in the data dir. */
const STORE_FILES = ['data.mdb', 'lock.mdb'];

/**
 * Runs `create` with umask 077, so whatever it creates is owner-only (0600 files): LMDB opens its files with mode
 * 0664 less the umask, which the usual umask 022 makes readable by everyone. The umask is the process's, so it is
 * put back at once (nothing else runs in between: open is synchronous).
 */
function withOwnerOnlyFiles<T>(create: () => T): T {
  const previous = process.umask(0o077);
  try {
    return create();
  } finally {
    process.umask(previous);
  }
}

export function openStore(dataDir: string, options: StoreOptions = {}): Store {
  const maxDataBytes = options.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES;
  // Owner-only: sessions and dashboard ids inside are credentials.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const root = withOwnerOnlyFiles(() => open({
    path: dataDir,
    // Always a directory: lmdb would otherwise take a path with a dot in its last part (`mcpdash.data`) for a file.
    noSubdir: false,
    // Room for the sub-databases other stores add.
    maxDbs: 16,
    // Sessions/dashboards are small structured records; msgpack is compact and fast.
    encoding: 'msgpack',
    mapSize: mapSizeFor(maxDataBytes),
    // Every write here is an explicit transaction, so batching by event turn adds nothing; and its batch keeps a
    // promise no caller sees, which a failed commit (full disk) rejects unhandled, ending the process.
    eventTurnBatching: false,
  }));
  // A data dir from an older version (or copied by hand) may hold files others can read: tighten them too.
  for (const name of STORE_FILES) {
    const path = join(dataDir, name);
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
  // Every sub-database is listed here, so the budget measures each one (a new line here is counted too).
  const databases = {
    sessions: root.openDB<unknown, string>('sessions', {}),
    dashboards: root.openDB<unknown, string>('dashboards', {}),
    history: root.openDB<unknown, [string, number]>('history', {}),
    snapshots: root.openDB<unknown, [string, number]>('snapshots', {}),
    chunks: root.openDB<Buffer, [string, string]>('chunks', { encoding: 'binary' }),
    chunkRefs: root.openDB<unknown, [string, string]>('chunk-refs', {}),
    expiry: root.openDB<null, ExpiryKey>('expiry', {}),
    feedback: root.openDB<unknown, [string, number]>('feedback', {}),
    authClients: root.openDB<unknown, string>('auth-clients', {}),
    authGrants: root.openDB<unknown, string>('auth-grants', {}),
    authTokens: root.openDB<unknown, string>('auth-tokens', {}),
    authOwner: root.openDB<unknown, string>('auth-owner', {}),
  };
  for (const db of [root, ...Object.values(databases)]) handleCommitFailures(db);
  return {
    root,
    ...databases,
    budget: createBudget(root, Object.values(databases) as Database<unknown, never>[], maxDataBytes),
    close: async () => {
      await root.flushed;
      await root.close();
    },
  };
}
