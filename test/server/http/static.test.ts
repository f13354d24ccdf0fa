// Tests for the SPA routes: index fallback, cache headers, content types, traversal guards, the no-UI page.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { acceptsGzip, createSpaRoutes } from '../../../server/http/static.ts';
import { loadDiskAssets } from '../../../server/http/spa-assets.ts';

let root: string;
let app: Hono;
const WITH_CHARTS = '3f2c9a7e-1b4d-4c8e-9a0f-6d5e4c3b2a19';
const WITHOUT_CHARTS = '5b1d8c2e-3a4f-4e6b-8c9d-0e1f2a3b4c5d';
const BUNDLE = `export const chart = ${JSON.stringify('x'.repeat(4000))};`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mcpdash-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>mcpdash</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-B4x9Qz.js'), 'console.log("app")');
  writeFileSync(join(dist, 'assets', 'index-Ck21aa.css'), 'body{margin:0}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'assets', 'vendor-9Kq2.js'), BUNDLE);
  writeFileSync(join(dist, 'assets', 'echarts-setup-Xy_9-a.js'), 'export const echarts = {}');
  writeFileSync(join(root, 'vendor-9Kq2.js.gz'), gzipSync(BUNDLE));
  // A file next to the build output that no URL may ever reach.
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
  const disk = loadDiskAssets(dist)!;
  app = createSpaRoutes({
    assets: { files: disk.files, gzip: new Map([['/assets/vendor-9Kq2.js', join(root, 'vendor-9Kq2.js.gz')]]) },
    hasCharts: (id) => id === WITH_CHARTS,
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('createSpaRoutes', () => {
  test('serves index.html at / without caching', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toStartWith('text/html');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<div id="root">');
  });

  test('serves index.html for a dashboard URL so the SPA can route it', async () => {
    const res = await app.request('/dashboard/3f2c9a7e-1b4d-4c8e-9a0f-6d5e4c3b2a19');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<title>mcpdash</title>');
  });

  test('asks the browser to preload the dashboard document and, for a dashboard with charts, the chart engine', async () => {
    const res = await app.request(`/dashboard/${WITH_CHARTS}`);
    expect(res.headers.get('link')).toBe(`</api/dashboard/${WITH_CHARTS}>; rel=preload; as=fetch; crossorigin, </assets/echarts-setup-Xy_9-a.js>; rel=modulepreload`);
  });

  test('does not preload the chart engine for a dashboard without charts (or an unknown one)', async () => {
    const res = await app.request(`/dashboard/${WITHOUT_CHARTS}`);
    expect(res.headers.get('link')).toBe(`</api/dashboard/${WITHOUT_CHARTS}>; rel=preload; as=fetch; crossorigin`);
  });

  test('puts nothing but a well-formed id into the preload header', async () => {
    for (const path of ['/dashboard/not-an-id', '/dashboard/3F2C9A7E-1B4D-4C8E-9A0F-6D5E4C3B2A19', '/dashboard/x%3E%3B%20rel%3Dpreload', '/']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('link')).toBeNull();
    }
  });

  test('serves the page for a gone dashboard with 410 when it expired and 404 when it was never here', async () => {
    const EXPIRED = '7c2d9e1f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    const states = createSpaRoutes({
      assets: { files: loadDiskAssets(join(root, 'dist'))!.files, gzip: new Map() },
      dashboardState: (id) => (id === WITH_CHARTS ? 'live' : id === EXPIRED ? 'expired' : 'unknown'),
    });
    const expired = await states.request(`/dashboard/${EXPIRED}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('<div id="root">');
    expect(expired.headers.get('link')).toBeNull();
    expect((await states.request(`/dashboard/${WITHOUT_CHARTS}`)).status).toBe(404);
    expect((await states.request('/dashboard/not-an-id')).status).toBe(404);
    expect((await states.request(`/dashboard/${WITH_CHARTS}`)).status).toBe(200);
  });

  test('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('');
  });

  test('caches hashed assets forever with the right content type', async () => {
    const js = await app.request('/assets/index-B4x9Qz.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-type')).toStartWith('text/javascript');
    expect(await js.text()).toBe('console.log("app")');
    const css = await app.request('/assets/index-Ck21aa.css');
    expect(css.headers.get('content-type')).toStartWith('text/css');
  });

  test('caches other top-level files briefly', async () => {
    const res = await app.request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toStartWith('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  test('returns 404 JSON for an unknown asset or page', async () => {
    for (const path of ['/assets/index-old.js', '/nope', '/dashboard/a/b']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });

  test('sends the gzip copy to a client that accepts gzip', async () => {
    const res = await app.request('/assets/vendor-9Kq2.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toStartWith('text/javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = new Uint8Array(await res.arrayBuffer());
    expect(body.length).toBeLessThan(BUNDLE.length / 10);
    expect(gunzipSync(body).toString()).toBe(BUNDLE);
  });

  test('sends the plain file to a client that does not accept gzip', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br']) {
      const res = await app.request('/assets/vendor-9Kq2.js', { headers: accept ? { 'Accept-Encoding': accept } : {} });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(await res.text()).toBe(BUNDLE);
    }
  });

  test.each([
    ['gzip', true],
    ['br, gzip;q=0.5', true],
    ['*', true],
    ['gzip;q=0, *', false],
    ['GZIP;Q=0', false],
    ['deflate, br', false],
    ['', false],
  ])('acceptsGzip(%p) is %p', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  test.each([
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/%2e%2e/secret.txt',
    '/assets/%252e%252e/secret.txt',
  ])('returns 404 for the traversal attempt %s', async (path) => {
    const res = await app.request(`http://localhost${path}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('TOP-SECRET');
  });

  test('answers a plain "UI not built" page when the SPA was not built', async () => {
    const bare = createSpaRoutes({ assets: null });
    const home = await bare.request('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toStartWith('text/plain');
    expect(await home.text()).toContain('UI not built');
    expect((await bare.request('/dashboard/abc')).status).toBe(200);
    expect((await bare.request('/assets/index-B4x9Qz.js')).status).toBe(404);
  });
});
