// Child process for the disk-full test in budget.test.ts: run under a file size limit (ulimit -f, SIGXFSZ ignored),
// it writes dashboards until the disk "fills", then checks that reads and deletes still work. Prints one JSON line.
import { openStore } from '../../../server/store/db.ts';
import { createDashboardStore } from '../../../server/store/dashboards.ts';
import { bigDashboard } from '../../fixtures/big-dashboard.ts';

const dataDir = process.argv[2]!;
const store = openStore(dataDir, { maxDataBytes: 1024 ** 3 });
const dashboards = createDashboardStore(store, { ttlMs: 3_600_000, historyLimit: 50 });
const { doc } = bigDashboard(256 * 1024);
const ids: string[] = [];
let refusal: { name: string; code?: string; message: string } | undefined;
for (let i = 0; i < 400 && !refusal; i++) {
  const id = `6f1c2a4e-8b3d-4f5a-9c7e-${String(i).padStart(12, '0')}`;
  try {
    await dashboards.write(id, () => ({ doc: { ...doc, id, title: `d${i}` }, summary: 'created', changed: [], removed: [], orderChanged: true }), { tool: 'dashboard_set', nowMs: Date.now() });
    ids.push(id);
  } catch (error) {
    const e = error as Error & { code?: string };
    refusal = { name: e.name, code: e.code, message: e.message };
  }
}
// Writes whose callers look no further than their own promise (a background touch), or not even at that, must not
// bring the process down either.
void store.root.transaction(() => store.sessions.put('a', { big: 'x'.repeat(2 * 1024 * 1024) })).catch(() => undefined);
void store.sessions.put('b', { big: 'y'.repeat(2 * 1024 * 1024) });
await Bun.sleep(300);
// The earlier dashboards must read back; a delete must still go through.
const readable = ids.every((id) => dashboards.get(id, Date.now())?.title !== undefined);
const removed = ids.length > 0 ? await dashboards.remove(ids[0]!).catch((error: Error) => `failed: ${error.message}`) : 'none';
console.log(JSON.stringify({ written: ids.length, refusal, readable, removed }));
await store.close().catch(() => undefined);
