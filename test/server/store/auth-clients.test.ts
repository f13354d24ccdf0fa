import { describe, expect, test } from 'bun:test';
import { MAX_REGISTERED_CLIENTS, UNUSED_CLIENT_TTL_MS } from '../../../server/store/auth-clients.ts';
import { startSweeper } from '../../../server/store/expiry.ts';
import { approveClient, authStores, client } from './auth-fixture.ts';

const open = authStores();

describe('client registrations', () => {
  test(`keep at most ${MAX_REGISTERED_CLIENTS}: the oldest unused one makes room, a used one never does`, async () => {
    const { auth } = open();
    const now = 1_000_000;
    for (let i = 0; i < MAX_REGISTERED_CLIENTS; i++) expect(await auth.clients.register(client(`c${i}`), now + i)).toBe('registered');
    await approveClient(auth, 'c0', now, 0);
    expect(await auth.clients.register(client('new'), now + 500)).toBe('registered');
    expect(auth.clients.get('c0', now + 501)).toBeDefined(); // used: kept
    expect(auth.clients.get('c1', now + 501)).toBeUndefined(); // oldest unused: gone
    expect(auth.clients.get('new', now + 501)).toBeDefined();
  });

  test('an unused registration with an authorization under way makes room only after every other unused one', async () => {
    const { auth } = open();
    const now = 1_000_000;
    for (let i = 0; i < MAX_REGISTERED_CLIENTS; i++) await auth.clients.register(client(`c${i}`), now + i);
    const underWay = (id: string) => id === 'c0' || id === 'c1';
    for (let i = 0; i < MAX_REGISTERED_CLIENTS - 2; i++) expect(await auth.clients.register(client(`flood${i}`), now + 500 + i, underWay)).toBe('registered');
    expect(auth.clients.get('c0', now + 1_000)).toBeDefined();
    expect(auth.clients.get('c1', now + 1_000)).toBeDefined();
    expect(auth.clients.get('c2', now + 1_000)).toBeUndefined();
    // Later registrations push out the oldest of the flood, still not the two under way.
    await auth.clients.register(client('late'), now + 2_000, underWay);
    await auth.clients.register(client('later'), now + 2_001, underWay);
    expect(auth.clients.get('flood0', now + 2_002)).toBeUndefined();
    expect(auth.clients.get('c0', now + 2_002)).toBeDefined();
  });

  test('refuse a registration when every slot holds a client in use', async () => {
    const { auth } = open();
    const now = 1_000_000;
    for (let i = 0; i < MAX_REGISTERED_CLIENTS; i++) {
      await auth.clients.register(client(`c${i}`), now);
      await approveClient(auth, `c${i}`, now, i);
    }
    expect(await auth.clients.register(client('one-more'), now)).toBe('full');
    expect(auth.clients.get('one-more', now)).toBeUndefined();
  });

  test('an unused one expires after a day; one whose last grant ended expires a day after that', async () => {
    const { store, auth } = open();
    let now = 1_000_000;
    const sweeper = startSweeper(store, { intervalMs: 3_600_000, now: () => now, removers: auth.removers });
    await auth.clients.register(client('idle'), now);
    await auth.clients.register(client('used'), now);
    await approveClient(auth, 'used', now, 1);
    now += UNUSED_CLIENT_TTL_MS + 1;
    await sweeper.sweep();
    expect(store.authClients.get('idle')).toBeUndefined();
    expect(auth.clients.get('used', now)).toBeDefined();
    await auth.grants.revokeGrant('g-used-1', now);
    now += UNUSED_CLIENT_TTL_MS + 1;
    await sweeper.sweep();
    expect(store.authClients.get('used')).toBeUndefined();
    await sweeper.stop();
  });
});
