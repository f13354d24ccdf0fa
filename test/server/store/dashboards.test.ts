// The dashboard store against a real LMDB environment in a temp dir: atomic writes, conflicts, history, expiry.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'bun:test';
import type { Dashboard } from '../../../server/dashboard/schema.ts';
import { appendData, putWidgets, restoreRevision, type EditResult } from '../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS, documentBytes } from '../../../server/dashboard/limits.ts';
import { ConflictError, ValidationError } from '../../../server/errors.ts';
import { openStore, type Store } from '../../../server/store/db.ts';
import { createDashboardStore, type DashboardStore } from '../../../server/store/dashboards.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';
import { BIG_ID, bigDashboard, eventRow, smallEdit } from '../../fixtures/big-dashboard.ts';

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
/** Content pieces (chunks and chunk-list pages) stored for a dashboard. */
const pieceKeys = (id: string) => Array.from(store.chunks.getKeys({ start: [id, ''], end: [id, 'g'] }));
const pieceCounts = (id: string) => Array.from(store.chunkRefs.getKeys({ start: [id, ''], end: [id, 'g'] }));
/** LMDB pages in use, in bytes (what the data budget counts). */
const storedBytes = () => store.budget.usage().usedBytes;
const created = (doc: Dashboard) => (): EditResult => ({ doc, summary: 'created', changed: [], removed: [], orderChanged: true });

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

  test('exists is true only for a live dashboard: unknown and expired ones do not exist', async () => {
    expect(dashboards.exists(ID, T0)).toBe(false);
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    expect(dashboards.exists(ID, T0 + HOUR - 1)).toBe(true);
    expect(dashboards.exists(ID, T0 + HOUR)).toBe(false);
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
    expect(pieceKeys(ID)).toEqual([]);
    expect(pieceKeys(other).length).toBeGreaterThan(0);
    expect(historyKeys(other)).toHaveLength(1);
    expect(snapshotKeys(other)).toHaveLength(1);
    expect(expiryKeys()).toEqual([[T0 + HOUR, 'dashboard', other]]);
  });

  test('lists the live dashboards without their widgets', async () => {
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await dashboards.write(ID, addWidget('a'), { tool: 'dashboard_open', nowMs: T0 });
    await dashboards.write(other, addWidget('x'), { tool: 'dashboard_open', nowMs: T0 + HOUR / 2 });
    const listed = dashboards.list(T0 + HOUR / 4);
    expect(listed.map((d) => d.id).sort()).toEqual([other, ID].sort());
    expect(listed.find((d) => d.id === ID)).toEqual({ id: ID, title: 'Dashboard', theme: 'auto', revision: 1, createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString(), expiresAt: new Date(T0 + HOUR).toISOString() });
    expect(dashboards.list(T0 + HOUR).map((d) => d.id)).toEqual([other]);
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

/** A document whose content shares nothing with another seed's: a ~300 KB table. */
function tableDoc(seed: number, nowMs = T0): Dashboard {
  const rows = Array.from({ length: 3_000 }, (_, i) => eventRow(seed * 1_000_000 + i));
  return { ...blank(ID, nowMs), widgets: [{ id: 't', kind: 'table', columns: [{ key: 't' }, { key: 'n' }], rows }] } as Dashboard;
}

describe('compact history', () => {
  test('keeps 50 revisions of small edits to a 4 MiB document in under 3 copies, and reads every one back exactly', async () => {
    const big = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 });
    const { doc, rows } = bigDashboard();
    const size = documentBytes(doc);
    expect(size).toBeGreaterThan(3.9 * 1024 * 1024);
    const written = new Map<number, string>();
    const first = await big.write(BIG_ID, created(doc), { tool: 'dashboard_set', nowMs: T0 });
    written.set(first.doc.revision, JSON.stringify(first.doc));
    for (let i = 0; i < 50; i++) {
      // Not labelled data_append: consecutive appends to one widget would be one history entry, and this is about
      // how 50 kept revisions are stored.
      const result = await big.write(BIG_ID, (current) => smallEdit(i, rows)(current!), { tool: 'small_edit', nowMs: T0 + i });
      written.set(result.doc.revision, JSON.stringify(result.doc));
    }
    // 51 revisions written, the last 50 kept: whole copies would take 50 times the document.
    expect(big.history(BIG_ID, T0 + 100).map((h) => h.revision)).toEqual(Array.from({ length: 50 }, (_, i) => 51 - i));
    expect(storedBytes()).toBeLessThan(3 * size);
    for (let revision = 2; revision <= 51; revision++) {
      expect(JSON.stringify(big.revisionDoc(BIG_ID, revision))).toBe(written.get(revision)!);
    }
    expect(big.revisionDoc(BIG_ID, 1)).toBeUndefined();
    expect(JSON.stringify(big.get(BIG_ID, T0 + 100))).toBe(written.get(51)!);
    // Restoring the oldest kept revision brings back exactly its widgets.
    const oldest = big.revisionDoc(BIG_ID, 2)!;
    const restored = await big.write(BIG_ID, (current) => restoreRevision(current!, oldest), { tool: 'dashboard_restore', nowMs: T0 + 100 });
    expect(restored.doc.revision).toBe(52);
    expect(JSON.stringify(big.get(BIG_ID, T0 + 200)!.widgets)).toBe(JSON.stringify(oldest.widgets));
  }, 180_000);

  test('appending one row at a time to a 4 MiB table stores a few KiB per row, not the table', async () => {
    const big = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 100 });
    const { doc, rows } = bigDashboard();
    await big.write(BIG_ID, created(doc), { tool: 'dashboard_set', nowMs: T0 });
    const before = storedBytes();
    for (let i = 0; i < 50; i++) {
      await big.write(BIG_ID, (current) => appendData(current!, { widget: 'events', rows: [eventRow(rows + i)] }, DEFAULT_LIMITS), { tool: 'data_append', nowMs: T0 });
    }
    const perAppend = (storedBytes() - before) / 50;
    // One copy of the table is 4 MiB; what an append adds is its row plus the rewritten tail (a chunk, a list page).
    expect(perAppend).toBeLessThan(16 * 1024);
    const table = big.get(BIG_ID, T0)!.widgets.find((w) => w.id === 'events') as { rows: unknown[] };
    expect(table.rows).toHaveLength(rows + 50);
    expect(table.rows.at(-1)).toEqual(eventRow(rows + 49));
    // The 50 appends are one history entry (the newest state); the layout they were appended to is still there.
    expect(big.history(BIG_ID, T0).map((h) => h.revision)).toEqual([51, 1]);
    expect((big.revisionDoc(BIG_ID, 1)!.widgets.at(-1) as { rows: unknown[] }).rows).toHaveLength(rows);
  }, 180_000);

  test('1,000 appends to one widget are one history entry: the layout stays in the window and restores', async () => {
    const chart = { id: 'lat', kind: 'chart', type: 'line', series: [{ name: 'p50', data: [] }] };
    const layout = (current: Dashboard | undefined): EditResult => putWidgets(current ?? blank(ID, T0), [chart, { id: 'm', kind: 'metric', value: 1 }], {}, DEFAULT_LIMITS);
    await dashboards.write(ID, layout, { tool: 'widget_put', nowMs: T0 });
    for (let i = 0; i < 1000; i++) {
      await dashboards.write(ID, (current) => appendData(current!, { widget: 'lat', points: [[`t${i}`, i]], keep_last: 100 }, DEFAULT_LIMITS), { tool: 'data_append', nowMs: T0 });
    }
    const history = dashboards.history(ID, T0);
    expect(history.map((h) => h.revision)).toEqual([1001, 1]);
    expect(history[0]!.summary).toContain('the last of 1000 appends in a row');
    expect(historyKeys(ID)).toHaveLength(2);
    expect(snapshotKeys(ID)).toEqual(historyKeys(ID));
    const restored = await dashboards.write(ID, (current) => restoreRevision(current!, dashboards.revisionDoc(ID, 1)!), { tool: 'dashboard_restore', nowMs: T0 });
    expect(restored.doc.revision).toBe(1002);
    expect((dashboards.get(ID, T0)!.widgets[0] as { series: { data: unknown[] }[] }).series[0]!.data).toEqual([]);
  }, 60_000);

  test('appends to different widgets, or with another write between them, stay separate revisions', async () => {
    await dashboards.write(ID, (current) => putWidgets(current ?? blank(ID, T0), [{ id: 'a', kind: 'log', lines: [] }, { id: 'b', kind: 'log', lines: [] }], {}, DEFAULT_LIMITS), { tool: 'widget_put', nowMs: T0 });
    const append = (widget: string) => dashboards.write(ID, (current) => appendData(current!, { widget, lines: ['x'] }, DEFAULT_LIMITS), { tool: 'data_append', nowMs: T0 });
    await append('a');
    await append('b');
    await append('b');
    await dashboards.write(ID, addWidget('c'), { tool: 'widget_put', nowMs: T0 });
    await append('b');
    expect(dashboards.history(ID, T0).map((h) => [h.revision, h.tool])).toEqual([
      [6, 'data_append'],
      [5, 'widget_put'],
      [4, 'data_append'],
      [2, 'data_append'],
      [1, 'widget_put'],
    ]);
  });

  test('a coalesced append frees the content only it used, and keeps what the revisions around it share', async () => {
    const short = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 });
    const big = (current: Dashboard | undefined) => created({ ...tableDoc(1), widgets: [...tableDoc(1).widgets, { id: 'log', kind: 'log', lines: [] } as Dashboard['widgets'][number]] })();
    await short.write(ID, big, { tool: 'dashboard_set', nowMs: T0 });
    for (let i = 0; i < 30; i++) {
      await short.write(ID, (current) => appendData(current!, { widget: 'log', lines: Array.from({ length: 4 }, (_, k) => `line ${i}.${k} `.repeat(150)) }, DEFAULT_LIMITS), { tool: 'data_append', nowMs: T0 });
    }
    expect(short.history(ID, T0).map((h) => h.revision)).toEqual([31, 1]);
    // The same pieces as a dashboard that only ever had these two contents.
    const kept = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await short.write(kept, () => ({ ...big(undefined), doc: { ...short.revisionDoc(ID, 1)!, id: kept } }), { tool: 'dashboard_set', nowMs: T0 });
    await short.write(kept, () => ({ ...big(undefined), doc: { ...short.get(ID, T0)!, id: kept } }), { tool: 'dashboard_set', nowMs: T0 });
    expect(pieceKeys(ID).length).toBe(pieceKeys(kept).length);
    expect(pieceCounts(ID)).toEqual(pieceKeys(ID));
    expect(JSON.stringify(short.revisionDoc(ID, 1)!.widgets)).toBe(JSON.stringify(big(undefined).doc.widgets));
  });

  test('content that comes back after a coalesced append is counted once, and all of it goes when history moves on', async () => {
    const short = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 2 });
    const withLog = { ...tableDoc(1), widgets: [...tableDoc(1).widgets, { id: 'log', kind: 'log', lines: ['A'] } as Dashboard['widgets'][number]] };
    await short.write(ID, created(withLog), { tool: 'dashboard_set', nowMs: T0 });
    // B, A, B, A: each append replaces the one before it in history, and every other one has the layout's content.
    for (const line of ['B', 'A', 'B', 'A']) {
      await short.write(ID, (current) => appendData(current!, { widget: 'log', lines: [line], keep_last: 1 }, DEFAULT_LIMITS), { tool: 'data_append', nowMs: T0 });
    }
    expect(short.history(ID, T0).map((h) => h.revision)).toEqual([5, 1]);
    expect(JSON.stringify(short.revisionDoc(ID, 1)!.widgets)).toBe(JSON.stringify(withLog.widgets));
    expect(JSON.stringify(short.get(ID, T0)!.widgets)).toBe(JSON.stringify(withLog.widgets));
    for (const seed of [7, 8]) await short.write(ID, created(tableDoc(seed)), { tool: 'dashboard_set', nowMs: T0 });
    const kept = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    for (const seed of [7, 8]) await short.write(kept, created({ ...tableDoc(seed), id: kept }), { tool: 'dashboard_set', nowMs: T0 });
    expect(pieceKeys(ID).length).toBe(pieceKeys(kept).length);
    expect(pieceCounts(ID)).toEqual(pieceKeys(ID));
  });

  test('trimming history past the limit frees the content no kept revision uses', async () => {
    const short = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 3 });
    for (let seed = 0; seed < 12; seed++) await short.write(ID, created(tableDoc(seed)), { tool: 'dashboard_set', nowMs: T0 });
    expect(short.history(ID, T0).map((h) => h.revision)).toEqual([12, 11, 10]);
    expect(JSON.stringify(short.revisionDoc(ID, 10)!.widgets)).toBe(JSON.stringify(tableDoc(9).widgets));
    // What is left is exactly what a dashboard that only ever had the 3 kept contents stores: the rest is gone,
    // not just unlisted.
    const kept = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    for (let seed = 9; seed < 12; seed++) await short.write(kept, created({ ...tableDoc(seed), id: kept }), { tool: 'dashboard_set', nowMs: T0 });
    expect(pieceKeys(ID).length).toBe(pieceKeys(kept).length);
    expect(pieceCounts(ID)).toEqual(pieceKeys(ID));
    expect(storedBytes()).toBeLessThan(2 * 4.5 * documentBytes(tableDoc(0)));
  });

  test('content that comes back in a later revision survives trimming of its first use, and goes with its last', async () => {
    const short = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 2 });
    const [a, b, c, d] = [tableDoc(1), tableDoc(2), tableDoc(3), tableDoc(4)];
    await short.write(ID, created(a), { tool: 'dashboard_set', nowMs: T0 });
    await short.write(ID, created(b), { tool: 'dashboard_set', nowMs: T0 });
    await short.write(ID, (current) => restoreRevision(current!, short.revisionDoc(ID, 1)!), { tool: 'dashboard_restore', nowMs: T0 });
    // Revision 1 (a) is trimmed, revision 3 (a again) is kept: a's content must still be there.
    expect(short.history(ID, T0).map((h) => h.revision)).toEqual([3, 2]);
    expect(JSON.stringify(short.get(ID, T0)!.widgets)).toBe(JSON.stringify(a.widgets));
    expect(JSON.stringify(short.revisionDoc(ID, 2)!.widgets)).toBe(JSON.stringify(b.widgets));
    await short.write(ID, created(c), { tool: 'dashboard_set', nowMs: T0 });
    await short.write(ID, created(d), { tool: 'dashboard_set', nowMs: T0 });
    expect(JSON.stringify(short.revisionDoc(ID, 4)!.widgets)).toBe(JSON.stringify(c.widgets));
    // Only c and d are left: the same pieces as a dashboard that only ever had those two.
    const kept = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    for (const doc of [c, d]) await short.write(kept, created({ ...doc, id: kept }), { tool: 'dashboard_set', nowMs: T0 });
    expect(pieceKeys(ID).length).toBe(pieceKeys(kept).length);
  });

  test('remove deletes the document, its history and all its content', async () => {
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await dashboards.write(ID, created(tableDoc(1)), { tool: 'dashboard_set', nowMs: T0 });
    await dashboards.write(ID, addWidget('a'), { tool: 'widget_put', nowMs: T0 });
    await dashboards.write(other, addWidget('x'), { tool: 'dashboard_open', nowMs: T0 });
    expect(await dashboards.remove(ID)).toBe(true);
    expect(dashboards.get(ID, T0)).toBeUndefined();
    expect(historyKeys(ID)).toEqual([]);
    expect(snapshotKeys(ID)).toEqual([]);
    expect(pieceKeys(ID)).toEqual([]);
    expect(pieceCounts(ID)).toEqual([]);
    expect(expiryKeys()).toEqual([[T0 + HOUR, 'dashboard', other]]);
    expect(dashboards.get(other, T0)!.widgets.map((w) => w.id)).toEqual(['x']);
    expect(await dashboards.remove(ID)).toBe(false);
  });

  test('reads a data directory from before compact history, whole documents and all, and carries on from it', async () => {
    // As the store wrote it then: the whole document in `dashboards` and in each snapshot.
    const legacy = { ...blank(ID, T0), revision: 1, expiresAt: new Date(T0 + HOUR).toISOString(), widgets: [{ id: 'old', kind: 'markdown', text: 'from before' }] } as Dashboard;
    await store.root.transaction(() => {
      store.dashboards.put(ID, legacy);
      store.history.put([ID, 1], { revision: 1, at: legacy.updatedAt, tool: 'dashboard_open', summary: 'created the dashboard' });
      store.snapshots.put([ID, 1], legacy);
      store.expiry.put([T0 + HOUR, 'dashboard', ID], null);
    });
    expect(dashboards.get(ID, T0)).toEqual(legacy);
    expect(dashboards.revisionDoc(ID, 1)).toEqual(legacy);
    for (let i = 0; i < 6; i++) await dashboards.write(ID, addWidget(`w${i}`), { tool: 'widget_put', nowMs: T0 + i });
    expect(dashboards.get(ID, T0 + 10)!.widgets.map((w) => w.id)).toEqual(['old', 'w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
    expect(dashboards.history(ID, T0 + 10).map((h) => h.revision)).toEqual([7, 6, 5, 4, 3]);
    expect(dashboards.revisionDoc(ID, 3)!.widgets.map((w) => w.id)).toEqual(['old', 'w0', 'w1']);
  });

  test('a refused edit of a big document leaves its content as it was', async () => {
    const big = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 });
    const { doc } = bigDashboard();
    await big.write(BIG_ID, created(doc), { tool: 'dashboard_set', nowMs: T0 });
    const pieces = pieceKeys(BIG_ID);
    const refused = big.write(BIG_ID, (current) => putWidgets(current!, [{ id: 'x', kind: 'markdown', text: 'x'.repeat(99_999) }], {}, DEFAULT_LIMITS), { tool: 'widget_put', nowMs: T0 });
    await expect(refused).rejects.toThrow('the dashboard would be');
    expect(pieceKeys(BIG_ID)).toEqual(pieces);
    expect(JSON.stringify(big.get(BIG_ID, T0))).toBe(JSON.stringify({ ...doc, revision: 1, updatedAt: new Date(T0).toISOString(), expiresAt: new Date(T0 + HOUR).toISOString() }));
  }, 60_000);
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
