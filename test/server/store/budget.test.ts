// The data budget against real LMDB in temp dirs: what it counts, the refusal before anything is written, and what
// keeps working when it is full; plus a disk that really fills up (a file size limit on a child process).
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Dashboard } from '../../../server/dashboard/schema.ts';
import type { EditResult } from '../../../server/dashboard/edit.ts';
import { StorageFullError } from '../../../server/errors.ts';
import { openStore, type Store } from '../../../server/store/db.ts';
import { createDashboardStore } from '../../../server/store/dashboards.ts';
import { startSweeper } from '../../../server/store/expiry.ts';
import { createSessionStore } from '../../../server/store/sessions.ts';
import { bigDashboard } from '../../fixtures/big-dashboard.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const MiB = 1024 * 1024;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const idOf = (i: number) => `6f1c2a4e-8b3d-4f5a-9c7e-${String(i).padStart(12, '0')}`;

/** A document of about `bytes` of JSON whose content shares nothing with another seed's. */
function docOf(id: string, bytes: number, seed = 0): Dashboard {
  const { doc } = bigDashboard(bytes);
  const [requests, ...rest] = doc.widgets;
  return { ...doc, id, widgets: [{ ...requests!, value: seed }, ...rest.map((w) => (w.kind === 'table' ? { ...w, rows: (w as { rows: Record<string, unknown>[] }).rows.map((row) => ({ ...row, n: `${seed}-${row.n}` })) } : w))] } as Dashboard;
}
const setTo = (doc: Dashboard) => (): EditResult => ({ doc, summary: 'set', changed: [], removed: [], orderChanged: true });

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
});
const open = (dataDir: string, maxDataBytes: number) => {
  const store = openStore(dataDir, { maxDataBytes });
  opened.push(store);
  return store;
};

