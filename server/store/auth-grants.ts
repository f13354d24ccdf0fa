// Grants and the tokens they issue (codes, access, refresh, static), keyed by SHA-256. Each change that must be
// atomic (a code redeemed once, a refresh token rotated once, a reuse revoking its grant) is one write transaction.
import type { Store } from './db.ts';
import { moveExpiry } from './expiry.ts';
import type { CodeRecord, GrantRecord, TokenRecord } from './auth-records.ts';
import { attachGrant, deleteClient, detachGrant, readClient } from './auth-clients.ts';

/** Records kept per grant: the previous access token stays valid for requests already on their way. */
const ACCESS_KEPT = 2;
/** Rotated refresh tokens remembered per grant, so that presenting an old one is caught as reuse. */
const REFRESH_KEPT = 10;
export const MAX_STATIC_TOKENS = 100;

/** The hashes and lifetimes of a token pair about to be issued. */
export interface IssuedPair {
  accessHash: string;
  accessExpiresAt: number;
  refreshHash: string;
  refreshExpiresAt: number;
}

/** Why a code or refresh token was refused: unknown, expired, reused (its grant is revoked) or not this client's. */
export type TokenRefusal = { ok: false; reason: 'unknown' | 'expired' | 'reused' | 'mismatch'; message?: string };
export type GrantOutcome = { ok: true; grant: GrantRecord } | TokenRefusal;

export interface GrantStore {
  putCode(hash: string, code: CodeRecord): Promise<void>;
  /**
   * Redeem a code once: `check` refuses it (client, redirect URI, PKCE) without using it up; otherwise a grant is
   * created with its first pair. A code presented again revokes the grant it was redeemed for.
   */
  redeemCode(
    hash: string,
    nowMs: number,
    check: (code: CodeRecord) => string | undefined,
    grantId: string,
    pair: IssuedPair,
  ): Promise<GrantOutcome>;
  /** Rotate a refresh token: it is marked used and a new pair issued; a used one presented again revokes its grant. */
  rotateRefresh(hash: string, nowMs: number, check: (grant: GrantRecord) => string | undefined, pair: IssuedPair): Promise<GrantOutcome>;
  /** The live grant behind a bearer token (access or static) and when the token expires (static: never). */
  bearer(hash: string, nowMs: number): { grant: GrantRecord; expiresAt: number | undefined } | undefined;
  /** The grant an access or refresh token belongs to, expired or not (for /revoke). */
  grantOfToken(hash: string): GrantRecord | undefined;
  markUsed(grantId: string, nowMs: number): Promise<void>;
  revokeGrant(grantId: string, nowMs: number): Promise<boolean>;
  /** Ends every grant of a client and forgets the client. */
  revokeClient(clientId: string, nowMs: number): Promise<boolean>;
  createStatic(name: string, hash: string, fields: { resource: string; scope: string }, grantId: string, nowMs: number): Promise<'created' | 'exists' | 'full'>;
  revokeStatic(name: string, nowMs: number): Promise<boolean>;
  list(nowMs: number): GrantRecord[];
  removeGrantIfExpired(id: string, nowMs: number): boolean;
  removeTokenIfExpired(hash: string, nowMs: number): boolean;
}

/** When a token record may be dropped: codes linger after expiry to catch replays; static tokens never expire. */
const dropAt = (record: TokenRecord): number | undefined =>
  record.kind === 'code' ? record.keepUntil : record.kind === 'static' ? undefined : record.expiresAt;

const isLive = (grant: GrantRecord | undefined, nowMs: number): grant is GrantRecord =>
  grant !== undefined && (grant.expiresAt === undefined || grant.expiresAt > nowMs);

