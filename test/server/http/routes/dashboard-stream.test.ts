// The page feed's inbox notices on the real app: the state after each snapshot or resume, answers as they arrive,
// and "seen" once the assistant read them; none of it carries an id, so resuming by revision is untouched.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { putWidgets } from '../../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS } from '../../../../server/dashboard/limits.ts';
import { removeTempDirs, startAppsStoppedAfterEach, type TestApp } from '../../helpers/test-app.ts';
import { openSse, type SseStream } from '../sse-client.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const viewer = 'viewer01';
const start = startAppsStoppedAfterEach();
const streams: SseStream[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});

async function setup() {
  const app = await start();
  const widgets = [{ id: 'pick', kind: 'choice', options: [{ id: 'eu', label: 'Europe' }, { id: 'us', label: 'Americas' }] }];
  await app.app.dashboards.apply(ID, 'widget_put', (doc) => putWidgets(doc, widgets, {}, DEFAULT_LIMITS), { createIfMissing: true });
  return app;
}

async function page(app: TestApp, headers: Record<string, string> = {}) {
  const stream = await openSse(`${app.url}/api/dashboard/${ID}/events`, { headers });
  streams.push(stream);
  return stream;
}

const send = (app: TestApp, body: unknown) =>
  fetch(`${app.url}/api/dashboard/${ID}/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: app.url }, body: JSON.stringify(body) });

describe('live pages per dashboard', () => {
  test('--max-viewers bounds the open pages of one dashboard; the next one gets 429 with Retry-After', async () => {
    const app = await start({ maxViewers: 1 });
    await app.app.dashboards.apply(ID, 'widget_put', (doc) => putWidgets(doc, [{ id: 'n', kind: 'markdown', text: 'x' }], {}, DEFAULT_LIMITS), { createIfMissing: true });
    const first = await page(app);
    expect(first.status).toBe(200);
    const second = await fetch(`${app.url}/api/dashboard/${ID}/events`);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe('dashboard stream inbox notices', () => {
  test('follow the snapshot with the inbox state, then announce answers and what the assistant has seen', async () => {
    const app = await setup();
    const sse = await page(app);
    const [snapshot, state] = await sse.take(2);
    expect(snapshot!.event).toBe('snapshot');
    expect(state!.event).toBe('inbox');
    expect(state!.id).toBeUndefined();
    expect(JSON.parse(state!.data)).toEqual({ full: true, seenThrough: 0, answers: [] });

    await send(app, { kind: 'choice', widget: 'pick', data: { selected: ['eu'] }, viewer });
    const answered = (await sse.next())!;
    expect(answered.event).toBe('inbox');
    expect(JSON.parse(answered.data)).toMatchObject({ answers: [{ id: 1, widget: 'pick', kind: 'choice', data: { selected: ['eu'] }, viewer }] });

    await send(app, { kind: 'message', data: { text: 'not for other viewers' }, viewer });
    await app.app.feedback.read(ID);
    const seen = (await sse.next())!;
    expect(seen.event).toBe('inbox');
    // The message itself never went out on the stream, only that everything up to it was seen.
    expect(JSON.parse(seen.data)).toEqual({ seenThrough: 2 });
  });

  test('a page that resumes gets the inbox state it may have missed, without a new snapshot', async () => {
    const app = await setup();
    const first = await page(app);
    const [snapshot] = await first.take(2);
    first.close();
    await send(app, { kind: 'choice', widget: 'pick', data: { selected: ['us'] }, viewer });
    await app.app.feedback.read(ID);

    const resumed = await page(app, { 'Last-Event-ID': snapshot!.id! });
    const state = (await resumed.next())!;
    expect(state.event).toBe('inbox');
    expect(JSON.parse(state.data)).toMatchObject({ full: true, seenThrough: 1, answers: [{ id: 1, data: { selected: ['us'] } }] });
  });
});
