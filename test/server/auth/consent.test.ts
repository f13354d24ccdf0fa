// The owner's answer to an authorization request over real records: what the page shows, the CSRF check, and the
// redirect back with a one-time code (approve) or access_denied (deny); each request is answered once.
import { describe, expect, test } from 'bun:test';
import { answer, answerable, approveByCode, consentView, pendingSummaries, CODE_TTL_MS, type ConsentDeps } from '../../../server/auth/consent.ts';
import { createPendingRequests } from '../../../server/auth/pending-requests.ts';
import { sha256 } from '../../../server/auth/secrets.ts';
import { ForbiddenError, NotFoundError } from '../../../server/errors.ts';
import { authStores, client, pair } from '../store/auth-fixture.ts';

const open = authStores();
const NOW = Date.parse('2026-06-01T00:00:00Z');
const ISSUER = 'https://dash.example.test';
const CALLBACK = 'https://claude.ai/api/mcp/auth_callback';
const CIMD_ID = 'https://claude.ai/oauth/mcp-oauth-client-metadata';

function setup() {
  const { auth } = open();
  const pending = createPendingRequests({ now: () => NOW });
  const deps: ConsentDeps = { pending, clients: auth.clients, grants: auth.grants, issuer: () => ISSUER, now: () => NOW };
  const park = (kind: 'dcr' | 'cimd' = 'dcr') =>
    pending.add({
      client:
        kind === 'dcr'
          ? { id: 'mcpd_c_one', kind, name: 'Claude' }
          : { id: CIMD_ID, kind, name: 'Claude', metadata: { id: CIMD_ID, name: 'Claude', redirectUris: [CALLBACK], grantTypes: ['authorization_code'] } },
      redirectUri: CALLBACK,
      state: 'st-1',
      codeChallenge: 'challenge',
      scope: 'mcp offline_access',
      resource: `${ISSUER}/mcp`,
    });
  return { auth, deps, pending, park };
}

describe('consent', () => {
  test('the page is shown who asks, where the browser goes after, which scopes, and its CSRF token', () => {
    const { pending, park } = setup();
    const request = park('cimd');
    expect(consentView(pending, request.id)).toEqual({
      clientName: 'Claude',
      clientKind: 'cimd',
      clientUrl: CIMD_ID,
      redirectHost: 'claude.ai',
      scopes: ['mcp', 'offline_access'],
      csrf: request.csrf,
      expiresAt: new Date(request.expiresAt).toISOString(),
      approveCode: request.approveCode,
    });
    expect(consentView(pending, park('dcr').id).clientUrl).toBeUndefined();
  });

  test('the owner at the machine approves by the short code without a password; the page then goes on to the client', async () => {
    const { deps, pending, park } = setup();
    const request = park('cimd');
    expect(request.approveCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(pendingSummaries(pending)).toEqual([expect.objectContaining({ code: request.approveCode, clientName: 'Claude', redirectHost: 'claude.ai' })]);
    expect(await approveByCode(deps, 'NO-SUCH-CODE')).toBeUndefined();
    const typed = `${request.approveCode.slice(0, 4).toLowerCase()}-${request.approveCode.slice(4)}`;
    expect(await approveByCode(deps, typed)).toMatchObject({ clientName: 'Claude' });
    // Answered once: not answerable again, nor listed; its page learns the redirect exactly once.
    expect(pending.get(request.id)).toBeUndefined();
    expect(pendingSummaries(pending)).toEqual([]);
    const redirectTo = pending.takeSettled(request.id)!;
    expect(new URL(redirectTo).searchParams.get('code')).toStartWith('mcpd_ac_');
    expect(pending.takeSettled(request.id)).toBeUndefined();
  });

  test('an answer without the page CSRF token is refused and leaves the request answerable', () => {
    const { pending, park } = setup();
    const request = park();
    for (const csrf of [undefined, '', 'forged', 42]) expect(() => answerable(pending, request.id, csrf)).toThrow(ForbiddenError);
    expect(answerable(pending, request.id, request.csrf)).toBe(request);
    expect(() => answerable(pending, 'unknown', request.csrf)).toThrow(NotFoundError);
  });

  test('approving redirects with a code, state and iss; the code is stored only as a hash and redeems once', async () => {
    const { auth, deps, park } = setup();
    await auth.clients.register(client('mcpd_c_one'), NOW);
    const location = new URL(await answer(deps, park().id, 'approve'));
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.get('iss')).toBe(ISSUER);
    const code = location.searchParams.get('code')!;
    expect(code).toMatch(/^mcpd_ac_/);
    const redeemed = await auth.grants.redeemCode(sha256(code), NOW + CODE_TTL_MS - 1, () => undefined, 'g1', pair(1, NOW));
    expect(redeemed).toMatchObject({ ok: true, grant: { clientId: 'mcpd_c_one', scope: 'mcp offline_access', resource: `${ISSUER}/mcp` } });
    expect((await auth.grants.redeemCode(sha256(code), NOW, () => undefined, 'g2', pair(2, NOW))).ok).toBe(false);
  });

  test('a code not exchanged within two minutes no longer works', async () => {
    const { auth, deps, park } = setup();
    const code = new URL(await answer(deps, park().id, 'approve')).searchParams.get('code')!;
    expect(await auth.grants.redeemCode(sha256(code), NOW + CODE_TTL_MS + 1, () => undefined, 'g1', pair(1, NOW))).toMatchObject({ ok: false, reason: 'expired' });
  });

  test('approving a metadata-document client keeps what its document said', async () => {
    const { auth, deps, park } = setup();
    await answer(deps, park('cimd').id, 'approve');
    expect(auth.clients.get(CIMD_ID, NOW)).toMatchObject({ kind: 'cimd', name: 'Claude', redirectUris: [CALLBACK], authMethod: 'none' });
  });

  test('denying redirects with access_denied and no code, stores nothing; a request is answered once', async () => {
    const { auth, deps, pending, park } = setup();
    const request = park('cimd');
    const location = new URL(await answer(deps, request.id, 'deny'));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.get('code')).toBeNull();
    expect(auth.clients.get(CIMD_ID, NOW)).toBeUndefined();
    expect(pending.get(request.id)).toBeUndefined();
    await expect(answer(deps, request.id, 'approve')).rejects.toThrow(NotFoundError);
  });
});
