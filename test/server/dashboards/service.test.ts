// The dashboard service over a real LMDB store and real live pub/sub: what tools and pages observe.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createDashboardService, type DashboardService } from '../../../server/dashboards/service.ts';
import { putWidgets, removeWidgets, setDashboard } from '../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS } from '../../../server/dashboard/limits.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../server/errors.ts';
import { createLive, type LiveMessage, type UpdatePayload } from '../../../server/live.ts';
import { createDashboardStore, type DashboardStore } from '../../../server/store/dashboards.ts';
import { createFeedbackStore, type FeedbackStore } from '../../../server/store/feedback.ts';
import { openStore, type Store } from '../../../server/store/db.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const HOUR = 3_600_000;
const limits = DEFAULT_LIMITS;

const chart = { id: 'sales', kind: 'chart', type: 'bar', x: ['Q1', 'Q2'], series: [{ name: 'EU', data: [1, 2] }] };
const note = { id: 'note', kind: 'markdown', text: 'hello' };

let store: Store;
let service: DashboardService;
let dashboardStore: DashboardStore;
let inbox: FeedbackStore;
let messages: LiveMessage[];
let clock: number;

beforeEach(() => {
  store = openStore(tempDataDir());
  const live = createLive();
  messages = [];
  live.subscribe(ID, (m) => messages.push(m));
  clock = Date.parse('2026-01-01T00:00:00Z');
  dashboardStore = createDashboardStore(store, { ttlMs: HOUR, historyLimit: 50 });
  inbox = createFeedbackStore(store, { maxEvents: 100, maxEventBytes: 4096 });
  service = createDashboardService({
    store: dashboardStore,
    live,
    limits,
    ttlMs: HOUR,
    now: () => clock,
    removeAlongside: inbox.removeAll,
  });
});

afterEach(async () => {
  await store.close();
});

const updates = () => messages.filter((m) => m.type === 'update').map((m) => JSON.parse(m.json) as UpdatePayload);

