import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createCimdFetcher, type CimdOptions } from '../../../server/auth/cimd.ts';
import { OAuthRequestError } from '../../../server/auth/oauth-error.ts';
import { removeTempDirs, startAppsStoppedAfterEach } from '../helpers/test-app.ts';
import { OWNER_PASSWORD, PUBLIC_URL, approve, authorize, mcpWith, pkce, tokenRequest } from '../helpers/oauth-flow.ts';
import { selfSignedCert } from '../helpers/tls-cert.ts';

const HOST = 'cimd.test';
const cert = selfSignedCert(HOST);
let server: ReturnType<typeof Bun.serve>;
let base = '';
let fetches = 0;
const CALLBACK = 'http://127.0.0.1:7777/callback';

beforeAll(() => {
  server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    tls: { cert: cert.cert, key: cert.key },
    fetch(request) {
      fetches++;
      const path = new URL(request.url).pathname;
      const doc = (extra: Record<string, unknown> = {}) => Response.json({ client_id: `${base}${path}`, client_name: 'Doc Client', redirect_uris: [CALLBACK], ...extra });
      if (path === '/client.json') return doc();
      if (path === '/redirect.json') return Response.redirect(`${base}/client.json`, 302);
      if (path === '/big.json') return doc({ padding: 'x'.repeat(100 * 1024) });
      if (path === '/mismatch.json') return Response.json({ client_id: `${base}/client.json`, redirect_uris: [CALLBACK] });
      if (path === '/secret.json') return doc({ client_secret: 'nope' });
      if (path === '/confidential.json') return doc({ token_endpoint_auth_method: 'client_secret_post' });
      if (path === '/slow.json') return new Promise<Response>((resolve) => setTimeout(() => resolve(doc()), 3_000));
      if (path === '/page.html') return new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
      return new Response('missing', { status: 404 });
    },
  });
  base = `https://${HOST}:${server.port}`;
});
const start = startAppsStoppedAfterEach();
afterAll(() => {
  server.stop(true);
  removeTempDirs();
});

/** The guard as in production except that this test's own server (on loopback) counts as public. */
const testReach: CimdOptions = {
  resolve: async (hostname) => (hostname === HOST ? [{ address: '127.0.0.1', family: 4 }] : []),
  isAllowed: (address) => address === '127.0.0.1',
  ca: cert.cert,
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OAuthRequestError);
    return (error as OAuthRequestError).description;
  }
  throw new Error('expected a refusal');
}

