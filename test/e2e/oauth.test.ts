// The whole Claude.ai connection against the compiled binary behind an https tunnel (a TLS proxy with a test
// certificate for a made-up host): first-start setup link, discovery, DCR with Claude's body, consent approved in
// Chromium, PKCE code exchange, MCP calls with the bearer, refresh rotation, revocation, 401. Then the same with
// the SDK v2 client's own OAuth support driving it.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { createHash, randomBytes } from 'node:crypto';
import { Client, StreamableHTTPClientTransport, UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/client';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanupBinaries, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';
import { hasChromium, launchChromium } from './helpers/chromium.ts';
import { startTlsTunnel, type TlsTunnel } from './helpers/tls-tunnel.ts';
import { answerInBrowser } from './helpers/browser-consent.ts';

setDefaultTimeout(60_000);
const SHOTS = join(resolve(import.meta.dir, '..', '..'), 'test-results');
const PASSWORD = 'tunnel owner password';
const CLAUDE_CALLBACK = 'https://claude.ai/api/mcp/auth_callback';
const CLAUDE_REGISTRATION = {
  redirect_uris: [CLAUDE_CALLBACK],
  token_endpoint_auth_method: 'client_secret_post',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  client_name: 'Claude',
};

let tunnel: TlsTunnel;
let server: RunningBinary;
let browser: Browser;
let setupLink: string;

beforeAll(async () => {
  tunnel = startTlsTunnel();
  server = await startBinary({ args: ['--public-url', tunnel.publicUrl] });
  const local = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())?.[1];
  if (!local) throw new Error(`no local address in:\n${server.stdout()}`);
  tunnel.setUpstream(local);
  setupLink = /Owner setup:\s+(\S+)/.exec(server.stdout())?.[1] ?? '';
  browser = await launchChromium(tunnel.chromiumArgs);
});
afterAll(async () => {
  await browser?.close();
  await cleanupBinaries();
  tunnel?.stop();
});

const mcp = (token: string | undefined, body: unknown) =>
  tunnel.fetch(`${tunnel.publicUrl}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const form = (path: string, fields: Record<string, string>) =>
  tunnel.fetch(`${tunnel.publicUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'claude-like', version: '1' } } };

