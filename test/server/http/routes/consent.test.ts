import { afterAll, describe, expect, test } from 'bun:test';
import { removeTempDirs } from '../../helpers/test-app.ts';
import { authAppsStoppedAfterEach, OWNER_PASSWORD, answerConsent, consentDetails, pkce, register, registerClaude, startConsent, CLAUDE_REGISTRATION } from '../../helpers/oauth-flow.ts';

const { startAuth } = authAppsStoppedAfterEach();
afterAll(removeTempDirs);

async function pendingRequest(app: Awaited<ReturnType<typeof startAuth>>) {
  const client = await registerClaude(app);
  const requestId = await startConsent(app, client, pkce().challenge);
  const details = (await (await consentDetails(app, requestId)).json()) as { csrf: string };
  return { requestId, csrf: details.csrf };
}

describe('consent', () => {
  test("shows the client's name exactly as registered (text, not markup) and the redirect host", async () => {
    const app = await startAuth();
    const name = '<img src=x onerror=alert(1)> Evil "Corp"';
    const client = (await (await register(app, { ...CLAUDE_REGISTRATION, client_name: name })).json()) as { client_id: string };
    const requestId = await startConsent(app, client as never, pkce().challenge);
    const res = await consentDetails(app, requestId);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json();
    expect(body).toMatchObject({ clientName: name, redirectHost: 'claude.ai', ownerSignedIn: false, passwordSet: true });
  });

  test('strips control and bidi-override characters from a client name', async () => {
    const app = await startAuth();
    const client = (await (await register(app, { ...CLAUDE_REGISTRATION, client_name: 'Good\u202Eevil\u0000\nname' })).json()) as { client_id: string; client_name: string };
    expect(client.client_name).toBe('Good evil name');
  });

  test('refuses an answer without the CSRF token, or with a wrong one, and the request stays answerable', async () => {
    const app = await startAuth();
    const { requestId, csrf } = await pendingRequest(app);
    for (const body of [{ decision: 'approve', password: OWNER_PASSWORD }, { decision: 'approve', password: OWNER_PASSWORD, csrf: 'forged' }]) {
      const res = await answerConsent(app, requestId, body);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('csrf_invalid');
    }
    const res = await answerConsent(app, requestId, { csrf, decision: 'approve', password: OWNER_PASSWORD });
    expect(res.status).toBe(200);
    expect((await res.json()).redirectTo).toContain('code=');
  });

  test('refuses an approval without the password or with a wrong one; deny redirects with access_denied', async () => {
    const app = await startAuth();
    const { requestId, csrf } = await pendingRequest(app);
    expect((await answerConsent(app, requestId, { csrf, decision: 'approve' })).status).toBe(401);
    const wrong = await answerConsent(app, requestId, { csrf, decision: 'approve', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('wrong_password');
    const denied = await answerConsent(app, requestId, { csrf, decision: 'deny' });
    const redirect = new URL((await denied.json()).redirectTo);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('code')).toBeNull();
    // Answered once: the request is gone.
    expect((await consentDetails(app, requestId)).status).toBe(404);
  });

  test('locks an address out after five wrong passwords (429 with Retry-After) while another address may still try', async () => {
    const app = await startAuth({ trustProxy: true });
    const { requestId, csrf } = await pendingRequest(app);
    const attempt = (ip: string, password: string) => answerConsent(app, requestId, { csrf, decision: 'approve', password }, { 'x-forwarded-for': ip });
    for (let i = 0; i < 5; i++) expect((await attempt('203.0.113.5', `guess-${i}-xx`)).status).toBe(401);
    const limited = await attempt('203.0.113.5', OWNER_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(15);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await attempt('198.51.100.5', OWNER_PASSWORD)).status).toBe(200);
  });

  test('past 30 attempts in total it slows rather than locks: the owner\'s right password still gets through', async () => {
    const app = await startAuth({ trustProxy: true });
    const { requestId, csrf } = await pendingRequest(app);
    // 30 wrong guesses spread over many addresses (none reaches its own lock-out)...
    for (let i = 0; i < 30; i++) {
      const res = await answerConsent(app, requestId, { csrf, decision: 'approve', password: `guess-${i}-xx` }, { 'x-forwarded-for': `203.0.113.${i}` });
      expect(res.status).toBe(401);
    }
    // ...then attempts are paced (one every 3 s), and the owner's is answered after its turn.
    const wrong = await answerConsent(app, requestId, { csrf, decision: 'approve', password: 'one more guess' }, { 'x-forwarded-for': '203.0.113.200' });
    expect(wrong.status).toBe(401);
    const started = Date.now();
    const res = await answerConsent(app, requestId, { csrf, decision: 'approve', password: OWNER_PASSWORD }, { 'x-forwarded-for': '198.51.100.77' });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  test('the consent page cannot be framed and is never cached', async () => {
    const app = await startAuth();
    const res = await fetch(`${app.url}/consent`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const api = await consentDetails(app, (await pendingRequest(app)).requestId);
    expect(api.headers.get('x-frame-options')).toBe('DENY');
  });

  test('a signed-in owner approves without typing the password', async () => {
    const app = await startAuth();
    const signIn = await fetch(`${app.url}/api/console/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: OWNER_PASSWORD }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const client = await registerClaude(app);
    const requestId = await startConsent(app, client, pkce().challenge);
    const details = await (await consentDetails(app, requestId, { cookie })).json();
    expect(details.ownerSignedIn).toBe(true);
    const res = await answerConsent(app, requestId, { csrf: details.csrf, decision: 'approve' }, { cookie });
    expect(res.status).toBe(200);
  });
});
