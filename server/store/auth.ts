// The authorization records (clients, grants, tokens, the owner) and the one object that opens them. Only hashes
// of secrets are stored: a copy of the data directory gives nobody a working token, code or password.
import type { Store } from './db.ts';
import type { ExpiredRemover } from './expiry.ts';
import { createClientStore, type ClientStore } from './auth-clients.ts';
import { createGrantStore, type GrantStore } from './auth-grants.ts';
import { createOwnerStore, type OwnerStore } from './auth-owner.ts';

// The record types live in auth-records.ts (so the per-family stores need not import this file); re-exported here,
// where callers have always found them.
export type { ClientRecord, CodeRecord, GrantRecord, OwnerRecord, TokenRecord } from './auth-records.ts';

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
