// The LMDB environment's map size, derived from the data budget: large enough that the budget refuses writes long
// before the map would have to grow (lmdb's build grows a full map rather than failing with MDB_MAP_FULL).
import { afterAll, describe, expect, test } from 'bun:test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard } from '../../../server/dashboard/schema.ts';
import { StorageFullError } from '../../../server/errors.ts';
import { DEFAULT_MAX_DATA_BYTES, mapSizeFor, openStore } from '../../../server/store/db.ts';
import { createDashboardStore } from '../../../server/store/dashboards.ts';
import { bigDashboard } from '../../fixtures/big-dashboard.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const MiB = 1024 * 1024;
const mapSizeOf = (store: ReturnType<typeof openStore>) => (store.root.getStats() as { mapSize: number }).mapSize;

describe('openStore', () => {
  test('maps room for the default 1 GiB budget twice over, plus overhead', async () => {
    const dataDir = tempDataDir();
    const store = openStore(dataDir);
    try {
      // What the console shows as the budget of a server started without --max-data.
      expect(store.budget.usage().maxBytes).toBe(1024 ** 3);
      expect(mapSizeOf(store)).toBeGreaterThanOrEqual(2 * 1024 ** 3 + 64 * MiB);
      // The map is address space: the file holds only what is written.
      expect(statSync(join(dataDir, 'data.mdb')).size).toBeLessThan(MiB);
    } finally {
      await store.close();
    }
  });

  test('keeps its files inside the data directory even when its name has a dot (lmdb takes such a path for a file)', async () => {
    const dataDir = `${tempDataDir()}.mcpdash-1.0`;
    const store = openStore(dataDir);
    try {
      await store.root.put('probe', 1);
      expect(statSync(dataDir).isDirectory()).toBe(true);
      expect(statSync(join(dataDir, 'data.mdb')).isFile()).toBe(true);
    } finally {
      await store.close();
    }
    const reopened = openStore(dataDir);
    try {
      expect(reopened.root.get('probe')).toBe(1);
    } finally {
      await reopened.close();
    }
  });

  test('a budget filled again and again with writes and deletes is refused by the budget, never by the map', async () => {
    const maxDataBytes = 8 * MiB;
    const dataDir = tempDataDir();
    const store = openStore(dataDir, { maxDataBytes });
    try {
      const dashboards = createDashboardStore(store, { ttlMs: 3_600_000, historyLimit: 3 });
      const mapSize = mapSizeOf(store);
      expect(mapSize).toBe(mapSizeFor(maxDataBytes));
      const { doc } = bigDashboard(MiB);
      const ids = Array.from({ length: 12 }, (_, i) => `6f1c2a4e-8b3d-4f5a-9c7e-${String(i).padStart(12, '0')}`);
      let refusals = 0;
      for (let round = 0; round < 60; round++) {
        const id = ids[round % ids.length]!;
        const content = { ...doc, id, widgets: doc.widgets.map((w) => (w.kind === 'metric' ? { ...w, label: `round ${round}`, trend: Array.from({ length: 900 }, (_, i) => i * round) } : w)) } as Dashboard;
        try {
          await dashboards.write(id, () => ({ doc: content, summary: 'set', changed: [], removed: [], orderChanged: true }), { tool: 'dashboard_set', nowMs: Date.now() });
        } catch (error) {
          expect(error).toBeInstanceOf(StorageFullError);
          refusals++;
          // The owner deletes a few dashboards; writing goes on.
          for (let next = 1; next <= 4; next++) await dashboards.remove(ids[(round + next) % ids.length]!);
        }
        expect(store.budget.usage().usedBytes).toBeLessThanOrEqual(maxDataBytes);
      }
      expect(refusals).toBeGreaterThan(3);
      // LMDB never had to grow the map, and the file stayed inside it.
      expect(mapSizeOf(store)).toBe(mapSize);
      expect(statSync(join(dataDir, 'data.mdb')).size).toBeLessThanOrEqual(mapSize);
    } finally {
      await store.close();
    }
  }, 120_000);
});