describe('client metadata documents', () => {
  test('reads the client from its document over verified TLS and caches it', async () => {
    const cimd = createCimdFetcher(testReach);
    const before = fetches;
    expect(await cimd.get(`${base}/client.json`)).toEqual({ id: `${base}/client.json`, name: 'Doc Client', redirectUris: [CALLBACK], grantTypes: ['authorization_code'] });
    await cimd.get(`${base}/client.json`);
    expect(fetches - before).toBe(1);
  });

  test('refuses documents that are redirects, too large, not JSON, not about themselves, or carry a secret', async () => {
    const logged: string[] = [];
    const cimd = createCimdFetcher({ ...testReach, onFetchFailure: (_id, detail) => logged.push(detail) });
    // Fetch failures: the caller hears only that; the log has why.
    expect(await refusal(cimd.get(`${base}/redirect.json`))).toBe(`The client metadata document at ${base}/redirect.json could not be fetched.`);
    expect(await refusal(cimd.get(`${base}/big.json`))).toEndWith('could not be fetched.');
    expect(await refusal(cimd.get(`${base}/page.html`))).toEndWith('could not be fetched.');
    expect(logged).toEqual([expect.stringContaining('HTTP 302'), expect.stringContaining('larger than'), expect.stringContaining('not JSON')]);
    // The document's own content is the client's: what is wrong with it is said.
    expect(await refusal(cimd.get(`${base}/mismatch.json`))).toContain('another client_id');
    expect(await refusal(cimd.get(`${base}/secret.json`))).toContain('client secret');
    expect(await refusal(cimd.get(`${base}/confidential.json`))).toContain('must be none');
  });

  test('gives up on a slow server', async () => {
    const logged: string[] = [];
    const cimd = createCimdFetcher({ ...testReach, timeoutMs: 300, onFetchFailure: (_id, detail) => logged.push(detail) });
    expect(await refusal(cimd.get(`${base}/slow.json`))).toEndWith('could not be fetched.');
    expect(logged).toEqual([expect.stringContaining('within 300 ms')]);
  });

  test('refuses a certificate it cannot verify', async () => {
    const cimd = createCimdFetcher({ ...testReach, ca: undefined });
    await refusal(cimd.get(`${base}/client.json`));
  });

  test('refuses client ids that are not https URLs with a path', async () => {
    const cimd = createCimdFetcher(testReach);
    expect(await refusal(cimd.get(`https://${HOST}/`))).toContain('must have a path');
    expect(await refusal(cimd.get(`${base}/a/../client.json`))).toContain('segments');
    expect(await refusal(cimd.get(`${base}/client.json#x`))).toContain('fragment');
  });

  test('with the production guard, refuses private addresses and names that resolve to one, before connecting', async () => {
    const before = fetches;
    const logged: string[] = [];
    const onFetchFailure = (_id: string, detail: string) => logged.push(detail);
    const cimd = createCimdFetcher({ resolve: async () => [{ address: '10.0.0.5', family: 4 }], onFetchFailure });
    const answer = await refusal(cimd.get(`https://${HOST}:${server.port}/client.json`));
    // The DNS answer stays in the log: an anonymous caller must not learn what an internal name resolves to.
    expect(answer).not.toContain('10.0.0.5');
    expect(answer).toEndWith('could not be fetched.');
    expect(logged.pop()).toContain('resolves to 10.0.0.5');
    const system = createCimdFetcher({ onFetchFailure });
    for (const url of [`https://127.0.0.1:${server.port}/client.json`, `https://localhost:${server.port}/client.json`, `https://[::1]:${server.port}/client.json`, 'https://169.254.169.254/latest/meta-data']) {
      expect(await refusal(system.get(url))).toBe(`The client metadata document at ${url} could not be fetched.`);
      expect(logged.pop()).toContain('not a public address');
    }
    expect(fetches).toBe(before);
  });
});

describe('authorization with a client metadata document', () => {
  test('a URL client id goes through consent and gets tokens as a public client', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true }, { cimd: testReach });
    await app.app.auth.owner.applyConfiguredPassword(OWNER_PASSWORD);
    const clientId = `${base}/client.json`;
    const { verifier, challenge } = pkce();
    const res = await authorize(app, { response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, code_challenge: challenge, code_challenge_method: 'S256', state: 'z' });
    expect(res.status).toBe(303);
    const requestId = res.headers.get('location')!.split('#')[1]!;
    const details = await (await fetch(`${app.url}/api/consent/${requestId}`)).json();
    expect(details).toMatchObject({ clientName: 'Doc Client', clientKind: 'cimd', clientUrl: clientId, redirectHost: '127.0.0.1:7777' });
    const code = (await approve(app, requestId)).searchParams.get('code')!;
    const token = await tokenRequest(app, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: CALLBACK, client_id: clientId });
    expect(token.status).toBe(200);
    expect((await mcpWith(app, (await token.json()).access_token)).status).toBe(200);
  });

  test('a client id on a private address is refused on the error page, with no redirect', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true });
    for (const clientId of [`https://127.0.0.1:${server.port}/client.json`, `https://localhost:${server.port}/client.json`]) {
      const res = await authorize(app, { response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, code_challenge: pkce().challenge, code_challenge_method: 'S256' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const page = await res.text();
      expect(page).toContain('could not be fetched');
      expect(page).not.toContain('public address');
    }
  });
});
