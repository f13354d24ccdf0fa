// GET /api/dashboard/:id: the view JSON, revision ETags, and 404s that reveal nothing.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { setDashboard } from '../../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS } from '../../../../server/dashboard/limits.ts';
import { dashboardFixture, type DashboardFixture } from '../api-fixture.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const chart = { id: 'sales', kind: 'chart', type: 'line', x: ['Mon', 'Tue'], series: [{ name: 'visits', data: [3, 5] }] };

let f: DashboardFixture;
beforeEach(() => {
  f = dashboardFixture();
});
afterEach(async () => {
  await f.close();
});

const get = (path: string, headers: Record<string, string> = {}) => f.app.request(path, { headers });

describe('GET /api/dashboard/:id', () => {
  test('returns the dashboard with chart options resolved and the revision as ETag', async () => {
    await f.dashboards.apply(ID, 'dashboard_set', (doc) => setDashboard(doc, { title: 'Traffic', widgets: [chart] }, DEFAULT_LIMITS), { createIfMissing: true });
    const res = await get(`/api/dashboard/${ID}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"1"');
    const view = await res.json();
    expect(view).toMatchObject({ id: ID, title: 'Traffic', revision: 1 });
    expect(view.widgets[0].option.series[0]).toMatchObject({ type: 'line', data: [3, 5] });
    expect(view.widgets[0].option.xAxis).toMatchObject({ data: ['Mon', 'Tue'] });
  });

  test('answers 304 while the revision is unchanged and 200 after a write', async () => {
    await f.put(ID, 'a');
    const etag = (await get(`/api/dashboard/${ID}`)).headers.get('ETag')!;
    const same = await get(`/api/dashboard/${ID}`, { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect((await get(`/api/dashboard/${ID}`, { 'If-None-Match': `"7", W/${etag}` })).status).toBe(304);
    await f.put(ID, 'b');
    const changed = await get(`/api/dashboard/${ID}`, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).toBe('"2"');
  });

  test('accepts the id in upper case', async () => {
    await f.put(ID, 'a');
    expect((await get(`/api/dashboard/${ID.toUpperCase()}`)).status).toBe(200);
  });

  test('returns 404 for an unknown dashboard', async () => {
    const res = await get(`/api/dashboard/${ID}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'This dashboard does not exist or has expired.' } });
  });

  test('returns 410 for an expired dashboard, before and after the sweeper removed it, and viewing never extends expiry', async () => {
    await f.put(ID, 'a');
    const expiresAt = f.dashboards.get(ID)!.expiresAt;
    f.clock.offset = 30 * 60_000;
    expect((await get(`/api/dashboard/${ID}`)).status).toBe(200);
    expect(f.dashboards.get(ID)!.expiresAt).toBe(expiresAt);
    f.clock.offset = 3_600_000 + 1;
    const gone = await get(`/api/dashboard/${ID}`);
    expect(gone.status).toBe(410);
    expect((await gone.json()).error.code).toBe('expired');
    // The sweeper's removal: the id is remembered as expired, not turned into "never here".
    expect(await f.store.root.transaction(() => f.dashboardStore.removeIfExpired(ID, f.dashboards.now()))).toBe(true);
    f.dashboards.onExpired(ID);
    expect((await get(`/api/dashboard/${ID}`)).status).toBe(410);
  });

  test('returns 404 for a malformed id without touching the store', async () => {
    await f.put(ID, 'a');
    // A closed store throws on any read, so a 404 here proves the id was refused before a lookup.
    await f.store.close();
    for (const bad of ['nope', `${ID}x`, '../../etc', '6f1c2a4e8b3d4f5a9c7e1d2b3a4c5e6f']) {
      const res = await get(`/api/dashboard/${encodeURIComponent(bad)}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    expect(() => f.dashboards.get(ID)).toThrow();
  });
});