describe.skipIf(!hasChromium())('OAuth through an https tunnel, against the binary', () => {
  test('first start has auth on and prints a setup link; the owner chooses the password in Chromium', async () => {
    expect(server.stdout()).toContain('Auth:         on');
    expect(setupLink.startsWith(`${tunnel.publicUrl}/setup#`)).toBe(true);
    const page = await browser.newPage();
    await page.goto(setupLink);
    await page.getByLabel(/New password/).fill(PASSWORD);
    await page.getByLabel('The same again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.waitForURL(`${tunnel.publicUrl}/`);
    await page.getByText('owner console').waitFor();
    await page.close();
  });

  test('Claude.ai connects: discovery, DCR, consent in Chromium, PKCE, MCP with the bearer, refresh, revoke, 401', async () => {
    // Discovery, the way Claude does it: from the 401's challenge to the authorization server's metadata.
    const challenge = await mcp(undefined, initialize);
    expect(challenge.status).toBe(401);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge.headers.get('www-authenticate') ?? '')?.[1];
    expect(metadataUrl).toBe(`${tunnel.publicUrl}/.well-known/oauth-protected-resource/mcp`);
    const resource = await (await tunnel.fetch(metadataUrl!)).json();
    expect(resource.resource).toBe(`${tunnel.publicUrl}/mcp`);
    const issuer = resource.authorization_servers[0];
    expect(issuer).toBe(tunnel.publicUrl);
    const as = await (await tunnel.fetch(`${issuer}/.well-known/oauth-authorization-server`)).json();
    expect(as.issuer).toBe(issuer);

    const registered = await tunnel.fetch(as.registration_endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CLAUDE_REGISTRATION) });
    expect(registered.status).toBe(201);
    const client = await registered.json();

    const verifier = randomBytes(32).toString('base64url');
    const authorizationUrl = new URL(as.authorization_endpoint);
    for (const [key, value] of Object.entries({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: CLAUDE_CALLBACK,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'claude-state',
      scope: 'mcp offline_access',
      resource: `${tunnel.publicUrl}/mcp/`, // Claude's trailing slash
    })) authorizationUrl.searchParams.set(key, value);
    const callback = await answerInBrowser(browser, authorizationUrl.href, { password: PASSWORD, callback: CLAUDE_CALLBACK });
    expect(callback.searchParams.get('state')).toBe('claude-state');
    expect(callback.searchParams.get('iss')).toBe(issuer);

    const tokenAnswer = await form('/token', {
      grant_type: 'authorization_code', code: callback.searchParams.get('code')!, code_verifier: verifier, redirect_uri: CLAUDE_CALLBACK,
      client_id: client.client_id, client_secret: client.client_secret, resource: `${tunnel.publicUrl}/mcp/`,
    });
    expect(tokenAnswer.status).toBe(200);
    const tokens = await tokenAnswer.json();
    expect(tokens.expires_in).toBe(30 * 24 * 3600);

    // MCP with the bearer: a session, then a tool call that makes a dashboard at the public URL.
    const init = await mcp(tokens.access_token, initialize);
    expect(init.status).toBe(200);
    await init.text();
    const sessionId = init.headers.get('mcp-session-id')!;
    const call = await tunnel.fetch(`${tunnel.publicUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${tokens.access_token}`, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'dashboard_open', arguments: { title: 'Through the tunnel' } } }),
    });
    expect(call.status).toBe(200);
    expect(await call.text()).toContain(`${tunnel.publicUrl}/dashboard/`);

    // Refresh rotates; the new access token works.
    const refreshed = await form('/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: client.client_id, client_secret: client.client_secret });
    expect(refreshed.status).toBe(200);
    const next = await refreshed.json();
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    const withNext = await mcp(next.access_token, initialize);
    expect(withNext.status).toBe(200);
    await withNext.text();

    // Revocation ends the grant: 401 with the challenge again.
    expect((await form('/revoke', { token: next.refresh_token, client_id: client.client_id, client_secret: client.client_secret })).status).toBe(200);
    const after = await mcp(next.access_token, initialize);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('resource_metadata=');
  });

  test('the SDK v2 client connects with its own OAuth support, the owner approving in Chromium', async () => {
    const callbackUrl = 'http://127.0.0.1:9/sdk-callback';
    let authorizationUrl: URL | undefined;
    const state: { info?: unknown; tokens?: unknown; verifier?: string; discovery?: unknown } = {};
    const provider: OAuthClientProvider = {
      get redirectUrl() {
        return callbackUrl;
      },
      get clientMetadata() {
        return { client_name: 'SDK e2e', redirect_uris: [callbackUrl], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
      },
      clientInformation: () => state.info as never,
      saveClientInformation: (info) => void (state.info = info),
      tokens: () => state.tokens as never,
      saveTokens: (tokens) => void (state.tokens = tokens),
      redirectToAuthorization: (url) => void (authorizationUrl = url),
      saveCodeVerifier: (verifier) => void (state.verifier = verifier),
      codeVerifier: () => state.verifier!,
      saveDiscoveryState: (discovery) => void (state.discovery = discovery),
      discoveryState: () => state.discovery as never,
    };
    const mcpUrl = new URL(`${tunnel.publicUrl}/mcp`);
    const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: tunnel.fetch });
    await expect(new Client({ name: 'sdk-e2e', version: '1.0.0' }).connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(authorizationUrl?.href).toStartWith(`${tunnel.publicUrl}/authorize?`);

    const callback = await answerInBrowser(browser, authorizationUrl!.href, { password: PASSWORD, callback: callbackUrl });
    await first.finishAuth(callback.searchParams);

    const client = new Client({ name: 'sdk-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: tunnel.fetch }));
    const result = await client.callTool({ name: 'dashboard_open', arguments: { title: 'From the SDK' } });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.structuredContent)).toContain(`${tunnel.publicUrl}/dashboard/`);
    await client.close();
  });

  test('the consent page shows HTML in a client name as text, and a Deny sends access_denied back', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">Evil <b>Corp</b>';
    const registered = await tunnel.fetch(`${tunnel.publicUrl}/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CLAUDE_REGISTRATION, client_name: evil }),
    });
    const client = await registered.json();
    const url = new URL(`${tunnel.publicUrl}/authorize`);
    for (const [key, value] of Object.entries({
      response_type: 'code', client_id: client.client_id, redirect_uri: CLAUDE_CALLBACK, state: 's',
      code_challenge: createHash('sha256').update('v'.repeat(43)).digest('base64url'), code_challenge_method: 'S256',
    })) url.searchParams.set(key, value);

    const page = await browser.newPage();
    await page.goto(url.href);
    const name = page.locator('.client-name');
    await name.waitFor();
    expect(await name.textContent()).toBe(evil);
    expect(await name.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Deny', exact: true }).waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'consent.png'), fullPage: true });
    await page.close();

    const denied = await answerInBrowser(browser, url.href, { password: PASSWORD, callback: CLAUDE_CALLBACK, deny: true });
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('code')).toBeNull();
  });

  test('the consent page refuses to be framed by another site', async () => {
    // Another origin on this machine (a public page could not frame a loopback one at all: Private Network Access).
    const attacker = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: () => new Response(`<iframe id="f" src="${tunnel.publicUrl}/consent#x"></iframe>`, { headers: { 'content-type': 'text/html' } }),
    });
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${attacker.port}/`);
      const frame = await (await page.locator('#f').elementHandle())!.contentFrame();
      await page.waitForTimeout(1_500);
      // A blocked frame shows Chromium's error page: the app never runs inside it.
      expect(frame?.url() ?? '').not.toStartWith(tunnel.publicUrl);
      // No catch: an evaluation that fails is a failure, not a pass.
      expect(frame).not.toBeNull();
      const ran = await frame!.evaluate(() => document.querySelector('#root')?.childElementCount ?? 0);
      expect(ran).toBe(0);
    } finally {
      await page.close();
      attacker.stop(true);
    }
  });
});

describe('auth defaults of the binary', () => {
  test('loopback only: off; a public URL: on; --auth off on a public URL warns in the banner and the log', async () => {
    const local = await startBinary();
    expect(local.stdout()).toContain('Auth:         off (only this machine');
    expect((await fetch(local.mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(initialize) })).status).toBe(200);
    await local.stop();

    const open = await startBinary({ args: ['--auth', 'off', '--public-url', 'https://open.example.test'] });
    await Bun.sleep(200); // the log line goes out on the next turn of the event loop
    expect(open.stdout()).toContain('WARNING: anyone who reaches this URL can create and change dashboards');
    expect(open.stdout()).toContain('auth is off on a URL others can reach');
    await open.stop();

    const withPassword = await startBinary({ args: ['--public-url', 'https://closed.example.test'], env: { MCPDASH_OWNER_PASSWORD: 'from the environment' } });
    expect(withPassword.stdout()).toContain('Auth:         on');
    expect(withPassword.stdout()).toContain('password MCPDASH_OWNER_PASSWORD');
    expect(withPassword.stdout()).not.toContain('Owner setup:');
    await withPassword.stop();
  });
});
