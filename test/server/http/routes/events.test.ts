// GET /api/dashboard/:id/events over real HTTP: snapshot, ordered updates, resume, expiry, heartbeats, 404s.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { startSweeper } from '../../../../server/store/expiry.ts';
import { dashboardFixture, type DashboardFixture } from '../api-fixture.ts';
import { openSse, type SseEvent, type SseStream } from '../sse-client.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const OTHER = '0b7d5f3e-1c2a-4b8d-9e6f-a1b2c3d4e5f6';
const UNKNOWN = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

let f: DashboardFixture;
const streams: SseStream[] = [];

function setup(options: Parameters<typeof dashboardFixture>[0] = {}) {
  f = dashboardFixture(options);
  f.listen();
  return f;
}

async function connect(query = '', headers: Record<string, string> = {}, includeComments = false) {
  const stream = await openSse(`${f.url}/api/dashboard/${ID}/events${query}`, { headers, includeComments });
  streams.push(stream);
  return stream;
}

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await f.close();
});

const revisions = (events: SseEvent[]) => events.map((e) => Number(e.id));
const until = async (check: () => boolean, ms = 2_000) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await Bun.sleep(10);
  }
};

describe('GET /api/dashboard/:id/events', () => {
  test('sends a snapshot, then every write in order with ids equal to revisions', async () => {
    setup();
    await f.put(ID, 'a');
    const sse = await connect();
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toStartWith('text/event-stream');
    const snapshot = (await sse.next())!;
    expect(snapshot.event).toBe('snapshot');
    expect(snapshot.id).toBe('1');
    expect(JSON.parse(snapshot.data)).toMatchObject({ id: ID, revision: 1, widgets: [{ id: 'a', kind: 'markdown' }] });

    await f.put(ID, 'b', 'second');
    await f.put(ID, 'a', 'changed');
    const [b, a] = await sse.take(2);
    expect([b!.event, b!.id, a!.event, a!.id]).toEqual(['update', '2', 'update', '3']);
    expect(JSON.parse(b!.data)).toMatchObject({ revision: 2, order: ['a', 'b'], changed: [{ id: 'b', text: 'second' }], removed: [] });
    expect(JSON.parse(a!.data)).toMatchObject({ revision: 3, changed: [{ id: 'a', text: 'changed' }] });
  });

  test('delivers every revision exactly once while two writers race', async () => {
    setup();
    await f.put(ID, 'start');
    const sse = await connect();
    expect((await sse.next())!.event).toBe('snapshot');
    const writer = (name: string) => Promise.all(Array.from({ length: 20 }, (_, i) => f.put(ID, `${name}${i}`)));
    await Promise.all([writer('x'), writer('y')]);
    const events = await sse.take(40);
    expect(events.every((e) => e.event === 'update')).toBe(true);
    expect(revisions(events)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect(JSON.parse(events.at(-1)!.data).order).toHaveLength(41);
  });

  test('a page that connects in the middle of a burst of writes sees each later revision exactly once', async () => {
    setup();
    await f.put(ID, 'start');
    const writes = (async () => {
      for (let i = 0; i < 60; i++) {
        await f.put(ID, `w${i}`);
        await Bun.sleep(1);
      }
    })();
    const pages = await Promise.all(Array.from({ length: 10 }, (_, i) => Bun.sleep(i * 8).then(() => connect())));
    await writes;
    for (const page of pages) {
      const snapshot = (await page.next())!;
      expect(snapshot.event).toBe('snapshot');
      const from = Number(snapshot.id);
      const rest = from < 61 ? await page.take(61 - from) : [];
      expect(revisions(rest)).toEqual(Array.from({ length: 61 - from }, (_, i) => from + 1 + i));
    }
  });

  test('gives 200 concurrent pages the same update', async () => {
    setup({ maxStreams: { perDashboard: 200, perAddress: 200 } });
    await f.put(ID, 'a');
    const pages = await Promise.all(Array.from({ length: 200 }, () => connect()));
    await Promise.all(pages.map((p) => p.next()));
    expect(f.live.subscriberCount(ID)).toBe(200);
    await f.put(ID, 'b', 'fan-out');
    const got = await Promise.all(pages.map((p) => p.next()));
    expect(new Set(got.map((e) => e!.data)).size).toBe(1);
    expect(JSON.parse(got[0]!.data)).toMatchObject({ revision: 2, changed: [{ id: 'b', text: 'fan-out' }] });
  });

  test('resumes from Last-Event-ID by replaying only the missed updates', async () => {
    setup();
    await f.put(ID, 'a');
    await f.put(ID, 'b');
    await f.put(ID, 'c');
    const sse = await connect('', { 'Last-Event-ID': '1' });
    const replay = await sse.take(2);
    expect(replay.map((e) => [e.event, e.id])).toEqual([
      ['update', '2'],
      ['update', '3'],
    ]);
    await f.put(ID, 'd');
    expect((await sse.next())!.id).toBe('4');
  });

  test('accepts ?lastEventId= for EventSource polyfills and sends nothing when nothing was missed', async () => {
    setup({ heartbeatMs: 100 });
    await f.put(ID, 'a');
    await f.put(ID, 'b');
    const sse = await connect('?lastEventId=2', {}, true);
    // Only the opening comment and heartbeats until the next write.
    const quiet = await sse.take(2);
    expect(quiet.every((e) => e.event === 'comment')).toBe(true);
    await f.put(ID, 'c');
    let next = await sse.next();
    while (next?.event === 'comment') next = await sse.next();
    expect([next!.event, next!.id]).toEqual(['update', '3']);
  });

  test('sends a fresh snapshot when the gap is older than the replay ring', async () => {
    setup({ ringSize: 3 });
    for (const w of ['a', 'b', 'c', 'd', 'e', 'f']) await f.put(ID, w);
    const sse = await connect('', { 'Last-Event-ID': '1' });
    const first = (await sse.next())!;
    expect([first.event, first.id]).toEqual(['snapshot', '6']);
    expect(JSON.parse(first.data).widgets).toHaveLength(6);
  });

  test('sends a snapshot when Last-Event-ID is ahead of the dashboard or not a revision', async () => {
    setup();
    await f.put(ID, 'a');
    for (const lastId of ['9', 'abc']) {
      const sse = await connect('', { 'Last-Event-ID': lastId });
      expect((await sse.next())!.event).toBe('snapshot');
    }
  });

  test('sends expired when the dashboard passes expiresAt, then ends, without the sweeper', async () => {
    // Seconds, not milliseconds: a slow commit on a loaded machine must not outlast the TTL.
    setup({ ttlMs: 2_000 });
    await f.put(ID, 'a');
    const sse = await connect();
    expect((await sse.next())!.event).toBe('snapshot');
    // A write extends the life: the first timer must re-check rather than expire.
    await Bun.sleep(800);
    const started = Date.now();
    await f.put(ID, 'b');
    expect((await sse.next())!.event).toBe('update');
    const expired = (await sse.next(6_000))!;
    expect(expired.event).toBe('expired');
    expect(JSON.parse(expired.data)).toEqual({ id: ID });
    // Not at the first write's expiry (1.2 s from here) but at the second's (2 s from here).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(await sse.next()).toBeUndefined();
    await until(() => f.live.subscriberCount(ID) === 0);
  });

  test('sends expired when the sweeper removes the dashboard', async () => {
    setup();
    await f.put(ID, 'a');
    const sse = await connect();
    await sse.next();
    const sweeper = startSweeper(f.store, {
      intervalMs: 60_000,
      now: () => Date.now() + f.clock.offset,
      removers: { session: () => false, dashboard: f.dashboardStore.removeIfExpired },
      onRemoved: (kind, id) => kind === 'dashboard' && f.dashboards.onExpired(id),
    });
    try {
      expect(await sweeper.sweep()).toBe(0);
      // Past expiry by the app's clock; the stream's own timer (armed for an hour of real time) has not fired.
      f.clock.offset = 3_600_000 + 1;
      expect(await sweeper.sweep()).toBe(1);
      expect((await sse.next())!.event).toBe('expired');
      expect(await sse.next()).toBeUndefined();
      expect((await fetch(`${f.url}/api/dashboard/${ID}/events`)).status).toBe(410);
    } finally {
      await sweeper.stop();
    }
  });

  test('sends a fresh snapshot when the dashboard expired and was created again under the same id', async () => {
    setup();
    await f.put(ID, 'old');
    await f.put(ID, 'older');
    const sse = await connect();
    expect((await sse.next())!.id).toBe('2');
    f.clock.offset = 3_600_000 + 1;
    await f.put(ID, 'new');
    const next = (await sse.next())!;
    expect([next.event, next.id]).toEqual(['snapshot', '1']);
    expect(JSON.parse(next.data).widgets.map((w: { id: string }) => w.id)).toEqual(['new']);
    await f.put(ID, 'newer');
    expect((await sse.next())!.id).toBe('2');
  });

  test('sends a heartbeat comment', async () => {
    setup({ heartbeatMs: 50 });
    await f.put(ID, 'a');
    const sse = await connect('', {}, true);
    const events = await sse.take(4);
    expect(events.map((e) => e.event)).toContain('snapshot');
    expect(events.filter((e) => e.event === 'comment').map((e) => e.data)).toContain('heartbeat');
  });

  test('drops the subscription when the page goes away', async () => {
    setup();
    await f.put(ID, 'a');
    const sse = await connect();
    await sse.next();
    expect(f.live.subscriberCount(ID)).toBe(1);
    sse.close();
    await until(() => f.live.subscriberCount(ID) === 0);
  });

  test('ends every open stream on shutdown, and answers later ones with a snapshot and an end', async () => {
    setup();
    await f.put(ID, 'a');
    const pages = await Promise.all([connect(), connect()]);
    for (const page of pages) await page.next();
    f.shutdown.abort();
    for (const page of pages) expect(await page.next()).toBeUndefined();
    expect(f.live.subscriberCount(ID)).toBe(0);
    const late = await connect();
    expect((await late.next())!.event).toBe('snapshot');
    expect(await late.next()).toBeUndefined();
  });

  test('past the bound of one dashboard answers 429 with Retry-After, while another dashboard\'s page opens and follows writes', async () => {
    setup({ maxStreams: { perDashboard: 2, total: 10 } });
    await f.put(ID, 'a');
    await f.put(OTHER, 'b');
    const pages = [await connect(), await connect()];
    for (const page of pages) expect((await page.next())!.event).toBe('snapshot');
    const refused = await fetch(`${f.url}/api/dashboard/${ID}/events`, { headers: { Accept: 'text/event-stream' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('retries by itself') });
    expect(f.live.subscriberCount(ID)).toBe(2);

    const other = await openSse(`${f.url}/api/dashboard/${OTHER}/events`);
    streams.push(other);
    expect(other.status).toBe(200);
    expect((await other.next())!.event).toBe('snapshot');
    await f.put(OTHER, 'b', 'changed');
    await f.put(ID, 'a', 'changed');
    expect(JSON.parse((await other.next())!.data)).toMatchObject({ changed: [{ id: 'b', text: 'changed' }] });
    for (const page of pages) expect((await page.next())!.event).toBe('update');

    // A page that leaves frees its place.
    pages[0]!.close();
    await until(() => f.live.subscriberCount(ID) === 1);
    const again = await connect();
    expect(again.status).toBe(200);
    expect((await again.next())!.event).toBe('snapshot');
  });

  test('past the bound over all dashboards answers 429; unknown ids and ended streams hold no place', async () => {
    setup({ maxStreams: { perDashboard: 10, total: 2 } });
    await f.put(ID, 'a');
    await f.put(OTHER, 'b');
    for (let i = 0; i < 3; i++) expect((await fetch(`${f.url}/api/dashboard/${UNKNOWN}/events`)).status).toBe(404);
    const first = await connect();
    const second = await openSse(`${f.url}/api/dashboard/${OTHER}/events`);
    streams.push(second);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await fetch(`${f.url}/api/dashboard/${OTHER}/events`);
    expect(third.status).toBe(429);
    expect(third.headers.get('Retry-After')).not.toBeNull();
    second.close();
    await until(() => f.live.subscriberCount(OTHER) === 0);
    const fourth = await openSse(`${f.url}/api/dashboard/${OTHER}/events`);
    streams.push(fourth);
    expect(fourth.status).toBe(200);
    // The server ending a stream (here: the dashboard expired) gives its place back as well.
    expect((await first.next())!.event).toBe('snapshot');
    f.dashboards.onExpired(ID);
    expect((await first.next())!.event).toBe('expired');
    expect(await first.next()).toBeUndefined();
    const fifth = await connect();
    expect(fifth.status).toBe(200);
  });

  test('returns a 404 JSON answer, not a stream, for unknown and malformed ids', async () => {
    setup();
    for (const path of [`/api/dashboard/${ID}/events`, '/api/dashboard/not-a-uuid/events']) {
      const res = await fetch(`${f.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toStartWith('application/json');
      expect((await res.json()).error.code).toBe('not_found');
    }
    expect(f.live.subscriberCount(ID)).toBe(0);
  });
});
