// Opens the LMDB environment and its sub-databases. The only place (with its siblings) that imports lmdb.
import { chmodSync, mkdirSync } from 'node:fs';
import { open, type Database, type RootDatabase } from 'lmdb';

/** Expiry index key: [expiresAtMs, kind, id]; ordered so the sweeper reads only what has expired. */
export type ExpiryKind = 'session' | 'dashboard';
export type ExpiryKey = [number, ExpiryKind, string];

export interface Store {
  root: RootDatabase;
  /** session id -> SessionRecord */
  sessions: Database<unknown, string>;
  /** dashboard id -> dashboard document */
  dashboards: Database<unknown, string>;
  /** [dashboard id, revision] -> history entry (when, which tool, summary): small, listed by dashboard_history */
  history: Database<unknown, [string, number]>;
  /** [dashboard id, revision] -> the whole document at that revision (read only to restore it) */
  snapshots: Database<unknown, [string, number]>;
  /** [expiresAtMs, kind, id] -> null */
  expiry: Database<null, ExpiryKey>;
  /** [dashboard id, n]: n >= 1 one page feedback event, 0 the inbox's state, -1 the last answer per widget (store/feedback.ts) */
  feedback: Database<unknown, [string, number]>;
  close(): Promise<void>;
}

export function openStore(dataDir: string): Store {
  // Owner-only: sessions and dashboard ids inside are credentials.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const root = open({
    path: dataDir,
    maxDbs: 8,
    // Sessions/dashboards are small structured records; msgpack is compact and fast.
    encoding: 'msgpack',
    // 1 GiB map is virtual address space only; the file grows with use.
    mapSize: 1024 ** 3,
  });
  const store: Store = {
    root,
    sessions: root.openDB<unknown, string>('sessions', {}),
    dashboards: root.openDB<unknown, string>('dashboards', {}),
    history: root.openDB<unknown, [string, number]>('history', {}),
    snapshots: root.openDB<unknown, [string, number]>('snapshots', {}),
    expiry: root.openDB<null, ExpiryKey>('expiry', {}),
    feedback: root.openDB<unknown, [string, number]>('feedback', {}),
    close: async () => {
      await root.flushed;
      await root.close();
    },
  };
  return store;
}