describe('dashboard service', () => {
  test('open creates a dashboard once, then only slides its expiry', async () => {
    const first = await service.open(ID, { title: 'Sales', createIfMissing: true });
    expect(first.created).toBe(true);
    expect(first.doc).toMatchObject({ id: ID, title: 'Sales', revision: 1 });
    clock += 60_000;
    const again = await service.open(ID, { createIfMissing: true });
    expect(again.created).toBe(false);
    expect(again.doc.revision).toBe(1);
    expect(again.doc.expiresAt).toBe(new Date(clock + HOUR).toISOString());
    expect(updates().map((u) => u.revision)).toEqual([1]);
  });

  test('open renames an existing dashboard when given another title', async () => {
    await service.open(ID, { title: 'Sales', createIfMissing: true });
    const renamed = await service.open(ID, { title: 'Costs', createIfMissing: false });
    expect(renamed.doc).toMatchObject({ title: 'Costs', revision: 2 });
    expect(updates().at(-1)!.title).toBe('Costs');
  });

  test('open without createIfMissing refuses an unknown dashboard', async () => {
    await expect(service.open(ID, { createIfMissing: false })).rejects.toThrow(NotFoundError);
  });

  test('apply publishes what changed, with chart options resolved, after the commit', async () => {
    await service.open(ID, { createIfMissing: true });
    const result = await service.apply(ID, 'widget_put', (doc) => putWidgets(doc, [note, chart], {}, limits));
    expect(result.doc.revision).toBe(2);
    const update = updates().at(-1)!;
    expect(update.revision).toBe(2);
    expect(update.order).toEqual(['note', 'sales']);
    expect(update.changed.map((w) => w.id)).toEqual(['note', 'sales']);
    const sales = update.changed.find((w) => w.id === 'sales') as unknown as { option: { series: { type: string }[] } };
    expect(sales.option.series[0]!.type).toBe('bar');
    expect(service.get(ID)!.revision).toBe(2);

    await service.apply(ID, 'widget_remove', (doc) => removeWidgets(doc, ['note'], limits));
    expect(updates().at(-1)).toMatchObject({ revision: 3, order: ['sales'], changed: [], removed: ['note'] });
  });

  test('apply refuses a missing dashboard unless told to create it', async () => {
    const edit = (doc: Parameters<typeof putWidgets>[0]) => putWidgets(doc, [note], {}, limits);
    await expect(service.apply(ID, 'widget_put', edit)).rejects.toThrow(NotFoundError);
    const created = await service.apply(ID, 'widget_put', edit, { createIfMissing: true, title: 'Notes' });
    expect(created.doc).toMatchObject({ revision: 1, title: 'Notes' });
    expect(created.doc.widgets.map((w) => w.id)).toEqual(['note']);
  });

  test('a refused edit changes nothing and tells no page', async () => {
    await service.open(ID, { createIfMissing: true });
    const before = structuredClone(service.get(ID));
    const bad = service.apply(ID, 'widget_put', (doc) => putWidgets(doc, [{ id: 'x', kind: 'chart' }], {}, limits));
    await expect(bad).rejects.toThrow(ValidationError);
    const stale = service.apply(ID, 'widget_put', (doc) => putWidgets(doc, [note], {}, limits), { expectedRevision: 7 });
    await expect(stale).rejects.toThrow(ConflictError);
    expect(service.get(ID)).toEqual(before!);
    expect(updates()).toHaveLength(1);
  });

  test('restore brings back an earlier revision as a new one', async () => {
    await service.open(ID, { createIfMissing: true });
    await service.apply(ID, 'widget_put', (doc) => putWidgets(doc, [note], {}, limits));
    await service.apply(ID, 'dashboard_set', (doc) => setDashboard(doc, { title: 'Other', widgets: [chart] }, limits));
    const restored = await service.restore(ID, 2);
    expect(restored.doc.revision).toBe(4);
    expect(restored.doc.title).toBe('Dashboard');
    expect(restored.doc.widgets.map((w) => w.id)).toEqual(['note']);
    expect(updates().at(-1)).toMatchObject({ revision: 4, title: 'Dashboard', order: ['note'], removed: ['sales'] });
    expect(service.history(ID).map((h) => [h.revision, h.tool])).toEqual([
      [4, 'dashboard_restore'],
      [3, 'dashboard_set'],
      [2, 'widget_put'],
      [1, 'dashboard_open'],
    ]);
  });

  test('restore of a revision outside history says which ones exist', async () => {
    await service.open(ID, { createIfMissing: true });
    await expect(service.restore(ID, 9)).rejects.toThrow("revision 9 is not in this dashboard's history (it keeps revisions 1..1)");
  });

  test('reading never extends expiry, and an expired dashboard is gone', async () => {
    await service.open(ID, { createIfMissing: true });
    const expiresAt = service.get(ID)!.expiresAt;
    clock += HOUR - 1;
    expect(service.get(ID)!.expiresAt).toBe(expiresAt);
    clock += 1;
    expect(service.get(ID)).toBeUndefined();
    expect(() => service.history(ID)).toThrow(NotFoundError);
  });

  test('onExpired tells the open pages', () => {
    service.onExpired(ID);
    expect(messages.map((m) => m.type)).toEqual(['expired']);
  });

  test('delete removes the document, its history and its page feedback at once, and tells the open pages', async () => {
    const { doc } = await service.open(ID, { createIfMissing: true });
    await service.apply(ID, 'widget_put', (d, l) => putWidgets(d, [note], {}, l));
    await inbox.append(ID, doc.createdAt, { at: doc.createdAt, kind: 'message', data: { text: 'hi' }, viewer: 'v1' });
    expect(inbox.summary(ID, doc.createdAt).lastId).toBe(1);
    messages = [];
    expect(await service.delete(ID)).toBe(true);
    expect(service.get(ID)).toBeUndefined();
    expect(service.getView(ID)).toBeUndefined();
    expect(dashboardStore.history(ID, clock)).toEqual([]);
    expect(inbox.summary(ID, doc.createdAt).lastId).toBe(0);
    expect(messages.map((m) => m.type)).toEqual(['expired']);
    // Gone means gone: a second delete finds nothing and tells nobody.
    messages = [];
    expect(await service.delete(ID)).toBe(false);
    expect(messages).toEqual([]);
  });

  test('the sweeper hook removes a dashboard (and its feedback) only once it really expired', async () => {
    const { doc } = await service.open(ID, { createIfMissing: true });
    await inbox.append(ID, doc.createdAt, { at: doc.createdAt, kind: 'message', data: { text: 'hi' }, viewer: 'v1' });
    expect(await store.root.transaction(() => service.removeIfExpired(ID, clock + HOUR - 1))).toBe(false);
    expect(service.get(ID)).toBeDefined();
    expect(inbox.summary(ID, doc.createdAt).lastId).toBe(1);
    expect(await store.root.transaction(() => service.removeIfExpired(ID, clock + HOUR))).toBe(true);
    expect(inbox.summary(ID, doc.createdAt).lastId).toBe(0);
  });
});
