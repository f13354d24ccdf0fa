// The feedback service over real LMDB: validation against the dashboard, read-once with a cursor, waiting reads woken
// by the next event (not polling), shutdown, expiry with the dashboard, and what open pages are told.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { createDashboardService } from '../../../server/dashboards/service.ts';
import { putWidgets, setDashboard } from '../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS } from '../../../server/dashboard/limits.ts';
import { AppError, NotFoundError, ValidationError } from '../../../server/errors.ts';
import { createFeedbackService, type FeedbackService } from '../../../server/feedback/service.ts';
import { createLive, type LiveMessage } from '../../../server/live.ts';
import { createDashboardStore } from '../../../server/store/dashboards.ts';
import { openStore, type Store } from '../../../server/store/db.ts';
import { createFeedbackStore } from '../../../server/store/feedback.ts';
import { startAppsStoppedAfterEach } from '../helpers/test-app.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const TTL = 3_600_000;
const WIDGETS = [
  { id: 'pick', kind: 'choice', options: [{ id: 'eu', label: 'Europe' }, { id: 'us', label: 'Americas' }] },
  { id: 'notes', kind: 'markdown', text: 'hi' },
];

let store: Store;
afterEach(async () => {
  await store?.close().catch(() => undefined);
});

async function setup() {
  store = openStore(tempDataDir());
  const clock = { offset: 0 };
  const live = createLive();
  const now = () => Date.now() + clock.offset;
  const dashboards = createDashboardService({ store: createDashboardStore(store, { ttlMs: TTL, historyLimit: 50 }), live, limits: DEFAULT_LIMITS, ttlMs: TTL, now });
  await dashboards.apply(ID, 'widget_put', (doc) => putWidgets(doc, WIDGETS, {}, DEFAULT_LIMITS), { createIfMissing: true });
  const feedback = createFeedbackService({ store: createFeedbackStore(store, { maxEvents: 500, maxEventBytes: 16 * 1024 }), dashboards, live, now });
  const notices: unknown[] = [];
  live.subscribe(ID, (message: LiveMessage) => {
    if (message.type === 'inbox') notices.push(JSON.parse(message.json));
  });
  const doc = () => dashboards.get(ID)!;
  return { feedback, dashboards, clock, notices, doc };
}

const message = (text: string) => ({ kind: 'message', data: { text }, viewer: 'viewer01' });
const answer = (selected: string[]) => ({ kind: 'choice', widget: 'pick', data: { selected }, viewer: 'viewer01' });

async function unreadTexts(feedback: FeedbackService) {
  return (await feedback.read(ID)).events.map((e) => e.data.text ?? e.data.selected);
}

