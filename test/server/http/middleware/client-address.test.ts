// The client address: forwarded headers count only with --trust-proxy, and then the proxy's own entry wins.
import { describe, expect, test } from 'bun:test';
import { Hono } from 'hono';
import type { AppEnv } from '../../../../server/http/env.ts';
import { clientAddress, forwardedAddress } from '../../../../server/http/middleware/client-address.ts';

function appWith(trustProxy: boolean) {
  const app = new Hono<AppEnv>();
  app.use('*', clientAddress({ trustProxy }));
  app.get('/', (c) => c.text(c.get('clientAddress')));
  return app;
}

describe('clientAddress', () => {
  test('ignores forwarded headers unless the proxy is trusted', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9', 'cf-connecting-ip': '198.51.100.7' };
    expect(await (await appWith(false).request('/', { headers })).text()).toBe('local');
    expect(await (await appWith(true).request('/', { headers })).text()).toBe('198.51.100.7');
  });

  test('takes the socket address from Bun when there is one', async () => {
    const env = { requestIP: () => ({ address: '192.0.2.1' }) };
    expect(await (await appWith(false).request('/', {}, env)).text()).toBe('192.0.2.1');
  });

  test('uses the last X-Forwarded-For entry: the earlier ones are whatever the client wrote', () => {
    expect(forwardedAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(forwardedAddress(new Headers({}))).toBeUndefined();
  });

  test('says once that --trust-proxy is missing when a loopback peer forwards requests', async () => {
    const notices: string[] = [];
    const app = new Hono<AppEnv>();
    app.use('*', clientAddress({ trustProxy: false, onUntrustedProxy: (header) => notices.push(header) }));
    app.get('/', (c) => c.text(c.get('clientAddress')));
    const loopback = { requestIP: () => ({ address: '::ffff:127.0.0.1' }) };
    const remote = { requestIP: () => ({ address: '203.0.113.9' }) };
    // A remote peer may write the header itself: that says nothing about a tunnel here.
    await app.request('/', { headers: { 'x-forwarded-for': '6.6.6.6' } }, remote);
    await app.request('/', {}, loopback);
    expect(notices).toEqual([]);
    for (let i = 0; i < 3; i++) expect(await (await app.request('/', { headers: { 'cf-connecting-ip': '198.51.100.7' } }, loopback)).text()).toBe('::ffff:127.0.0.1');
    expect(notices).toEqual(['cf-connecting-ip']);
  });

  test('says nothing when the proxy is trusted', async () => {
    const notices: string[] = [];
    const app = new Hono<AppEnv>();
    app.use('*', clientAddress({ trustProxy: true, onUntrustedProxy: (header) => notices.push(header) }));
    app.get('/', (c) => c.text(c.get('clientAddress')));
    await app.request('/', { headers: { 'x-forwarded-for': '198.51.100.7' } }, { requestIP: () => ({ address: '127.0.0.1' }) });
    expect(notices).toEqual([]);
  });
});
