// The expiry index and sweeper: only what expired is read and removed, in bounded batches.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { openStore, type Store } from '../../../server/store/db.ts';
import { startSweeper } from '../../../server/store/expiry.ts';
import { createSessionStore } from '../../../server/store/sessions.ts';
import { tempDataDir, removeTempDirs } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const session = (id: string) => ({ id, createdAt: 0, protocolVersion: '2025-11-25', clientInfo: undefined, clientCapabilities: undefined });

describe('expiry sweeper', () => {
  test('removes exactly the expired records, in batches, and reports each one', async () => {
    store = openStore(tempDataDir());
    const sessions = createSessionStore(store, 1_000);
    const base = 1_000_000;
    for (let i = 0; i < 25; i++) await sessions.create(session(`old-${i}`), base);
    for (let i = 0; i < 5; i++) await sessions.create(session(`new-${i}`), base + 5_000);
    const removed: string[] = [];
    const sweeper = startSweeper(store, {
      intervalMs: 3_600_000,
      batchSize: 4,
      now: () => base + 2_000,
      removers: { session: sessions.removeIfExpired, dashboard: () => false },
      onRemoved: (_kind, id) => removed.push(id),
    });
    expect(await sweeper.sweep()).toBe(25);
    expect(removed.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `old-${i}`).sort());
    expect([...store.sessions.getKeys({})].sort()).toEqual(['new-0', 'new-1', 'new-2', 'new-3', 'new-4']);
    expect([...store.expiry.getKeys({})].length).toBe(5);
    await sweeper.stop();
  });

  test('a record extended after its old index entry was written is kept', async () => {
    store = openStore(tempDataDir());
    const sessions = createSessionStore(store, 1_000);
    await sessions.create(session('s'), 0);
    await sessions.touch('s', 900); // now expires at 1900
    const sweeper = startSweeper(store, { intervalMs: 3_600_000, now: () => 1_500, removers: { session: sessions.removeIfExpired, dashboard: () => false } });
    expect(await sweeper.sweep()).toBe(0);
    expect(sessions.get('s', 1_500)).toBeDefined();
    expect(sessions.get('s', 1_900)).toBeUndefined(); // past expiresAt: gone even before a sweep
    await sweeper.stop();
  });

  test('the data directory is created owner-only', async () => {
    const dir = tempDataDir();
    store = openStore(dir);
    const { statSync } = await import('node:fs');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
