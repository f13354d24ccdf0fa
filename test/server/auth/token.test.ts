// POST /token's logic over real records: PKCE-bound single-use codes, rotating refresh tokens whose reuse revokes
// the grant, and refusals with the RFC 6749 code a client acts on.
import { describe, expect, test } from 'bun:test';
import { answer } from '../../../server/auth/consent.ts';
import { OAuthRequestError } from '../../../server/auth/oauth-error.ts';
import { createPendingRequests } from '../../../server/auth/pending-requests.ts';
import { registerClient } from '../../../server/auth/registration.ts';
import { newSecret, sha256, sha256Base64Url } from '../../../server/auth/secrets.ts';
import { exchangeToken, type TokenDeps } from '../../../server/auth/token.ts';
import { authStores } from '../store/auth-fixture.ts';

const open = authStores();
const ISSUER = 'https://dash.example.test';
const CALLBACK = 'https://claude.ai/api/mcp/auth_callback';
const HOUR = 3_600_000;

async function setup() {
  const { auth } = open();
  let now = Date.parse('2026-06-01T00:00:00Z');
  const clock = () => now;
  const deps: TokenDeps = { clients: auth.clients, grants: auth.grants, resource: () => `${ISSUER}/mcp`, tokenTtlMs: HOUR, now: clock };
  const registered = await registerClient(auth.clients, { redirect_uris: [CALLBACK], token_endpoint_auth_method: 'client_secret_post', grant_types: ['authorization_code', 'refresh_token'] }, now);
  const creds = { client_id: registered.client_id, client_secret: registered.client_secret! };
  /** An approved authorization request: its code and the verifier that goes with it. */
  const approved = async (scope = 'mcp offline_access') => {
    const verifier = newSecret('');
    const pending = createPendingRequests({ now: clock });
    const request = pending.add({ client: { id: registered.client_id, kind: 'dcr', name: 'Claude' }, redirectUri: CALLBACK, state: undefined, codeChallenge: sha256Base64Url(verifier), scope, resource: `${ISSUER}/mcp` });
    const location = await answer({ pending, clients: auth.clients, grants: auth.grants, issuer: () => ISSUER, now: clock }, request.id, 'approve');
    return { code: new URL(location).searchParams.get('code')!, verifier };
  };
  const token = (fields: Record<string, string | string[]>, authorization?: string) => {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
    return exchangeToken(deps, form, authorization);
  };
  const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
    token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: CALLBACK, ...creds, ...extra });
  const refresh = (refreshToken: string, extra: Record<string, string> = {}) => token({ grant_type: 'refresh_token', refresh_token: refreshToken, ...creds, ...extra });
  const bearer = (access: string) => auth.grants.bearer(sha256(access), now);
  return { creds, approved, token, exchange, refresh, bearer, advance: (ms: number) => (now += ms) };
}

async function refusal(promise: Promise<unknown>): Promise<{ error: string; status: number }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuthRequestError);
  return { error: (error as OAuthRequestError).error, status: (error as OAuthRequestError).status };
}

describe('exchangeToken', () => {
  test('a code and its verifier buy a bearer pair for the granted scope; the access token works until expires_in', async () => {
    const t = await setup();
    const { code, verifier } = await t.approved();
    const tokens = await t.exchange(code, verifier);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'mcp offline_access' });
    expect(t.bearer(tokens.access_token)).toBeDefined();
    t.advance(HOUR);
    expect(t.bearer(tokens.access_token)).toBeUndefined();
  });

  test('a wrong verifier, another redirect URI or another client is invalid_grant, and the code still works for the real client', async () => {
    const t = await setup();
    const { code, verifier } = await t.approved();
    expect(await refusal(t.exchange(code, newSecret('')))).toEqual({ error: 'invalid_grant', status: 400 });
    expect(await refusal(t.exchange(code, verifier, { redirect_uri: 'https://claude.ai/other' }))).toEqual({ error: 'invalid_grant', status: 400 });
    expect((await t.exchange(code, verifier)).access_token).toMatch(/^mcpd_at_/);
  });

  test('a replayed code is invalid_grant and revokes what the first exchange bought', async () => {
    const t = await setup();
    const { code, verifier } = await t.approved();
    const first = await t.exchange(code, verifier);
    expect(await refusal(t.exchange(code, verifier))).toEqual({ error: 'invalid_grant', status: 400 });
    expect(t.bearer(first.access_token)).toBeUndefined();
    expect((await refusal(t.refresh(first.refresh_token))).error).toBe('invalid_grant');
  });

  test('refresh rotates both tokens; presenting the old refresh token again ends the grant', async () => {
    const t = await setup();
    const { code, verifier } = await t.approved();
    const first = await t.exchange(code, verifier);
    const second = await t.refresh(first.refresh_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(t.bearer(second.access_token)).toBeDefined();
    expect((await refusal(t.refresh(first.refresh_token))).error).toBe('invalid_grant');
    expect(t.bearer(second.access_token)).toBeUndefined();
  });

  test('a refresh cannot widen the scope', async () => {
    const t = await setup();
    const { code, verifier } = await t.approved('mcp');
    const tokens = await t.exchange(code, verifier);
    expect((await refusal(t.refresh(tokens.refresh_token, { scope: 'mcp offline_access' }))).error).toBe('invalid_grant');
    expect((await t.refresh(tokens.refresh_token, { scope: 'mcp' })).scope).toBe('mcp');
  });

  test.each([
    [{ grant_type: 'password' }, 'unsupported_grant_type', 400],
    [{ grant_type: 'authorization_code', code: ['a', 'b'] }, 'invalid_request', 400],
    [{ grant_type: 'authorization_code', code: 'x' }, 'invalid_request', 400],
    [{ grant_type: 'authorization_code', code: 'x', code_verifier: 'short' }, 'invalid_grant', 400],
    [{ grant_type: 'refresh_token' }, 'invalid_request', 400],
    [{ grant_type: 'refresh_token', refresh_token: 'x', resource: 'https://other.example/mcp' }, 'invalid_target', 400],
    [{ grant_type: 'refresh_token', refresh_token: 'x', client_secret: 'wrong' }, 'invalid_client', 401],
    [{ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'mcpd_c_gone' }, 'invalid_client', 401],
  ])('refuses %j with %s (%d)', async (fields, error, status) => {
    const t = await setup();
    expect(await refusal(t.token({ ...t.creds, ...fields }))).toEqual({ error, status });
  });

  test('takes the client credentials from HTTP Basic too, but not two different client ids', async () => {
    const t = await setup();
    const { code, verifier } = await t.approved();
    const basic = `Basic ${btoa(`${t.creds.client_id}:${t.creds.client_secret}`)}`;
    const form = { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: CALLBACK };
    expect((await refusal(t.token({ ...form, client_id: 'mcpd_c_other' }, basic))).error).toBe('invalid_request');
    expect((await t.token(form, basic)).token_type).toBe('Bearer');
  });
});
