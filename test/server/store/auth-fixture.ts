// Auth records on a real LMDB store in a temp dir, and the steps that make a client "used" (a redeemed code).
import { afterAll, afterEach, expect } from 'bun:test';
import { openStore, type Store } from '../../../server/store/db.ts';
import { createAuthStore } from '../../../server/store/auth.ts';
import type { NewClient } from '../../../server/store/auth-clients.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

/** Opens stores that are closed after each test of the calling file. */
export function authStores(): () => { store: Store; auth: ReturnType<typeof createAuthStore> } {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
  afterAll(removeTempDirs);
  return () => {
    const store = openStore(tempDataDir());
    stores.push(store);
    return { store, auth: createAuthStore(store) };
  };
}

export const client = (id: string): NewClient => ({ id, kind: 'dcr', name: id, redirectUris: ['https://claude.ai/api/mcp/auth_callback'], authMethod: 'none', grantTypes: ['authorization_code'] });
export const pair = (n: number, now: number) => ({ accessHash: `a${n}`, accessExpiresAt: now + 1_000_000, refreshHash: `r${n}`, refreshExpiresAt: now + 2_000_000 });

/** Approve a client the way the token endpoint does: a code redeemed into a grant (id g-<client>-<n>). */
export async function approveClient(auth: ReturnType<typeof createAuthStore>, clientId: string, now: number, n: number): Promise<void> {
  await auth.grants.putCode(`code-${clientId}-${n}`, {
    kind: 'code', clientId, clientName: clientId, redirectUri: 'x', codeChallenge: 'c', scope: 'mcp', resource: 'r', expiresAt: now + 60_000, keepUntil: now + 600_000,
  });
  const outcome = await auth.grants.redeemCode(`code-${clientId}-${n}`, now, () => undefined, `g-${clientId}-${n}`, pair(n, now));
  expect(outcome.ok).toBe(true);
}
