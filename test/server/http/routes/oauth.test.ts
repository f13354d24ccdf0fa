import { afterAll, describe, expect, test } from 'bun:test';
import { removeTempDirs } from '../../helpers/test-app.ts';
import {
  authAppsStoppedAfterEach,
  CLAUDE_CALLBACK,
  CLAUDE_REGISTRATION,
  PUBLIC_URL,
  approve,
  authorize,
  connectClaude,
  exchangeCode,
  mcpWith,
  pkce,
  refresh,
  register,
  registerClaude,
  startConsent,
  tokenRequest,
  type Tokens,
} from '../../helpers/oauth-flow.ts';

const { start, startAuth } = authAppsStoppedAfterEach();
afterAll(removeTempDirs);

describe('OAuth discovery', () => {
  test('serves protected resource metadata at both well-known paths, bound to <public-url>/mcp', async () => {
    const app = await startAuth();
    for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ resource: `${PUBLIC_URL}/mcp`, authorization_servers: [PUBLIC_URL], scopes_supported: ['mcp', 'offline_access'] });
    }
  });

  test('serves authorization server metadata with the issuer exactly the public URL and everything Claude needs', async () => {
    const app = await startAuth();
    const body = await (await fetch(`${app.url}/.well-known/oauth-authorization-server`)).json();
    expect(body).toMatchObject({
      issuer: PUBLIC_URL,
      authorization_endpoint: `${PUBLIC_URL}/authorize`,
      token_endpoint: `${PUBLIC_URL}/token`,
      registration_endpoint: `${PUBLIC_URL}/register`,
      revocation_endpoint: `${PUBLIC_URL}/revoke`,
      code_challenge_methods_supported: ['S256'],
      client_id_metadata_document_supported: true,
      authorization_response_iss_parameter_supported: true,
    });
    expect(body.scopes_supported).toContain('offline_access');
    expect(body.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['none', 'client_secret_post']));
    expect(body.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
  });

  test('answers /mcp without a token 401 with the resource metadata URL and scope, and with a bad token 401 invalid_token', async () => {
    const app = await startAuth();
    const bare = await mcpWith(app, undefined);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${PUBLIC_URL}/.well-known/oauth-protected-resource/mcp", scope="mcp"`);
    const wrong = await mcpWith(app, 'mcpd_at_not-a-real-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(wrong.headers.get('www-authenticate')).toContain(`resource_metadata="${PUBLIC_URL}/.well-known/oauth-protected-resource/mcp"`);
  });

  test('serves none of it with auth off: /mcp answers without a token and the discovery documents are 404', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: false });
    expect((await fetch(`${app.url}/.well-known/oauth-authorization-server`)).status).toBe(404);
    expect((await mcpWith(app, undefined)).status).toBe(200);
  });
});

describe('dynamic client registration', () => {
  test("accepts Claude's request: a confidential client with a secret, its redirect and both grant types", async () => {
    const app = await startAuth();
    const res = await register(app);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      redirect_uris: [CLAUDE_CALLBACK],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'client_secret_post',
      client_secret_expires_at: 0,
      client_name: 'Claude',
    });
    expect(body.client_id).toMatch(/^mcpd_c_/);
    expect(body.client_secret).toMatch(/^mcpd_cs_/);
  });

  test("accepts Claude Code's nulls for the fields it leaves empty, and the claude.com callback", async () => {
    const app = await startAuth();
    const res = await register(app, {
      ...CLAUDE_REGISTRATION,
      redirect_uris: ['https://claude.com/api/mcp/auth_callback', 'http://localhost:53682/callback'],
      client_uri: null,
      logo_uri: null,
      software_id: null,
      software_version: null,
      scope: null,
    });
    expect(res.status).toBe(201);
  });

  test('refuses redirect URIs that are not https or loopback http, and unsupported auth methods', async () => {
    const app = await startAuth();
    for (const uri of ['http://evil.example/cb', 'javascript:alert(1)', 'https://claude.ai/cb#frag', 'myapp://cb']) {
      const res = await register(app, { ...CLAUDE_REGISTRATION, redirect_uris: [uri] });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe('invalid_redirect_uri');
    }
    const jwt = await register(app, { ...CLAUDE_REGISTRATION, token_endpoint_auth_method: 'private_key_jwt' });
    expect(jwt.status).toBe(400);
    expect((await jwt.json()).error).toBe('invalid_client_metadata');
  });

  test('refuses a registration nested deeper than the JSON bound (64 levels) with invalid_client_metadata naming it', async () => {
    const app = await startAuth();
    const res = await register(app, { ...CLAUDE_REGISTRATION, x: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_client_metadata');
    expect(body.error_description).toContain('body.x[0][0]');
    expect(body.error_description).toContain('more than 64 levels deep');
  });

  test('a flood of registrations from one address never keeps an ordinary connect from registering and finishing', async () => {
    // No --trust-proxy: like a tunnel, every client is one address.
    const app = await startAuth();
    const connected = await connectClaude(app);
    const client = await registerClaude(app);
    const { verifier, challenge } = pkce();
    const requestId = await startConsent(app, client, challenge);
    // 150 registrations (the store keeps 100): unused ones without an authorization under way make room.
    for (let i = 0; i < 150; i++) expect((await register(app, CLAUDE_REGISTRATION)).status).toBe(201);
    const redirect = await approve(app, requestId);
    for (let i = 0; i < 150; i++) expect((await register(app, CLAUDE_REGISTRATION)).status).toBe(201);
    expect((await exchangeCode(app, client, redirect.searchParams.get('code')!, verifier)).status).toBe(200);
    // The client approved before the flood is still connected, and a fresh connect registers as before.
    expect((await mcpWith(app, connected.tokens.access_token)).status).toBe(200);
    expect((await register(app, CLAUDE_REGISTRATION)).status).toBe(201);
  });
});

