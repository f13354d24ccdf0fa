// Issue 17, the HTTP and auth side, tried as an attacker would against the compiled binary: weak owner passwords,
// password guessing that locked the owner out, `mcpdash owner approve`, a tunnel without --trust-proxy (the notice,
// and registrations a flood could starve), slow request bodies, one address taking every live-page seat, and CIMD
// errors that told anonymous callers what internal names resolve to.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { cleanupBinaries, makeTempDir, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';
import { hasChromium, launchChromium } from './helpers/chromium.ts';

setDefaultTimeout(60_000);
const ROOT = resolve(import.meta.dir, '..', '..');
const BINARY = join(ROOT, 'dist', 'mcpdash');
const PASSWORD = 'hardening owner password';
const CALLBACK = 'http://127.0.0.1:9/cb';

afterAll(cleanupBinaries);

const post = (server: RunningBinary, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const signIn = (server: RunningBinary, password: string, address?: string) =>
  post(server, '/api/console/sign-in', { password }, address ? { 'x-forwarded-for': address } : {});
const cli = (...args: string[]) => {
  const proc = Bun.spawnSync([BINARY, ...args], { stdout: 'pipe', stderr: 'pipe' });
  return { code: proc.exitCode, stdout: proc.stdout.toString(), stderr: proc.stderr.toString() };
};

/** Registers a client and starts its authorization; returns what finishing it needs. */
async function startConnect(server: RunningBinary, headers: Record<string, string> = {}) {
  const registered = await post(server, '/register', { client_name: 'Research bot', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' }, headers);
  expect(registered.status).toBe(201);
  const client = await registered.json();
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: CALLBACK, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' });
  const started = await fetch(`${server.baseUrl}/authorize?${query}`, { redirect: 'manual', headers });
  const requestId = started.headers.get('location')!.split('#')[1]!;
  const exchange = (code: string) =>
    fetch(`${server.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: CALLBACK, client_id: client.client_id }),
    });
  return { requestId, exchange };
}

/** A dashboard made over MCP with a static token from the CLI; its id (and the token). */
async function makeDashboard(server: RunningBinary): Promise<string> {
  return (await dashboardAndToken(server)).id;
}

async function dashboardAndToken(server: RunningBinary): Promise<{ id: string; token: string }> {
  const token = /mcpd_st_[\w-]+/.exec(cli('token', 'create', `t${Date.now()}`, '--data-dir', server.dataDir).stdout)![0];
  const rpc = (body: unknown, session?: string) =>
    fetch(server.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}`, ...(session ? { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' } : {}) },
      body: JSON.stringify(body),
    });
  const init = await rpc({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'e2e', version: '1' } } });
  await init.text();
  const call = await rpc({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'dashboard_open', arguments: { title: 'Seats' } } }, init.headers.get('mcp-session-id')!);
  return { id: /"dashboard_id":"([0-9a-f-]{36})"/.exec((await call.text()).replaceAll('\\"', '"'))![1]!, token };
}

/** A raw client that sends the headers and part of the body, then stalls: what it gets back, and when. */
function stalledBody(server: RunningBinary, path: string, headers: Record<string, string> = {}): Promise<{ status: number; answeredMs: number; closedMs: number; text: string }> {
  const { hostname, port } = new URL(server.baseUrl);
  const started = Date.now();
  return new Promise((done) => {
    let text = '';
    let answeredMs = -1;
    const head = Object.entries({ Host: `${hostname}:${port}`, 'Content-Type': 'application/json', 'Content-Length': '200', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    const socket = connect(Number(port), hostname, () => socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n{"password":"`));
    socket.on('data', (chunk) => {
      text += chunk;
      if (answeredMs < 0) answeredMs = Date.now() - started;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), answeredMs, closedMs: Date.now() - started, text }));
    // Longer than the server's 60 s idle timeout would be the old behaviour; 20 s is plenty to tell.
    setTimeout(() => socket.destroy(), 20_000);
  });
}

describe('owner password policy (binary)', () => {
  test('the setup link refuses 12345678 and a common password with digits added, then takes a good one', async () => {
    const started = await startBinary({ args: ['--public-url', 'https://dash.example.test'] });
    const code = /Owner setup:\s+\S+#(\S+)/.exec(started.stdout())![1]!;
    // Straight to the socket: the public URL names a tunnel this test does not have.
    const server = { ...started, baseUrl: /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.stdout())![1]! };
    const short = await post(server, '/api/console/setup', { code, password: '12345678' });
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toContain('at least 12');
    const common = await post(server, '/api/console/setup', { code, password: 'Password1234!' });
    expect(common.status).toBe(400);
    expect((await common.json()).error.message).toContain('most common');
    expect((await post(server, '/api/console/setup', { code, password: PASSWORD })).status).toBe(200);
  });

  test('a configured password that is too short or common is refused at start', () => {
    const dir = join(makeTempDir(), 'data');
    const result = Bun.spawnSync([BINARY, '--port', '0', '--auth', 'on', '--data-dir', dir], { env: { ...process.env, MCPDASH_OWNER_PASSWORD: 'qwerty123456' }, stderr: 'pipe', stdout: 'pipe', timeout: 15_000 });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.toString()).toContain('most common');
  });
});

describe('password guessing cannot lock the owner out (binary)', () => {
  let server: RunningBinary;
  beforeAll(async () => {
    server = await startBinary({ args: ['--auth', 'on', '--trust-proxy'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
  });

  test('five wrong passwords lock that address out (and the log and the console say so); another address signs in', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(server, `guess number ${i}`, '203.0.113.5')).status).toBe(401);
    const locked = await signIn(server, PASSWORD, '203.0.113.5');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('15');
    const owner = await signIn(server, PASSWORD, '198.51.100.5');
    expect(owner.status).toBe(200);
    const cookie = owner.headers.get('set-cookie')!.split(';')[0]!;
    const overview = await (await fetch(`${server.baseUrl}/api/console/overview`, { headers: { cookie, 'x-forwarded-for': '198.51.100.5' } })).json();
    expect(overview.passwordAttempts.locked).toEqual([{ address: '203.0.113.5', failures: 5, until: expect.any(String) }]);
    await Bun.sleep(100);
    expect(server.stdout()).toMatch(/WARN\s+password attempts locked out for an address address=203\.0\.113\.5 failures=5 seconds=15/);
  });

  test('past 30 attempts from many addresses it slows instead of refusing: the owner still signs in', async () => {
    for (let i = 0; i < 30; i++) await signIn(server, `guess from many ${i}`, `192.0.2.${i}`);
    const started = Date.now();
    const owner = await signIn(server, PASSWORD, '198.51.100.77');
    expect(owner.status).toBe(200);
    await Bun.sleep(100);
    expect(server.stdout()).toContain('each now waits its turn');
    expect(Date.now() - started).toBeLessThan(16_000);
  });

  test('`mcpdash owner approve` lists the waiting client and approves it without the password; the client gets its token', async () => {
    const { requestId, exchange } = await startConnect(server, { 'x-forwarded-for': '203.0.113.5' });
    const { approveCode } = await (await fetch(`${server.baseUrl}/api/consent/${requestId}`)).json();
    const listed = cli('owner', 'approve', '--data-dir', server.dataDir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${approveCode}  Research bot`);
    const approved = cli('owner', 'approve', approveCode, '--data-dir', server.dataDir);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('Approved Research bot');
    const { redirectTo } = await (await fetch(`${server.baseUrl}/api/consent/${requestId}`)).json();
    const token = await exchange(new URL(redirectTo).searchParams.get('code')!);
    expect(token.status).toBe(200);
    expect((await token.json()).access_token).toStartWith('mcpd_at_');
  });
});

describe('behind a tunnel without --trust-proxy (binary)', () => {
  let server: RunningBinary;
  beforeAll(async () => {
    server = await startBinary({ args: ['--auth', 'on'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
  });

  test('the first forwarded request makes the console and the log say once to add --trust-proxy', async () => {
    expect(server.stdout()).not.toContain('--trust-proxy');
    for (let i = 0; i < 3; i++) await fetch(`${server.baseUrl}/healthz`, { headers: { 'cf-connecting-ip': `198.51.100.${i}` } });
    await Bun.sleep(200);
    expect(server.stdout()).toContain('Tunnel:       requests arrive through a tunnel or proxy on this machine (they carry CF-Connecting-IP)');
    expect(server.stdout().match(/restart with --trust-proxy/g)).toHaveLength(2); // the console line and the log line
  });

  test('a flood of registrations through the tunnel does not keep an ordinary connect from registering and finishing', async () => {
    const flood = Array.from({ length: 150 }, () => post(server, '/register', { client_name: 'flood', redirect_uris: [CALLBACK] }));
    expect((await Promise.all(flood)).map((r) => r.status)).toEqual(Array(150).fill(201));
    const { requestId, exchange } = await startConnect(server);
    for (let i = 0; i < 120; i++) expect((await post(server, '/register', { client_name: 'flood', redirect_uris: [CALLBACK] })).status).toBe(201);
    const { csrf } = await (await fetch(`${server.baseUrl}/api/consent/${requestId}`)).json();
    const { redirectTo } = await (await post(server, `/api/consent/${requestId}`, { csrf, decision: 'approve', password: PASSWORD })).json();
    expect((await exchange(new URL(redirectTo).searchParams.get('code')!)).status).toBe(200);
  });
});

describe('slow request bodies (binary)', () => {
  test('a body that stalls gets 408 within the bound and its socket closed, on every route that reads one', async () => {
    const server = await startBinary({ args: ['--auth', 'on', '--max-body', '1mb'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
    const { id: dashboard, token } = await dashboardAndToken(server);
    const { requestId } = await startConnect(server);
    const routes: [string, Record<string, string>][] = [
      ['/token', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['/register', {}],
      ['/api/console/sign-in', {}],
      [`/api/consent/${requestId}`, {}],
      [`/api/dashboard/${dashboard}/feedback`, { Origin: server.baseUrl }],
      ['/mcp', { Accept: 'application/json, text/event-stream', Authorization: `Bearer ${token}` }],
    ];
    const results = await Promise.all(routes.map(([path, headers]) => stalledBody(server, path, headers)));
    for (const [i, result] of results.entries()) {
      const bound = routes[i]![0] === '/mcp' ? 6_000 : 5_000; // 5 s, plus 1 s per MiB of --max-body on /mcp
      expect({ route: routes[i]![0], status: result.status }).toEqual({ route: routes[i]![0], status: 408 });
      expect(result.answeredMs).toBeGreaterThanOrEqual(bound - 100);
      expect(result.answeredMs).toBeLessThan(bound + 2_000);
      expect(result.closedMs).toBeLessThan(bound + 2_500);
    }
    // Nothing was stored: the dashboard's page has no feedback, and the console sign-in counted no attempt.
    const page = await (await fetch(`${server.baseUrl}/api/dashboard/${dashboard}`)).json();
    expect(JSON.stringify(page)).not.toContain('"password"');
    expect((await signIn(server, PASSWORD)).status).toBe(200);
  });
});

describe('live-page seats and CIMD errors (binary)', () => {
  let server: RunningBinary;
  beforeAll(async () => {
    server = await startBinary({ args: ['--auth', 'on', '--trust-proxy'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
  });

  test('one address holds at most 10 of a dashboard\'s 50 seats; the person it was shared with still gets one', async () => {
    const id = await makeDashboard(server);
    const open = (address: string) => {
      const controller = new AbortController();
      return { controller, res: fetch(`${server.baseUrl}/api/dashboard/${id}/events`, { headers: { 'x-forwarded-for': address, accept: 'text/event-stream' }, signal: controller.signal }) };
    };
    const mine = Array.from({ length: 10 }, () => open('203.0.113.9'));
    expect((await Promise.all(mine.map((s) => s.res))).map((r) => r.status)).toEqual(Array(10).fill(200));
    const eleventh = await open('203.0.113.9').res;
    expect(eleventh.status).toBe(429);
    expect((await eleventh.json()).error.message).toContain('from your address');
    const shared = open('198.51.100.20');
    expect((await shared.res).status).toBe(200);
    for (const stream of [...mine, shared]) stream.controller.abort();
  });

  test('an anonymous caller hears only that the metadata document could not be fetched; the log has why', async () => {
    for (const clientId of ['https://localhost/client.json', 'https://no-such-host.invalid/client.json']) {
      const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, code_challenge: 'c'.repeat(43), code_challenge_method: 'S256' });
      const res = await fetch(`${server.baseUrl}/authorize?${query}`, { redirect: 'manual' });
      const page = await res.text();
      expect(res.status).toBe(400);
      expect(page).toContain('could not be fetched');
      for (const detail of ['127.0.0.1', 'public address', 'ENOTFOUND', 'resolve']) expect(page).not.toContain(detail);
    }
    await Bun.sleep(100);
    expect(server.stdout()).toMatch(/WARN\s+client metadata document could not be fetched client=https:\/\/localhost\/client\.json detail="[^"]*not a public address/);
    expect(server.stdout()).toMatch(/client=https:\/\/no-such-host\.invalid\/client\.json detail="[^"]*(ENOTFOUND|did not resolve|resolve)/i);
  });
});

describe.skipIf(!hasChromium())('the owner pages in Chromium (binary)', () => {
  test('the setup page says a short or common password is refused while typing, before anything is sent', async () => {
    const started = await startBinary({ args: ['--auth', 'on'] });
    const link = /Owner setup:\s+(\S+)/.exec(started.stdout())![1]!;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/console/setup')) sent.push(request.url());
      });
      await page.goto(link);
      const field = page.getByLabel(/New password/);
      await field.fill('12345678');
      await page.getByText('The password needs at least 12 characters.').waitFor();
      await field.fill('Password1234!');
      await page.getByText(/one of the most common ones/).waitFor();
      await page.getByLabel('The same again').fill('Password1234!');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByRole('alert').getByText(/most common/).waitFor();
      expect(sent).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('the consent page shows the approve command and goes on to the client once it was run', async () => {
    const server = await startBinary({ args: ['--auth', 'on'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
    const { requestId } = await startConnect(server);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      let arrived = '';
      await page.route((url) => url.href.startsWith(CALLBACK), async (route) => {
        arrived = route.request().url();
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'back at the client' });
      });
      await page.goto(`${server.baseUrl}/consent#${requestId}`);
      const command = (await page.getByText(/mcpdash owner approve [2-9A-Z]{4}-[2-9A-Z]{4}/).textContent())!;
      const code = /approve ([2-9A-Z-]{9})/.exec(command)![1]!;
      expect(cli('owner', 'approve', code, '--data-dir', server.dataDir).code).toBe(0);
      await page.waitForURL((url) => url.href.startsWith(CALLBACK), { timeout: 10_000 });
      expect(new URL(arrived).searchParams.get('code')).toStartWith('mcpd_ac_');
    } finally {
      await browser.close();
    }
  });
});
