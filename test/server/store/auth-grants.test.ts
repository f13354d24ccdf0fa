import { describe, expect, test } from 'bun:test';
import { approveClient, authStores, client, pair } from './auth-fixture.ts';

const open = authStores();

describe('grants', () => {
  test('keep a bounded number of token records however often a client refreshes', async () => {
    const { store, auth } = open();
    const now = 1_000_000;
    await auth.clients.register(client('busy'), now);
    await approveClient(auth, 'busy', now, 0);
    for (let n = 1; n <= 40; n++) {
      const outcome = await auth.grants.rotateRefresh(`r${n - 1}`, now + n, () => undefined, pair(n, now + n));
      expect(outcome.ok).toBe(true);
    }
    // 2 access + 10 refresh records for the grant, plus the used code kept to catch a replay.
    expect(store.authTokens.getCount()).toBe(13);
    expect(auth.grants.bearer('a40', now + 41)).toBeDefined();
    expect(auth.grants.bearer('a39', now + 41)).toBeDefined();
    expect(auth.grants.bearer('a38', now + 41)).toBeUndefined();
  });

  test('a revoked grant leaves no token records behind', async () => {
    const { store, auth } = open();
    const now = 1_000_000;
    await auth.clients.register(client('c'), now);
    await approveClient(auth, 'c', now, 0);
    await auth.grants.revokeClient('c', now);
    expect(store.authTokens.getCount()).toBe(1); // only the used code, kept until it can no longer be replayed
    expect(store.authGrants.getCount()).toBe(0);
    expect(store.authClients.getCount()).toBe(0);
  });
});