describe('authorization request', () => {
  test('parks a sound request for consent (303 to /consent#<id>) and the approval redirects with code, state and iss', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    const { challenge } = pkce();
    const requestId = await startConsent(app, client, challenge);
    const redirect = await approve(app, requestId);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(CLAUDE_CALLBACK);
    expect(redirect.searchParams.get('state')).toBe('st-1');
    expect(redirect.searchParams.get('iss')).toBe(PUBLIC_URL);
    expect(redirect.searchParams.get('code')).toMatch(/^mcpd_ac_/);
  });

  test('refuses a redirect URI the client did not register on an error page, without redirecting anywhere', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    const { challenge } = pkce();
    for (const redirect of ['https://evil.example/cb', `${CLAUDE_CALLBACK}/x`, `${CLAUDE_CALLBACK}?x=1`]) {
      const res = await authorize(app, { response_type: 'code', client_id: client.client_id, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).not.toContain('evil.example');
    }
  });

  test('refuses an unknown client on an error page', async () => {
    const app = await startAuth();
    const res = await authorize(app, { response_type: 'code', client_id: 'mcpd_c_nope', redirect_uri: CLAUDE_CALLBACK, code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  test('sends a request without PKCE, or with plain PKCE, back with invalid_request', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    const base = { response_type: 'code', client_id: client.client_id, redirect_uri: CLAUDE_CALLBACK, state: 's' };
    const { challenge, verifier } = pkce();
    for (const params of [{}, { code_challenge: verifier, code_challenge_method: 'plain' }, { code_challenge: challenge }]) {
      const res = await authorize(app, { ...base, ...params });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(CLAUDE_CALLBACK);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('iss')).toBe(PUBLIC_URL);
      expect(location.searchParams.get('state')).toBe('s');
    }
  });

  test('takes the resource with or without the trailing slash Claude adds, and refuses another resource', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    const { challenge } = pkce();
    expect(await startConsent(app, client, challenge, { resource: `${PUBLIC_URL}/mcp` })).toBeTruthy();
    expect(await startConsent(app, client, challenge, { resource: `${PUBLIC_URL}/mcp/` })).toBeTruthy();
    const other = await authorize(app, {
      response_type: 'code', client_id: client.client_id, redirect_uri: CLAUDE_CALLBACK, code_challenge: challenge, code_challenge_method: 'S256', resource: 'https://other.example/mcp',
    });
    expect(new URL(other.headers.get('location')!).searchParams.get('error')).toBe('invalid_target');
  });
});

