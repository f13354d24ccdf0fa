// The authorization records (clients, grants, tokens, the owner) and the one object that opens them. Only hashes
// of secrets are stored: a copy of the data directory gives nobody a working token, code or password.
import type { Store } from './db.ts';
import type { ExpiredRemover } from './expiry.ts';
import { createClientStore, type ClientStore } from './auth-clients.ts';
import { createGrantStore, type GrantStore } from './auth-grants.ts';
import { createOwnerStore, type OwnerStore } from './auth-owner.ts';

/** An OAuth client: registered through DCR, or a client metadata document (CIMD) the owner approved. */
export interface ClientRecord {
  id: string;
  kind: 'dcr' | 'cimd';
  name: string;
  redirectUris: string[];
  authMethod: 'none' | 'client_secret_post';
  /** SHA-256 of the client secret (client_secret_post only). */
  secretHash?: string;
  grantTypes: string[];
  scope?: string;
  createdAt: number;
  /** Grants the owner approved for it; empty means unused. */
  grantIds: string[];
  /** Unused clients expire (a day after registration or after their last grant ended); used ones do not. */
  expiresAt?: number;
}

/** What the owner approved: one OAuth client's access, or one static token. */
export interface GrantRecord {
  id: string;
  kind: 'oauth' | 'static';
  /** The OAuth client id, or `static:<name>` for a static token. */
  clientId: string;
  /** The client's name or the static token's name (shown in the console). */
  name: string;
  scope: string;
  /** The resource (RFC 8707) its tokens are bound to. */
  resource: string;
  createdAt: number;
  lastUsedAt?: number;
  /** OAuth grants end when their refresh token would have; static ones live until revoked. */
  expiresAt?: number;
  /** Hashes of the tokens this grant issued that still have a record (bounded; revoked with the grant). */
  tokens: { hash: string; kind: 'access' | 'refresh' | 'static' }[];
}

/** An authorization code: single use; after its use it stays (until keepUntil) to catch a replay. */
export interface CodeRecord {
  kind: 'code';
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  resource: string;
  /** The client's name at approval time (the grant is created when the code is redeemed). */
  clientName: string;
  expiresAt: number;
  keepUntil: number;
  usedAt?: number;
  /** The grant the code was redeemed for: a replay revokes it. */
  grantId?: string;
}

export type TokenRecord =
  | CodeRecord
  | { kind: 'access'; grantId: string; expiresAt: number }
  /** usedAt marks a rotated refresh token: presenting it again revokes the grant. */
  | { kind: 'refresh'; grantId: string; expiresAt: number; usedAt?: number }
  | { kind: 'static'; grantId: string }
  | { kind: 'console'; csrf: string; expiresAt: number };

export interface OwnerRecord {
  /** argon2id hash (Bun.password), never the password. */
  passwordHash?: string;
  passwordSetAt?: number;
  /** SHA-256 of the one-time setup code and when it stops working. */
  setupHash?: string;
  setupExpiresAt?: number;
  /** The public URL the server last started with, so `owner reset` can print a link without being told it. */
  publicUrl?: string;
  /** Hashes of open console sessions (bounded; all end when the password changes). */
  consoleSessions: string[];
}

export interface AuthStore {
  clients: ClientStore;
  grants: GrantStore;
  owner: OwnerStore;
  /** Sweeper hooks for the expiry index kinds auth-client, auth-grant and auth-token. */
  removers: { 'auth-client': ExpiredRemover; 'auth-grant': ExpiredRemover; 'auth-token': ExpiredRemover };
}

export function createAuthStore(store: Store): AuthStore {
  const clients = createClientStore(store);
  const grants = createGrantStore(store);
  const owner = createOwnerStore(store);
  return {
    clients,
    grants,
    owner,
    removers: { 'auth-client': clients.removeIfExpired, 'auth-grant': grants.removeGrantIfExpired, 'auth-token': grants.removeTokenIfExpired },
  };
}
