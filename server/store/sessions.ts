// Session records: what survives a restart so an MCP session can be rebuilt, plus sliding expiry.
import { recordBytes, storageFailure } from './budget.ts';
import type { Store } from './db.ts';
import { moveExpiry } from './expiry.ts';

export interface SessionRecord {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  protocolVersion: string;
  clientInfo: { name: string; version: string; [key: string]: unknown } | undefined;
  clientCapabilities: Record<string, unknown> | undefined;
  /** The dashboard this session writes to when a tool call names none (see DESIGN "Dashboard identity"). */
  dashboardId?: string;
  /** With auth on, the grant whose token created the session: the session serves that grant only. */
  grantId?: string;
}

export interface SessionStore {
  /** Persist a new session; resolves once committed. StorageFullError (nothing written) past the data budget. */
  create(record: Omit<SessionRecord, 'lastSeenAt' | 'expiresAt'>, nowMs: number): Promise<SessionRecord>;
  /**
   * StorageFullError when the data budget has no room for one more session. A cheap early answer for the HTTP
   * layer; create() checks again inside its transaction, which is what keeps the budget.
   */
  assertRoom(): void;
  /** The live record, or undefined when unknown or past expiresAt (even before the sweeper ran). */
  get(id: string, nowMs: number): SessionRecord | undefined;
  /** Slide expiry to nowMs + ttl. Resolves when committed. */
  touch(id: string, nowMs: number): Promise<SessionRecord | undefined>;
  /** Point the session at a dashboard (later calls without a dashboard argument go there); the new record. */
  attach(id: string, dashboardId: string, nowMs: number): Promise<SessionRecord | undefined>;
  delete(id: string): Promise<boolean>;
  /** Sweeper hook: remove the record if it really is expired. Runs inside the sweeper's transaction. */
  removeIfExpired(id: string, nowMs: number): boolean;
}

/**
 * A typical session record (short client info) and its expiry entry: the early check must not refuse a session the
 * in-transaction check, which measures the real record, would let in.
 */
const SESSION_RECORD_BYTES = recordBytes('x'.repeat(36), { info: 'x'.repeat(300) }) + recordBytes([0, 'session', 'x'.repeat(36)], null);

export function createSessionStore(store: Store, ttlMs: number): SessionStore {
  const read = (id: string) => store.sessions.get(id) as SessionRecord | undefined;

  /** Read-modify-write in one transaction; returns the new record, or undefined if gone/expired. */
  const update = (id: string, nowMs: number, change: (record: SessionRecord) => SessionRecord) =>
    store.root.transaction(() => {
      const current = read(id);
      if (!current || current.expiresAt <= nowMs) return undefined;
      const next = change(current);
      store.sessions.put(id, next);
      moveExpiry(store, 'session', id, current.expiresAt, next.expiresAt);
      return next;
    });

  return {
    async create(fields, nowMs) {
      const record: SessionRecord = { ...fields, lastSeenAt: nowMs, expiresAt: nowMs + ttlMs };
      await store.root
        .transaction(() => {
          // Before the first put: a refused session leaves nothing behind. (Touching and attaching rewrite a record
          // of bounded size and are not checked: they must keep working when the budget is full.)
          store.budget.check(recordBytes(record.id, record) + recordBytes([record.expiresAt, 'session', record.id], null));
          store.sessions.put(record.id, record);
          moveExpiry(store, 'session', record.id, undefined, record.expiresAt);
        })
        .catch((error: unknown) => {
          throw storageFailure(error);
        });
      return record;
    },
    assertRoom() {
      store.budget.check(SESSION_RECORD_BYTES);
    },
    get(id, nowMs) {
      const record = read(id);
      return record && record.expiresAt > nowMs ? record : undefined;
    },
    touch(id, nowMs) {
      return update(id, nowMs, (record) => ({ ...record, lastSeenAt: nowMs, expiresAt: Math.max(record.expiresAt, nowMs + ttlMs) }));
    },
    attach(id, dashboardId, nowMs) {
      return update(id, nowMs, (record) => ({ ...record, dashboardId, lastSeenAt: nowMs, expiresAt: Math.max(record.expiresAt, nowMs + ttlMs) }));
    },
    async delete(id) {
      return store.root.transaction(() => {
        const current = read(id);
        if (!current) return false;
        store.sessions.remove(id);
        moveExpiry(store, 'session', id, current.expiresAt, undefined);
        return true;
      });
    },
    removeIfExpired(id, nowMs) {
      const current = read(id);
      if (!current || current.expiresAt > nowMs) return false;
      store.sessions.remove(id);
      return true;
    },
  };
}
