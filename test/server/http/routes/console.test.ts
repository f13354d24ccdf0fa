import { afterAll, describe, expect, test } from 'bun:test';
import { connectClient, removeTempDirs, type TestApp } from '../../helpers/test-app.ts';
import { authAppsStoppedAfterEach, OWNER_PASSWORD, PUBLIC_URL, connectClaude, mcpWith } from '../../helpers/oauth-flow.ts';

const { start, startAuth } = authAppsStoppedAfterEach();
afterAll(removeTempDirs);

const post = (app: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function signIn(app: TestApp): Promise<{ cookie: string; csrf: string; setCookie: string }> {
  const res = await post(app, '/api/console/sign-in', { password: OWNER_PASSWORD });
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie')!;
  return { cookie: setCookie.split(';')[0]!, csrf: (await res.json()).csrf, setCookie };
}

/** A dashboard made the way an assistant makes one (auth off app: no token needed). */
async function makeDashboard(app: TestApp, title: string): Promise<string> {
  const { client } = await connectClient(app.mcpUrl);
  const result = await client.callTool({ name: 'dashboard_open', arguments: { title } });
  await client.close();
  return (result.structuredContent as { dashboard_id: string }).dashboard_id;
}

describe('owner console API', () => {
  test('signed out, says whether a password is set and never lists dashboards', async () => {
    const app = await start({ publicUrl: 'http://127.0.0.1:1', auth: false });
    await makeDashboard(app, 'Secret quarterly numbers');
    const session = await (await fetch(`${app.url}/api/console/session`)).json();
    expect(session).toMatchObject({ signedIn: false, passwordSet: false, auth: false });
    const overview = await fetch(`${app.url}/api/console/overview`);
    expect(overview.status).toBe(401);
    expect(await overview.text()).not.toContain('Secret quarterly');
  });

  test('signs in with an HttpOnly, SameSite=Strict cookie, Secure and __Host- on an https public URL', async () => {
    const app = await startAuth();
    const { setCookie } = await signIn(app);
    expect(setCookie).toMatch(/^__Host-mcpdash_owner=mcpd_ss_/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('Path=/');
    const plain = await start({ auth: false });
    await plain.app.auth.owner.applyConfiguredPassword(OWNER_PASSWORD);
    const res = await post(plain, '/api/console/sign-in', { password: OWNER_PASSWORD });
    expect(res.headers.get('set-cookie')).not.toContain('Secure');
  });

  test('refuses a wrong password, locks the address out after five, and the console shows the lock-out', async () => {
    const app = await startAuth({ trustProxy: true });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 5; i++) expect((await post(app, '/api/console/sign-in', { password: `wrong-${i}-xx` }, from('203.0.113.5'))).status).toBe(401);
    const res = await post(app, '/api/console/sign-in', { password: OWNER_PASSWORD }, from('203.0.113.5'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('15');
    const owner = await post(app, '/api/console/sign-in', { password: OWNER_PASSWORD }, from('198.51.100.5'));
    const cookie = owner.headers.get('set-cookie')!.split(';')[0]!;
    const overview = await (await fetch(`${app.url}/api/console/overview`, { headers: { cookie } })).json();
    expect(overview.passwordAttempts).toEqual({ locked: [{ address: '203.0.113.5', failures: 5, until: expect.any(String) }], slowed: false });
  });

  test('refuses a body nested deeper than the JSON bound (64 levels) with 400 naming it, before any password check', async () => {
    const app = await startAuth();
    const res = await post(app, '/api/console/sign-in', { password: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('body.password[0][0]');
  });

  test('lists dashboards, clients, tokens and data used; deletes a dashboard only with the CSRF token', async () => {
    const app = await start({ publicUrl: 'http://127.0.0.1:1', auth: false });
    await app.app.auth.owner.applyConfiguredPassword(OWNER_PASSWORD);
    const id = await makeDashboard(app, 'Sales');
    await app.app.auth.staticTokens.create('laptop');
    const { cookie, csrf } = await signIn(app);
    const overview = await (await fetch(`${app.url}/api/console/overview`, { headers: { cookie } })).json();
    expect(overview.dashboards.items).toEqual([expect.objectContaining({ id, title: 'Sales' })]);
    expect(overview.tokens).toEqual([expect.objectContaining({ name: 'laptop', lastUsedAt: null })]);
    expect(overview.usage.usedBytes).toBeGreaterThan(0);

    const forged = await post(app, '/api/console/dashboards/delete', { id }, { cookie });
    expect(forged.status).toBe(403);
    expect((await fetch(`${app.url}/api/dashboard/${id}`)).status).toBe(200);
    const deleted = await post(app, '/api/console/dashboards/delete', { id }, { cookie, 'x-csrf-token': csrf });
    expect(deleted.status).toBe(200);
    // Gone, as open pages are told (the same notice as an expiry): 410, not "never here".
    expect((await fetch(`${app.url}/api/dashboard/${id}`)).status).toBe(410);
    expect((await post(app, '/api/console/dashboards/delete', { id }, { cookie, 'x-csrf-token': csrf })).status).toBe(404);
  });

  test('revoking a connected client ends all its grants and tokens', async () => {
    const app = await startAuth();
    const first = await connectClaude(app);
    const { cookie, csrf } = await signIn(app);
    const overview = await (await fetch(`${app.url}/api/console/overview`, { headers: { cookie } })).json();
    expect(overview.clients).toEqual([expect.objectContaining({ id: first.client.client_id, name: 'Claude', redirectHosts: ['claude.ai'] })]);
    expect((await mcpWith(app, first.tokens.access_token)).status).toBe(200);
    const res = await post(app, '/api/console/clients/revoke', { id: first.client.client_id }, { cookie, 'x-csrf-token': csrf });
    expect(res.status).toBe(200);
    expect((await mcpWith(app, first.tokens.access_token)).status).toBe(401);
    const after = await (await fetch(`${app.url}/api/console/overview`, { headers: { cookie } })).json();
    expect(after.clients).toEqual([]);
  });

  test('revokes a static token by name', async () => {
    const app = await startAuth();
    const token = await app.app.auth.staticTokens.create('ci');
    expect((await mcpWith(app, token)).status).toBe(200);
    const { cookie, csrf } = await signIn(app);
    expect((await post(app, '/api/console/tokens/revoke', { name: 'ci' }, { cookie, 'x-csrf-token': csrf })).status).toBe(200);
    expect((await mcpWith(app, token)).status).toBe(401);
  });

  test('signing out ends the session on the server, not only in the browser', async () => {
    const app = await startAuth();
    const { cookie, csrf } = await signIn(app);
    expect((await post(app, '/api/console/sign-out', {}, { cookie, 'x-csrf-token': csrf })).status).toBe(200);
    expect((await fetch(`${app.url}/api/console/overview`, { headers: { cookie } })).status).toBe(401);
  });

  test('the setup link sets the password once, signs in, and ends older sessions', async () => {
    const app = await startAuth();
    const old = await signIn(app);
    const link = await app.app.auth.owner.newSetupLink(PUBLIC_URL);
    expect(link).toStartWith(`${PUBLIC_URL}/setup#`);
    const code = link.split('#')[1]!;
    const weak = await post(app, '/api/console/setup', { code, password: 'short' });
    expect(weak.status).toBe(400);
    const res = await post(app, '/api/console/setup', { code, password: 'a brand new password' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
    expect((await post(app, '/api/console/setup', { code, password: 'yet another password' })).status).toBe(401);
    expect((await fetch(`${app.url}/api/console/overview`, { headers: { cookie: old.cookie } })).status).toBe(401);
    expect((await post(app, '/api/console/sign-in', { password: OWNER_PASSWORD })).status).toBe(401);
    expect((await post(app, '/api/console/sign-in', { password: 'a brand new password' })).status).toBe(200);
  });

  test('a setup link stops working after 30 minutes', async () => {
    const app = await startAuth();
    const code = (await app.app.auth.owner.newSetupLink(PUBLIC_URL)).split('#')[1]!;
    app.clock.advance(30 * 60_000 + 1_000);
    expect((await post(app, '/api/console/setup', { code, password: 'a brand new password' })).status).toBe(401);
  });
});