export function createGrantStore(store: Store): GrantStore {
  const readToken = (hash: string) => store.authTokens.get(hash) as TokenRecord | undefined;
  const readGrant = (id: string) => store.authGrants.get(id) as GrantRecord | undefined;

  // The helpers below run inside a write transaction.
  const putToken = (hash: string, record: TokenRecord, previous?: TokenRecord) => {
    store.authTokens.put(hash, record);
    moveExpiry(store, 'auth-token', hash, previous ? dropAt(previous) : undefined, dropAt(record));
  };
  const deleteToken = (hash: string) => {
    const record = readToken(hash);
    if (!record) return;
    store.authTokens.remove(hash);
    moveExpiry(store, 'auth-token', hash, dropAt(record), undefined);
  };
  const putGrant = (grant: GrantRecord, previous: GrantRecord | undefined) => {
    store.authGrants.put(grant.id, grant);
    moveExpiry(store, 'auth-grant', grant.id, previous?.expiresAt, grant.expiresAt);
  };
  const deleteGrant = (grant: GrantRecord, nowMs: number) => {
    for (const token of grant.tokens) deleteToken(token.hash);
    store.authGrants.remove(grant.id);
    moveExpiry(store, 'auth-grant', grant.id, grant.expiresAt, undefined);
    if (grant.kind === 'oauth') detachGrant(store, grant.clientId, grant.id, nowMs);
  };
  /** Add a pair to a grant, dropping the records of tokens past the per-grant bounds. */
  const issuePair = (grant: GrantRecord, previous: GrantRecord | undefined, pair: IssuedPair, nowMs: number): GrantRecord => {
    putToken(pair.accessHash, { kind: 'access', grantId: grant.id, expiresAt: pair.accessExpiresAt });
    putToken(pair.refreshHash, { kind: 'refresh', grantId: grant.id, expiresAt: pair.refreshExpiresAt });
    const tokens = [...grant.tokens, { hash: pair.accessHash, kind: 'access' as const }, { hash: pair.refreshHash, kind: 'refresh' as const }];
    const keep = (kind: 'access' | 'refresh', limit: number) => tokens.filter((t) => t.kind === kind).slice(-limit);
    const kept = [...keep('access', ACCESS_KEPT), ...keep('refresh', REFRESH_KEPT)];
    for (const token of tokens) if (!kept.includes(token)) deleteToken(token.hash);
    const next = { ...grant, tokens: kept, lastUsedAt: nowMs, expiresAt: Math.max(pair.accessExpiresAt, pair.refreshExpiresAt) };
    putGrant(next, previous);
    return next;
  };
  // Grants are bounded (10 per client, 100 static), so a scan is cheap; it happens only on CLI and console actions.
  const allGrants = () => Array.from(store.authGrants.getRange({}), ({ value }) => value as GrantRecord);
  const staticGrant = (name: string) => allGrants().find((grant) => grant.kind === 'static' && grant.name === name);

  return {
    async putCode(hash, code) {
      await store.root.transaction(() => putToken(hash, code));
    },

    redeemCode(hash, nowMs, check, grantId, pair) {
      return store.root.transaction((): GrantOutcome => {
        const code = readToken(hash);
        if (!code || code.kind !== 'code') return { ok: false, reason: 'unknown' };
        if (code.usedAt !== undefined) {
          // Someone has a copy of a code that was already used: whatever it bought is revoked (RFC 6749 §4.1.2).
          const issued = code.grantId ? readGrant(code.grantId) : undefined;
          if (issued) deleteGrant(issued, nowMs);
          return { ok: false, reason: 'reused' };
        }
        if (code.expiresAt <= nowMs) return { ok: false, reason: 'expired' };
        const message = check(code);
        if (message) return { ok: false, reason: 'mismatch', message };
        const fresh: GrantRecord = {
          id: grantId,
          kind: 'oauth',
          clientId: code.clientId,
          name: code.clientName,
          scope: code.scope,
          resource: code.resource,
          createdAt: nowMs,
          tokens: [],
        };
        const dropped = attachGrant(store, code.clientId, grantId);
        if (!dropped) return { ok: false, reason: 'mismatch', message: 'the client registration is gone: register again' };
        for (const id of dropped) {
          const old = readGrant(id);
          if (old) deleteGrant(old, nowMs);
        }
        const grant = issuePair(fresh, undefined, pair, nowMs);
        putToken(hash, { ...code, usedAt: nowMs, grantId }, code);
        return { ok: true, grant };
      });
    },

    rotateRefresh(hash, nowMs, check, pair) {
      return store.root.transaction((): GrantOutcome => {
        const token = readToken(hash);
        if (!token || token.kind !== 'refresh') return { ok: false, reason: 'unknown' };
        const grant = readGrant(token.grantId);
        if (!isLive(grant, nowMs)) return { ok: false, reason: 'unknown' };
        const message = check(grant);
        if (message) return { ok: false, reason: 'mismatch', message };
        if (token.usedAt !== undefined) {
          // A rotated token came back: one of the two holders is not the client (RFC 9700 §4.14.2).
          deleteGrant(grant, nowMs);
          return { ok: false, reason: 'reused' };
        }
        if (token.expiresAt <= nowMs) return { ok: false, reason: 'expired' };
        putToken(hash, { ...token, usedAt: nowMs }, token);
        return { ok: true, grant: issuePair(grant, grant, pair, nowMs) };
      });
    },

    bearer(hash, nowMs) {
      const token = readToken(hash);
      if (!token || (token.kind !== 'access' && token.kind !== 'static')) return undefined;
      if (token.kind === 'access' && token.expiresAt <= nowMs) return undefined;
      const grant = readGrant(token.grantId);
      if (!isLive(grant, nowMs)) return undefined;
      return { grant, expiresAt: token.kind === 'access' ? token.expiresAt : undefined };
    },

    grantOfToken(hash) {
      const token = readToken(hash);
      if (!token || (token.kind !== 'access' && token.kind !== 'refresh')) return undefined;
      return readGrant(token.grantId);
    },

    async markUsed(grantId, nowMs) {
      await store.root.transaction(() => {
        const grant = readGrant(grantId);
        if (grant) putGrant({ ...grant, lastUsedAt: nowMs }, grant);
      });
    },

    revokeGrant(grantId, nowMs) {
      return store.root.transaction(() => {
        const grant = readGrant(grantId);
        if (!grant) return false;
        deleteGrant(grant, nowMs);
        return true;
      });
    },

    revokeClient(clientId, nowMs) {
      return store.root.transaction(() => {
        const client = readClient(store, clientId);
        if (!client) return false;
        for (const id of client.grantIds) {
          const grant = readGrant(id);
          if (grant) deleteGrant(grant, nowMs);
        }
        // Each ended grant re-wrote the record (and its expiry entry): delete the record as it is now.
        deleteClient(store, readClient(store, clientId) ?? client);
        return true;
      });
    },

    createStatic(name, hash, fields, grantId, nowMs) {
      return store.root.transaction(() => {
        if (staticGrant(name)) return 'exists' as const;
        if (allGrants().filter((grant) => grant.kind === 'static').length >= MAX_STATIC_TOKENS) return 'full' as const;
        const grant: GrantRecord = {
          id: grantId,
          kind: 'static',
          clientId: `static:${name}`,
          name,
          scope: fields.scope,
          resource: fields.resource,
          createdAt: nowMs,
          tokens: [{ hash, kind: 'static' }],
        };
        putToken(hash, { kind: 'static', grantId });
        putGrant(grant, undefined);
        return 'created' as const;
      });
    },

    revokeStatic(name, nowMs) {
      return store.root.transaction(() => {
        const grant = staticGrant(name);
        if (!grant) return false;
        deleteGrant(grant, nowMs);
        return true;
      });
    },

    list(nowMs) {
      return allGrants().filter((grant) => isLive(grant, nowMs));
    },

    removeGrantIfExpired(id, nowMs) {
      const grant = readGrant(id);
      if (!grant || grant.expiresAt === undefined || grant.expiresAt > nowMs) return false;
      deleteGrant(grant, nowMs);
      return true;
    },

    removeTokenIfExpired(hash, nowMs) {
      const token = readToken(hash);
      const at = token ? dropAt(token) : undefined;
      if (!token || at === undefined || at > nowMs) return false;
      store.authTokens.remove(hash);
      return true;
    },
  };
}
