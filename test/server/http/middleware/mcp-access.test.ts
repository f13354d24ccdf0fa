import { afterAll, describe, expect, test } from 'bun:test';
import { initializeBody, rawPost, removeTempDirs, startAppsStoppedAfterEach } from '../../helpers/test-app.ts';
import { OWNER_PASSWORD, PUBLIC_URL, mcpWith } from '../../helpers/oauth-flow.ts';

const start = startAppsStoppedAfterEach();
afterAll(removeTempDirs);

const ping = { jsonrpc: '2.0', id: 7, method: 'ping' };

describe('mcpAccess', () => {
  test('a flood from one token gets 429 with Retry-After and a JSON-RPC error, while another token is served', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true, mcpRatePerMinute: 20 });
    await app.app.auth.owner.applyConfiguredPassword(OWNER_PASSWORD);
    const noisy = await app.app.auth.staticTokens.create('noisy');
    const quiet = await app.app.auth.staticTokens.create('quiet');
    const flood = await Promise.all(Array.from({ length: 40 }, () => rawPost(app.mcpUrl, ping, { authorization: `Bearer ${noisy}` })));
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const refused = flood.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000 } });
    expect((await mcpWith(app, quiet)).status).toBe(200);
  });

  test('with auth off, counts per client address', async () => {
    const app = await start({ auth: false, trustProxy: true, mcpRatePerMinute: 5 });
    const from = (ip: string) => rawPost(app.mcpUrl, initializeBody(), { 'x-forwarded-for': ip });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(200);
  });

  test('a refused token never reaches the endpoint: no session is created', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true });
    const res = await rawPost(app.mcpUrl, initializeBody(), { authorization: 'Bearer mcpd_st_guess' });
    expect(res.status).toBe(401);
    expect(res.headers.get('mcp-session-id')).toBeNull();
  });
});