describe('feedback service', () => {
  test('stores a valid event with the time it arrived and counts it unread until read', async () => {
    const { feedback, doc } = await setup();
    const before = Date.now();
    const event = await feedback.submit(ID, message('hello'));
    expect(event).toMatchObject({ id: 1, kind: 'message', data: { text: 'hello' }, viewer: 'viewer01' });
    expect(Date.parse(event.at)).toBeGreaterThanOrEqual(before - 5);
    expect(feedback.unread(doc())).toBe(1);
    expect(await unreadTexts(feedback)).toEqual(['hello']);
    expect(feedback.unread(doc())).toBe(0);
  });

  test('refuses an answer that does not fit its widget and stores nothing', async () => {
    const { feedback, doc } = await setup();
    await expect(feedback.submit(ID, answer(['mars']))).rejects.toThrow('"mars" is not an option');
    await expect(feedback.submit(ID, { kind: 'choice', widget: 'notes', data: { selected: ['eu'] }, viewer: 'viewer01' })).rejects.toThrow('not a choice');
    await expect(feedback.submit(ID, { kind: 'comment', widget: 'nope', data: { text: 'x' }, viewer: 'viewer01' })).rejects.toBeInstanceOf(ValidationError);
    expect(feedback.unread(doc())).toBe(0);
  });

  test('refuses everything while the dashboard\'s inbox is closed, and still reads what it holds', async () => {
    const { feedback, dashboards } = await setup();
    await feedback.submit(ID, message('before closing'));
    await dashboards.apply(ID, 'dashboard_set', (doc) => setDashboard(doc, { feedback: false }, DEFAULT_LIMITS));
    const refused = await feedback.submit(ID, message('after')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(409);
    expect(await unreadTexts(feedback)).toEqual(['before closing']);
  });

  test('two reads at once never hand out the same event', async () => {
    const { feedback } = await setup();
    await Promise.all(['a', 'b', 'c', 'd'].map((t) => feedback.submit(ID, message(t))));
    const [one, two] = await Promise.all([feedback.read(ID), feedback.read(ID)]);
    const ids = [...one.events, ...two.events].map((e) => e.id).sort();
    expect(ids).toEqual([1, 2, 3, 4]);
  });

  test('a waiting read returns as soon as an event arrives, not at its deadline', async () => {
    const { feedback } = await setup();
    const started = performance.now();
    const reading = feedback.read(ID, { waitMs: 20_000 });
    await Bun.sleep(150);
    const sentAt = performance.now();
    await feedback.submit(ID, message('now'));
    const result = await reading;
    expect(result.events.map((e) => e.data.text)).toEqual(['now']);
    expect(performance.now() - sentAt).toBeLessThan(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  test('a waiting read returns empty at its deadline', async () => {
    const { feedback } = await setup();
    const started = performance.now();
    const result = await feedback.read(ID, { waitMs: 300 });
    const waited = performance.now() - started;
    expect(result.events).toEqual([]);
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(2_000);
  });

  test('server shutdown ends a waiting read at once; cancelling the call does too', async () => {
    const { feedback } = await setup();
    const abort = new AbortController();
    const cancelled = feedback.read(ID, { waitMs: 50_000, signal: abort.signal });
    const waiting = feedback.read(ID, { waitMs: 50_000 });
    await Bun.sleep(50);
    const t0 = performance.now();
    abort.abort();
    expect((await cancelled).events).toEqual([]);
    feedback.close();
    const result = await waiting;
    expect(result).toMatchObject({ events: [], interrupted: true });
    expect(performance.now() - t0).toBeLessThan(1_000);
    // Later reads do not wait either.
    expect((await feedback.read(ID, { waitMs: 50_000 })).interrupted).toBe(true);
  });

  test('an event goes to exactly one of a waiting read and a read that races it', async () => {
    const { feedback } = await setup();
    const waiting = feedback.read(ID, { waitMs: 600 });
    await Bun.sleep(50);
    await feedback.submit(ID, message('taken'));
    // Reads synchronously after the commit, before the waiting read's turn.
    const other = await feedback.read(ID);
    const result = await waiting;
    expect(other.events.length + result.events.length).toBe(1);
  });

  test('"after" re-reads events already read', async () => {
    const { feedback } = await setup();
    for (const t of ['a', 'b', 'c']) await feedback.submit(ID, message(t));
    await feedback.read(ID);
    expect((await feedback.read(ID, { after: 1 })).events.map((e) => e.id)).toEqual([2, 3]);
    expect((await feedback.read(ID)).events).toEqual([]);
  });

  test('tells open pages about answers and, once read, how far the assistant has seen', async () => {
    const { feedback, notices, doc } = await setup();
    await feedback.submit(ID, answer(['us']));
    await feedback.submit(ID, message('private'));
    expect(notices).toEqual([{ answers: [expect.objectContaining({ id: 1, widget: 'pick', kind: 'choice', data: { selected: ['us'] } })] }]);
    await feedback.read(ID);
    expect(notices.at(-1)).toEqual({ seenThrough: 2 });
    const state = JSON.parse(feedback.pageState(doc()));
    expect(state).toMatchObject({ full: true, seenThrough: 2, answers: [{ id: 1, widget: 'pick' }] });
    // Comments and messages are not shown to other viewers.
    expect(JSON.stringify(state)).not.toContain('private');
  });

  test('an expired dashboard\'s inbox is gone before the sweeper runs', async () => {
    const { feedback, clock, dashboards, doc } = await setup();
    await feedback.submit(ID, message('kept?'));
    clock.offset = TTL + 1_000;
    await expect(feedback.read(ID)).rejects.toBeInstanceOf(NotFoundError);
    await expect(feedback.submit(ID, message('late'))).rejects.toBeInstanceOf(NotFoundError);
    // A new dashboard under the same id (the sweeper still has not run) starts with an empty inbox.
    await dashboards.apply(ID, 'widget_put', (d) => putWidgets(d, WIDGETS, {}, DEFAULT_LIMITS), { createIfMissing: true });
    expect(feedback.unread(doc())).toBe(0);
    expect((await feedback.read(ID, { after: 0 })).events).toEqual([]);
    expect(JSON.parse(feedback.pageState(doc()))).toEqual({ full: true, seenThrough: 0, answers: [] });
  });
});

describe('feedback inbox in the app', () => {
  const start = startAppsStoppedAfterEach();

  test('the expiry sweeper removes a dashboard\'s inbox with the dashboard', async () => {
    const app = await start({ ttlMs: 60_000 });
    const { dashboards, feedback, store: db, sweeper } = app.app;
    await dashboards.apply(ID, 'widget_put', (doc) => putWidgets(doc, WIDGETS, {}, DEFAULT_LIMITS), { createIfMissing: true });
    await feedback.submit(ID, message('goes with it'));
    expect(Array.from(db.feedback.getKeys({ start: [ID, -10], end: [ID, Number.MAX_SAFE_INTEGER] })).length).toBeGreaterThan(0);
    app.clock.advance(61_000);
    expect(await sweeper.sweep()).toBe(1);
    expect(Array.from(db.feedback.getKeys({ start: [ID, -10], end: [ID, Number.MAX_SAFE_INTEGER] }))).toEqual([]);
  });
});