describe('token endpoint', () => {
  test('exchanges a code for tokens bound to /mcp: expires_in, no-store, usable as a bearer', async () => {
    const app = await startAuth();
    const { tokens } = await connectClaude(app);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 30 * 24 * 3600, scope: 'mcp offline_access' });
    expect(tokens.access_token).toMatch(/^mcpd_at_/);
    expect((await mcpWith(app, tokens.access_token)).status).toBe(200);
  });

  test('takes --token-ttl for the access token lifetime; an expired token gets 401', async () => {
    const app = await startAuth({ tokenTtlMs: 1_000 });
    const { tokens } = await connectClaude(app);
    expect(tokens.expires_in).toBe(1);
    expect((await mcpWith(app, tokens.access_token)).status).toBe(200);
    app.clock.advance(1_500);
    expect((await mcpWith(app, tokens.access_token)).status).toBe(401);
  });

  test('refuses a wrong code_verifier and a missing one, leaving the code usable by the real client', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    const { verifier, challenge } = pkce();
    const code = (await approve(app, await startConsent(app, client, challenge))).searchParams.get('code')!;
    const wrong = await exchangeCode(app, client, code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe('invalid_grant');
    const missing = await exchangeCode(app, client, code, undefined as unknown as string);
    expect((await missing.json()).error).toBe('invalid_request');
    expect((await exchangeCode(app, client, code, verifier)).status).toBe(200);
  });

  test('a replayed code is refused and revokes the tokens it bought', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    const { verifier, challenge } = pkce();
    const code = (await approve(app, await startConsent(app, client, challenge))).searchParams.get('code')!;
    const first = (await (await exchangeCode(app, client, code, verifier)).json()) as Tokens;
    expect((await mcpWith(app, first.access_token)).status).toBe(200);
    const replay = await exchangeCode(app, client, code, verifier);
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');
    expect((await mcpWith(app, first.access_token)).status).toBe(401);
    expect((await refresh(app, client, first.refresh_token)).status).toBe(400);
  });

  test('rotates refresh tokens; a reused one revokes the grant', async () => {
    const app = await startAuth();
    const { client, tokens } = await connectClaude(app);
    const rotated = await refresh(app, client, tokens.refresh_token);
    expect(rotated.status).toBe(200);
    const next = (await rotated.json()) as Tokens;
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(next.access_token).not.toBe(tokens.access_token);
    expect((await mcpWith(app, next.access_token)).status).toBe(200);

    const reused = await refresh(app, client, tokens.refresh_token);
    expect(reused.status).toBe(400);
    expect((await reused.json()).error).toBe('invalid_grant');
    // Whoever held the newer pair lost it too: the grant is gone.
    expect((await mcpWith(app, next.access_token)).status).toBe(401);
    expect((await refresh(app, client, next.refresh_token)).status).toBe(400);
  });

  test('refuses a token request for another resource, and a token minted for another public URL', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    const { verifier, challenge } = pkce();
    const code = (await approve(app, await startConsent(app, client, challenge))).searchParams.get('code')!;
    const other = await exchangeCode(app, client, code, verifier, { resource: 'https://other.example/mcp' });
    expect((await other.json()).error).toBe('invalid_target');
    const tokens = (await (await exchangeCode(app, client, code, verifier)).json()) as Tokens;
    await app.stop();
    // The same data, now served as another resource: the token was not issued for it.
    const moved = await start({ publicUrl: 'https://elsewhere.test', auth: true, dataDir: app.config.dataDir });
    const res = await mcpWith(moved, tokens.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
  });

  test('answers invalid_client (401) when the registration is gone, so the client registers again', async () => {
    const app = await startAuth();
    const { client, tokens } = await connectClaude(app);
    await app.app.auth.revokeClient(client.client_id);
    const res = await refresh(app, client, tokens.refresh_token);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('invalid_client');
  });

  test('forgets a registration nobody used after a day', async () => {
    const app = await startAuth();
    const client = await registerClaude(app);
    app.clock.advance(24 * 3_600_000 + 1_000);
    await app.app.sweeper.sweep();
    const res = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: 'x', client_id: client.client_id, client_secret: client.client_secret });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('invalid_client');
  });

  test('refuses a confidential client without its secret', async () => {
    const app = await startAuth();
    const { client, tokens } = await connectClaude(app);
    const res = await tokenRequest(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: client.client_id, client_secret: 'mcpd_cs_wrong' });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('invalid_client');
  });
});

describe('revocation', () => {
  test('revoking the refresh token ends the grant: the access token gets 401 after', async () => {
    const app = await startAuth();
    const { client, tokens } = await connectClaude(app);
    const body = new URLSearchParams({ token: tokens.refresh_token, client_id: client.client_id, client_secret: client.client_secret! });
    const res = await fetch(`${app.url}/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(200);
    expect((await mcpWith(app, tokens.access_token)).status).toBe(401);
  });

  test("answers 200 for an unknown token and for another client's token, revoking nothing", async () => {
    const app = await startAuth();
    const victim = await connectClaude(app);
    const other = await registerClaude(app);
    const body = new URLSearchParams({ token: victim.tokens.access_token, client_id: other.client_id, client_secret: other.client_secret! });
    const res = await fetch(`${app.url}/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(200);
    expect((await mcpWith(app, victim.tokens.access_token)).status).toBe(200);
  });
});
