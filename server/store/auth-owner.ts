// The owner: the password's slow hash, the one-time setup code's hash, and the console's sign-in sessions.
import type { Store } from './db.ts';
import { moveExpiry } from './expiry.ts';
import type { OwnerRecord, TokenRecord } from './auth-records.ts';

const KEY = 'owner';
/** Sessions kept at once (browsers, devices); signing in once more ends the oldest. */
const SESSIONS_KEPT = 20;

export interface OwnerStore {
  get(): OwnerRecord;
  /** A new password: the setup code stops working and every console session ends. */
  setPassword(passwordHash: string, nowMs: number): Promise<void>;
  /** A new one-time setup code (replaces any earlier one). */
  setSetupCode(codeHash: string, expiresAt: number): Promise<void>;
  /** Uses the setup code once: true (and the password set) only for the current, unexpired code. */
  completeSetup(codeHash: string, passwordHash: string, nowMs: number): Promise<boolean>;
  rememberPublicUrl(url: string): Promise<void>;
  createSession(hash: string, csrf: string, expiresAt: number): Promise<void>;
  session(hash: string, nowMs: number): { csrf: string; expiresAt: number } | undefined;
  endSession(hash: string): Promise<void>;
}

export function createOwnerStore(store: Store): OwnerStore {
  const read = (): OwnerRecord => (store.authOwner.get(KEY) as OwnerRecord | undefined) ?? { consoleSessions: [] };
  const endSessionRecord = (hash: string) => {
    const record = store.authTokens.get(hash) as TokenRecord | undefined;
    if (record?.kind !== 'console') return;
    store.authTokens.remove(hash);
    moveExpiry(store, 'auth-token', hash, record.expiresAt, undefined);
  };
  // Inside a write transaction.
  const applyPassword = (owner: OwnerRecord, passwordHash: string, nowMs: number) => {
    for (const hash of owner.consoleSessions) endSessionRecord(hash);
    const { setupHash: _code, setupExpiresAt: _until, ...rest } = owner;
    store.authOwner.put(KEY, { ...rest, passwordHash, passwordSetAt: nowMs, consoleSessions: [] } satisfies OwnerRecord);
  };

  return {
    get: read,

    async setPassword(passwordHash, nowMs) {
      await store.root.transaction(() => applyPassword(read(), passwordHash, nowMs));
    },

    async setSetupCode(codeHash, expiresAt) {
      await store.root.transaction(() => store.authOwner.put(KEY, { ...read(), setupHash: codeHash, setupExpiresAt: expiresAt }));
    },

    completeSetup(codeHash, passwordHash, nowMs) {
      return store.root.transaction(() => {
        const owner = read();
        if (!owner.setupHash || owner.setupHash !== codeHash || (owner.setupExpiresAt ?? 0) <= nowMs) return false;
        applyPassword(owner, passwordHash, nowMs);
        return true;
      });
    },

    async rememberPublicUrl(url) {
      // Every start asks; a write (and its commit) only when the URL changed.
      if (read().publicUrl === url) return;
      await store.root.transaction(() => {
        const owner = read();
        if (owner.publicUrl !== url) store.authOwner.put(KEY, { ...owner, publicUrl: url });
      });
    },

    async createSession(hash, csrf, expiresAt) {
      await store.root.transaction(() => {
        const owner = read();
        const sessions = [...owner.consoleSessions, hash];
        for (const old of sessions.splice(0, Math.max(0, sessions.length - SESSIONS_KEPT))) endSessionRecord(old);
        const record: TokenRecord = { kind: 'console', csrf, expiresAt };
        store.authTokens.put(hash, record);
        moveExpiry(store, 'auth-token', hash, undefined, expiresAt);
        store.authOwner.put(KEY, { ...owner, consoleSessions: sessions });
      });
    },

    session(hash, nowMs) {
      const record = store.authTokens.get(hash) as TokenRecord | undefined;
      if (record?.kind !== 'console' || record.expiresAt <= nowMs) return undefined;
      return { csrf: record.csrf, expiresAt: record.expiresAt };
    },

    async endSession(hash) {
      await store.root.transaction(() => {
        endSessionRecord(hash);
        const owner = read();
        store.authOwner.put(KEY, { ...owner, consoleSessions: owner.consoleSessions.filter((h) => h !== hash) });
      });
    },
  };
}
