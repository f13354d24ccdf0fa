// The authorization record types (clients, grants, tokens and codes, the owner), in a module of their own so the
// stores that read and write them (auth-clients, auth-grants, auth-owner) and the one that opens them (auth.ts)
// all import them without importing each other in a circle. Only hashes of secrets are stored.

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
