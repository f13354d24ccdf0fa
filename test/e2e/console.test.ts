// The owner console in Chromium against the compiled binary: signed out it shows how to connect and no dashboard
// titles; signed in it lists dashboards, clients and tokens, deletes a dashboard, revokes a client and a token.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { cleanupBinaries, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';
import { hasChromium, launchChromium } from './helpers/chromium.ts';

setDefaultTimeout(60_000);
const ROOT = resolve(import.meta.dir, '..', '..');
const SHOTS = join(ROOT, 'test-results');
const PASSWORD = 'console owner password';
const SECRET_TITLE = 'Quarterly acquisition plan';
const CALLBACK = 'http://127.0.0.1:9/cb';

let server: RunningBinary;
let browser: Browser;
let staticToken: string;
let oauthToken: string;
let dashboardId: string;

const rpc = (token: string, body: unknown, session?: string) =>
  fetch(server.mcpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}`, ...(session ? { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' } : {}) },
    body: JSON.stringify(body),
  });
const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'console-e2e', version: '1' } } };

/** An OAuth client connected the way any client does it (the owner approving through the consent API). */
async function connectOAuthClient(): Promise<string> {
  const post = (path: string, body: unknown) => fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const client = await (await post('/register', { client_name: 'Research bot', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' })).json();
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: CALLBACK, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' });
  const requestId = (await fetch(`${server.baseUrl}/authorize?${query}`, { redirect: 'manual' })).headers.get('location')!.split('#')[1]!;
  const { csrf } = await (await fetch(`${server.baseUrl}/api/consent/${requestId}`)).json();
  const { redirectTo } = await (await post(`/api/consent/${requestId}`, { csrf, decision: 'approve', password: PASSWORD })).json();
  const token = await fetch(`${server.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: new URL(redirectTo).searchParams.get('code')!, code_verifier: verifier, redirect_uri: CALLBACK, client_id: client.client_id }),
  });
  return (await token.json()).access_token;
}

beforeAll(async () => {
  server = await startBinary({ args: ['--auth', 'on'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
  // A static token made with the CLI while the server runs, then a dashboard made with it.
  const created = Bun.spawnSync([join(ROOT, 'dist', 'mcpdash'), 'token', 'create', 'laptop', '--data-dir', server.dataDir], { stdout: 'pipe' });
  staticToken = /mcpd_st_[\w-]+/.exec(created.stdout.toString())![0];
  const init = await rpc(staticToken, initialize);
  await init.text();
  const session = init.headers.get('mcp-session-id')!;
  const call = await rpc(staticToken, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'dashboard_open', arguments: { title: SECRET_TITLE } } }, session);
  dashboardId = /"dashboard_id":"([0-9a-f-]{36})"/.exec((await call.text()).replaceAll('\\"', '"'))![1]!;
  oauthToken = await connectOAuthClient();
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await cleanupBinaries();
});

async function signedInPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.baseUrl}/`);
  await page.getByLabel('Owner password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('owner console').waitFor();
  return page;
}

describe.skipIf(!hasChromium())('owner console in Chromium', () => {
  test('signed out: what this server is, how to connect, a sign-in, and no dashboard titles', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Owner sign-in' }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(server.mcpUrl);
    expect(text).toContain('claude mcp add --transport http mcpdash');
    expect(text).toContain('Authorization: Bearer');
    expect(text).not.toContain(SECRET_TITLE);
    expect(await page.content()).not.toContain(dashboardId);
    await page.screenshot({ path: join(SHOTS, 'console-signed-out.png'), fullPage: true });
    await page.close();
  });

  test('a wrong password is refused with a message', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Owner password').fill('not it at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not the owner password');
    await page.close();
  });

  test('signed in: lists the dashboard, the client and the token; deletes the dashboard', async () => {
    const page = await signedInPage();
    const row = page.getByRole('row', { name: new RegExp(SECRET_TITLE) });
    await row.waitFor();
    expect(await row.getByRole('link', { name: SECRET_TITLE }).getAttribute('href')).toBe(`/dashboard/${dashboardId}`);
    await page.getByRole('row', { name: /Research bot/ }).waitFor();
    await page.getByRole('row', { name: /laptop/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-signed-in.png'), fullPage: true });

    await page.getByRole('button', { name: `Delete ${SECRET_TITLE}` }).click();
    await page.getByRole('button', { name: `Really delete ${SECRET_TITLE}` }).click();
    await row.waitFor({ state: 'detached' });
    // Gone like an expired one (410), as its open pages are told.
    expect((await fetch(`${server.baseUrl}/api/dashboard/${dashboardId}`)).status).toBe(410);
    await page.close();
  });

  test('signed in, the MCP URL and the connect steps stay visible, and no command is cut off in its box (1280 and 390 px)', async () => {
    const page = await signedInPage();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('heading', { name: 'MCP URL' }).waitFor();
      await page.getByRole('heading', { name: 'Connect Claude.ai' }).waitFor();
      const text = await page.locator('body').innerText();
      expect(text).toContain(server.mcpUrl);
      const command = `claude mcp add --transport http mcpdash ${server.mcpUrl} --header "Authorization: Bearer <token>"`;
      expect(text.replace(/\s*\n\s*/g, ' ')).toContain(command);
      // What a person sees: every command box shows all of its text inside the page, nothing scrolled out of sight.
      const boxes = await page.locator('.copyable code').evaluateAll((codes) =>
        codes.map((code) => ({ text: code.textContent, hidden: code.scrollWidth - code.clientWidth, right: code.getBoundingClientRect().right })),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(3);
      for (const box of boxes) {
        expect({ text: box.text, hidden: box.hidden }).toEqual({ text: box.text, hidden: 0 });
        expect(box.right).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: join(SHOTS, `console-connect-${width}.png`), fullPage: true });
    }
    await page.close();
  });

  test('revoking the client ends its token; revoking the static token ends it too', async () => {
    expect((await rpc(oauthToken, initialize)).status).toBe(200);
    const page = await signedInPage();
    await page.getByRole('button', { name: 'Revoke Research bot' }).click();
    await page.getByRole('button', { name: 'Really revoke Research bot' }).click();
    await page.getByRole('row', { name: /Research bot/ }).waitFor({ state: 'detached' });
    expect((await rpc(oauthToken, initialize)).status).toBe(401);

    expect((await rpc(staticToken, initialize)).status).toBe(200);
    await page.getByRole('button', { name: 'Revoke laptop' }).click();
    await page.getByRole('button', { name: 'Really revoke laptop' }).click();
    await page.getByRole('row', { name: /laptop/ }).waitFor({ state: 'detached' });
    expect((await rpc(staticToken, initialize)).status).toBe(401);
    await page.close();
  });

  test('signing out returns to the public page, and the cookie no longer opens the console', async () => {
    const page = await signedInPage();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Owner sign-in' }).waitFor();
    const cookies = await page.context().cookies();
    const overview = await page.evaluate(async () => (await fetch('/api/console/overview')).status);
    expect(overview).toBe(401);
    expect(cookies.every((cookie) => cookie.httpOnly)).toBe(true);
    await page.close();
  });
});