describe('data budget', () => {
  test('counts the LMDB pages in use, and gives them back when data is deleted', async () => {
    const store = open(tempDataDir(), 64 * MiB);
    const dashboards = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 });
    const empty = store.budget.usage();
    expect(empty.maxBytes).toBe(64 * MiB);
    await dashboards.write(idOf(1), setTo(docOf(idOf(1), MiB)), { tool: 'dashboard_set', nowMs: T0 });
    const used = store.budget.usage().usedBytes - empty.usedBytes;
    expect(used).toBeGreaterThan(MiB);
    expect(used).toBeLessThan(1.6 * MiB);
    await dashboards.remove(idOf(1));
    expect(store.budget.usage().usedBytes - empty.usedBytes).toBeLessThan(64 * 1024);
  });

  test('refuses a 4 MiB write with 1 MiB left before writing anything, and says why and what frees space', async () => {
    const dataDir = tempDataDir();
    let store = open(dataDir, 64 * MiB);
    await createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 }).write(idOf(1), setTo(docOf(idOf(1), MiB)), { tool: 'dashboard_set', nowMs: T0 });
    const used = store.budget.usage().usedBytes;
    await store.close();
    store = open(dataDir, used + MiB);
    const dashboards = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 });
    const before = JSON.stringify(dashboards.get(idOf(1), T0));

    const refused = dashboards.write(idOf(2), setTo(docOf(idOf(2), 4 * MiB - 64 * 1024)), { tool: 'dashboard_set', nowMs: T0 });
    await expect(refused).rejects.toThrow(StorageFullError);
    const error = (await refused.catch((e: unknown) => e)) as StorageFullError;
    expect(error.status).toBe(507);
    expect(error.message).toMatch(/^the server's data budget is full: \d+\.\d\d MiB of \d+\.\d\d MiB is in use and this change needs about [45]\.\d\d MiB more, so nothing was written/);
    expect(error.message).toContain('deletes dashboards in the owner console');
    expect(error.message).toContain('expire');
    // Nothing of it was written; the other dashboard is as it was; smaller writes still fit.
    expect(store.budget.usage().usedBytes).toBe(used);
    expect(dashboards.get(idOf(2), T0)).toBeUndefined();
    expect(dashboards.history(idOf(2), T0)).toEqual([]);
    expect(JSON.stringify(dashboards.get(idOf(1), T0))).toBe(before);
    const small = await dashboards.write(idOf(3), setTo(docOf(idOf(3), 32 * 1024)), { tool: 'dashboard_set', nowMs: T0 });
    expect(small.doc.revision).toBe(1);
  });

  test('writes committed together cannot each spend the same headroom', async () => {
    const store = open(tempDataDir(), 0);
    const base = store.budget.usage().usedBytes;
    await store.close();
    const full = open(tempDataDir(), base + 1.2 * MiB);
    const dashboards = createDashboardStore(full, { ttlMs: HOUR, historyLimit: 50 });
    // Eight 300 KB dashboards at once, room for about three.
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => dashboards.write(idOf(i), setTo(docOf(idOf(i), 300 * 1024, i)), { tool: 'dashboard_set', nowMs: T0 })),
    );
    const written = results.filter((r) => r.status === 'fulfilled').length;
    expect(written).toBeGreaterThanOrEqual(2);
    expect(written).toBeLessThanOrEqual(4);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StorageFullError);
    expect(full.budget.usage().usedBytes).toBeLessThanOrEqual(full.budget.usage().maxBytes);
  });

  test('refuses a new session past the budget and leaves no trace of it', async () => {
    const store = open(tempDataDir(), 64 * 1024);
    const sessions = createSessionStore(store, HOUR);
    // Fill it with sessions until the budget says no.
    let refused: unknown;
    for (let i = 0; i < 5_000 && !refused; i++) {
      await sessions.create({ id: idOf(i), createdAt: T0, protocolVersion: '2025-11-25', clientInfo: { name: 'c', version: '1' }, clientCapabilities: {} }, T0).catch((error: unknown) => {
        refused = { error, id: idOf(i) };
      });
    }
    const { error, id } = refused as { error: unknown; id: string };
    expect(error).toBeInstanceOf(StorageFullError);
    expect(sessions.get(id, T0)).toBeUndefined();
    expect(Array.from(store.expiry.getKeys({})).some((key) => key[2] === id)).toBe(false);
    expect(store.budget.usage().usedBytes).toBeLessThanOrEqual(64 * 1024);
  });

  test('reads, touches, deletes and the expiry sweep keep working when it is full, and the sweep makes room again', async () => {
    const store = open(tempDataDir(), 2 * MiB);
    const dashboards = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 });
    const sessions = createSessionStore(store, HOUR);
    await sessions.create({ id: idOf(99), createdAt: T0, protocolVersion: '2025-11-25', clientInfo: undefined, clientCapabilities: undefined }, T0);
    let written = 0;
    for (let i = 0; i < 40; i++) {
      const ok = await dashboards.write(idOf(i), setTo(docOf(idOf(i), 256 * 1024, i)), { tool: 'dashboard_set', nowMs: T0 + i }).then(
        () => true,
        (error: unknown) => {
          expect(error).toBeInstanceOf(StorageFullError);
          return false;
        },
      );
      if (!ok) break;
      written++;
    }
    expect(written).toBeGreaterThan(2);
    const extra = docOf(idOf(50), 256 * 1024, 50);
    await expect(dashboards.write(idOf(50), setTo(extra), { tool: 'dashboard_set', nowMs: T0 })).rejects.toThrow(StorageFullError);

    expect(dashboards.get(idOf(0), T0)!.revision).toBe(1);
    expect((await dashboards.touch(idOf(0), T0 + 10 * 60_000))!.expiresAt).toBe(new Date(T0 + 10 * 60_000 + HOUR).toISOString());
    expect((await sessions.touch(idOf(99), T0 + 60_000))!.lastSeenAt).toBe(T0 + 60_000);
    expect(await dashboards.remove(idOf(1))).toBe(true);
    expect(await sessions.delete(idOf(99))).toBe(true);

    // Everything but dashboard 0 (touched) expires; the sweep deletes it and the space comes back.
    const sweeper = startSweeper(store, { intervalMs: 3_600_000, now: () => T0 + HOUR + 60_000, removers: { session: sessions.removeIfExpired, dashboard: dashboards.removeIfExpired } });
    expect(await sweeper.sweep()).toBe(written - 2);
    await sweeper.stop();
    const after = await dashboards.write(idOf(50), setTo(extra), { tool: 'dashboard_set', nowMs: T0 + HOUR + 60_000 });
    expect(after.doc.revision).toBe(1);
  });

  test('a disk that fills up is a StorageFullError, and the process carries on reading and deleting', async () => {
    // A file size limit stands in for a full disk (LMDB cannot grow its file); SIGXFSZ ignored, writes past it fail.
    const child = Bun.spawn(['bash', '-c', `trap '' XFSZ; ulimit -f 4096; exec "${process.execPath}" "${join(import.meta.dir, 'disk-full-child.ts')}" "${tempDataDir()}"`], { stdout: 'pipe', stderr: 'pipe' });
    const [out, code] = await Promise.all([new Response(child.stdout).text(), child.exited]);
    expect(code).toBe(0);
    const report = JSON.parse(out.trim().split('\n').at(-1)!) as { written: number; refusal?: { name: string; message: string }; readable: boolean; removed: unknown };
    expect(report.written).toBeGreaterThan(0);
    expect(report.refusal?.name).toBe('StorageFullError');
    expect(report.refusal?.message).toContain('nothing was written');
    expect(report.readable).toBe(true);
    expect(report.removed).toBe(true);
  }, 60_000);
});
