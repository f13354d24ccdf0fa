// Opens the LMDB environment and its sub-databases. The only place (with its siblings) that imports lmdb.
import { chmodSync, mkdirSync } from 'node:fs';
import { open, type Database, type RootDatabase } from 'lmdb';

/** Expiry index key: [expiresAtMs, kind, id]; ordered so the sweeper reads only what has expired. */
export type ExpiryKind = 'session' | 'dashboard' | 'auth-client' | 'auth-grant' | 'auth-token';
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

export function openStore(dataDir: string): Store {
  // Owner-only: sessions and dashboard ids inside are credentials.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const root = open({
    path: dataDir,
    maxDbs: 16,
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
    authClients: root.openDB<unknown, string>('auth-clients', {}),
    authGrants: root.openDB<unknown, string>('auth-grants', {}),
    authTokens: root.openDB<unknown, string>('auth-tokens', {}),
    authOwner: root.openDB<unknown, string>('auth-owner', {}),
    close: async () => {
      await root.flushed;
      await root.close();
    },
  };
  return store;
}
