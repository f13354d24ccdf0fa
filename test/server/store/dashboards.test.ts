// The dashboard store against a real LMDB environment in a temp dir: atomic writes, conflicts, history, expiry.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'bun:test';
import type { Dashboard } from '../../../server/dashboard/schema.ts';
import type { EditResult } from '../../../server/dashboard/edit.ts';
import { ConflictError, ValidationError } from '../../../server/errors.ts';
import { openStore, type Store } from '../../../server/store/db.ts';
import { createDashboardStore, type DashboardStore } from '../../../server/store/dashboards.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

function blank(id: string, nowMs: number): Dashboard {
  const at = new Date(nowMs).toISOString();
  return { id, title: 'Dashboard', theme: 'auto', widgets: [], revision: 0, createdAt: at, updatedAt: at, expiresAt: at } as Dashboard;
}

/** An edit that creates the dashboard if needed and appends one markdown widget. */
function addWidget(widgetId: string, nowMs = T0) {
  return (current: Dashboard | undefined): EditResult => {
    const base = current ?? blank(ID, nowMs);
    const widget = { id: widgetId, kind: 'markdown', text: `# ${widgetId}` } as Dashboard['widgets'][number];
    return { doc: { ...base, widgets: [...base.widgets, widget] }, summary: `put widgets ${widgetId}`, changed: [widgetId], removed: [], orderChanged: true };
  };
}

let store: Store;
let dashboards: DashboardStore;

beforeEach(() => {
  store = openStore(tempDataDir());
  dashboards = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 5 });
});

afterEach(async () => {
  await store.close();
});

const historyKeys = (id: string) => Array.from(store.history.getKeys({ start: [id, 0], end: [id, Number.MAX_SAFE_INTEGER] }));
const snapshotKeys = (id: string) => Array.from(store.snapshots.getKeys({ start: [id, 0], end: [id, Number.MAX_SAFE_INTEGER] }));
const expiryKeys = () => Array.from(store.expiry.getKeys({}));

describe('dashboard store', () => {
  test('creates a dashboard at revision 1 and bumps the revision on each write', async () => {
    const first = await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    expect(first.doc.revision).toBe(1);
    const second = await dashboards.write(ID, addWidget('b'), { tool: 'widget_put', nowMs: T0 + 1000 });
    expect(second.doc.revision).toBe(2);
    expect(second.changed).toEqual(['b']);
    const stored = dashboards.get(ID, T0 + 2000)!;
    expect(stored.revision).toBe(2);
    expect(stored.widgets.map((w) => w.id)).toEqual(['a', 'b']);
    expect(stored.updatedAt).toBe(new Date(T0 + 1000).toISOString());
    expect(stored.expiresAt).toBe(new Date(T0 + 1000 + HOUR).toISOString());
  });

  test('refuses a write with a stale expectedRevision and changes nothing', async () => {
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    await dashboards.write(ID, addWidget('b'), { tool: 'widget_put', nowMs: T0 });
    const before = structuredClone(dashboards.get(ID, T0));
    const write = dashboards.write(ID, addWidget('c'), { tool: 'widget_put', nowMs: T0, expectedRevision: 1 });
    await expect(write).rejects.toThrow(ConflictError);
    await expect(write).rejects.toThrow('dashboard is at revision 2, you expected 1: call dashboard_get and retry');
    expect(dashboards.get(ID, T0)).toEqual(before!);
    expect(dashboards.history(ID, T0).map((h) => h.revision)).toEqual([2, 1]);
  });

  test('accepts a write whose expectedRevision matches', async () => {
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    const result = await dashboards.write(ID, addWidget('b'), { tool: 'widget_put', nowMs: T0, expectedRevision: 1 });
    expect(result.doc.revision).toBe(2);
  });

  test('leaves the document, history and expiry index untouched when the edit throws', async () => {
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    const doc = structuredClone(dashboards.get(ID, T0));
    const history = structuredClone(dashboards.history(ID, T0));
    const expiry = expiryKeys();
    const failing = () => {
      throw new ValidationError('widgets[0]: markdown needs "text"');
    };
    await expect(dashboards.write(ID, failing, { tool: 'widget_put', nowMs: T0 + 5000 })).rejects.toThrow(ValidationError);
    expect(dashboards.get(ID, T0)).toEqual(doc!);
    expect(dashboards.history(ID, T0)).toEqual(history);
    expect(expiryKeys()).toEqual(expiry);
  });

  test('loses no update when 50 writes race', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => dashboards.write(ID, addWidget(`w${i}`), { tool: 'widget_put', nowMs: T0 })));
    const doc = dashboards.get(ID, T0)!;
    expect(doc.revision).toBe(50);
    expect(new Set(doc.widgets.map((w) => w.id)).size).toBe(50);
  });

  test('keeps only the last historyLimit revisions, newest first', async () => {
    for (let i = 0; i < 8; i++) await dashboards.write(ID, addWidget(`w${i}`), { tool: 'widget_put', nowMs: T0 + i });
    const history = dashboards.history(ID, T0 + 10);
    expect(history.map((h) => h.revision)).toEqual([8, 7, 6, 5, 4]);
    expect(history[0]).toEqual({ revision: 8, at: new Date(T0 + 7).toISOString(), tool: 'widget_put', summary: 'put widgets w7' });
    expect(historyKeys(ID)).toHaveLength(5);
    expect(snapshotKeys(ID)).toEqual(historyKeys(ID));
    expect(dashboards.history(ID, T0 + 10, 2).map((h) => h.revision)).toEqual([8, 7]);
  });

  test('returns the document of an earlier revision', async () => {
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    await dashboards.write(ID, addWidget('b'), { tool: 'widget_put', nowMs: T0 });
    expect(dashboards.revisionDoc(ID, 1)!.widgets.map((w) => w.id)).toEqual(['a']);
    expect(dashboards.revisionDoc(ID, 9)).toBeUndefined();
  });

  test('treats a dashboard past expiresAt as gone before the sweeper runs', async () => {
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    expect(dashboards.get(ID, T0 + HOUR - 1)).toBeDefined();
    expect(dashboards.get(ID, T0 + HOUR)).toBeUndefined();
    expect(dashboards.history(ID, T0 + HOUR)).toEqual([]);
  });

  test('starts a fresh history when an expired, unswept dashboard is written again', async () => {
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    await dashboards.write(ID, addWidget('b'), { tool: 'widget_put', nowMs: T0 });
    const again = await dashboards.write(ID, addWidget('c', T0 + 2 * HOUR), { tool: 'dashboard_open', nowMs: T0 + 2 * HOUR });
    expect(again.doc.revision).toBe(1);
    expect(again.doc.widgets.map((w) => w.id)).toEqual(['c']);
    expect(dashboards.history(ID, T0 + 2 * HOUR).map((h) => h.revision)).toEqual([1]);
  });

  test('removeIfExpired deletes the document and all its history, and only when expired', async () => {
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    await dashboards.write(ID, addWidget('b'), { tool: 'widget_put', nowMs: T0 });
    await dashboards.write(other, addWidget('x'), { tool: 'dashboard_open', nowMs: T0 });
    expect(await store.root.transaction(() => dashboards.removeIfExpired(ID, T0 + 10))).toBe(false);
    expect(await store.root.transaction(() => dashboards.removeIfExpired(ID, T0 + HOUR))).toBe(true);
    expect(store.dashboards.get(ID)).toBeUndefined();
    expect(historyKeys(ID)).toEqual([]);
    expect(snapshotKeys(ID)).toEqual([]);
    expect(historyKeys(other)).toHaveLength(1);
    expect(snapshotKeys(other)).toHaveLength(1);
    expect(expiryKeys()).toEqual([[T0 + HOUR, 'dashboard', other]]);
  });

  test('moves its expiry index entry on each write and on touch', async () => {
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    expect(expiryKeys()).toEqual([[T0 + HOUR, 'dashboard', ID]]);
    await dashboards.write(ID, addWidget('b'), { tool: 'widget_put', nowMs: T0 + 5000 });
    expect(expiryKeys()).toEqual([[T0 + 5000 + HOUR, 'dashboard', ID]]);
    const touched = await dashboards.touch(ID, T0 + 9000);
    expect(touched!.revision).toBe(2);
    expect(touched!.expiresAt).toBe(new Date(T0 + 9000 + HOUR).toISOString());
    expect(expiryKeys()).toEqual([[T0 + 9000 + HOUR, 'dashboard', ID]]);
    expect(await dashboards.touch(ID, T0 + 10 * HOUR)).toBeUndefined();
  });
});

// The store's atomicity rests on this lmdb behaviour; fail loudly if an lmdb upgrade changes it.
describe('lmdb transactions', () => {
  test('roll back a child transaction whose callback throws after writing', async () => {
    const failing = store.root.childTransaction(() => {
      store.dashboards.put('k', { v: 1 });
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    expect(store.dashboards.get('k')).toBeUndefined();
  });
});
