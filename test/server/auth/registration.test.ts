// Dynamic Client Registration over a real LMDB store: what Claude and Claude Code send is taken and stored; anything
// else is refused with the RFC 7591 code and nothing is stored.
import { describe, expect, test } from 'bun:test';
import { OAuthRequestError } from '../../../server/auth/oauth-error.ts';
import { registerClient } from '../../../server/auth/registration.ts';
import { sha256 } from '../../../server/auth/secrets.ts';
import { MAX_REGISTERED_CLIENTS } from '../../../server/store/auth-clients.ts';
import { approveClient, authStores } from '../store/auth-fixture.ts';

const open = authStores();
const NOW = Date.parse('2026-06-01T00:00:00Z');
const CALLBACK = 'https://claude.ai/api/mcp/auth_callback';
const CLAUDE = {
  client_name: 'Claude',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_post',
};

/** The refusal a client developer reads: its OAuth code and description. */
async function refusal(promise: Promise<unknown>): Promise<{ error: string; status: number; description: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuthRequestError);
  const { error: code, status, description } = error as OAuthRequestError;
  return { error: code, status, description };
}

describe('registerClient', () => {
  test("stores Claude's confidential client with only the hash of the secret it hands out once", async () => {
    const { auth } = open();
    const answer = await registerClient(auth.clients, CLAUDE, NOW);
    expect(answer).toMatchObject({
      client_name: 'Claude',
      redirect_uris: [CALLBACK],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'client_secret_post',
      client_id_issued_at: NOW / 1000,
      client_secret_expires_at: 0,
    });
    const stored = auth.clients.get(answer.client_id, NOW)!;
    expect(stored).toMatchObject({ kind: 'dcr', name: 'Claude', redirectUris: [CALLBACK], authMethod: 'client_secret_post' });
    expect(stored.secretHash).toBe(sha256(answer.client_secret!));
    expect(JSON.stringify(stored)).not.toContain(answer.client_secret!);
  });

  test("takes Claude Code's nulls as absent: a public client with the defaults", async () => {
    const { auth } = open();
    const answer = await registerClient(auth.clients, { redirect_uris: ['http://localhost:53682/callback'], client_name: null, scope: null, grant_types: null, token_endpoint_auth_method: null }, NOW);
    expect(answer).toMatchObject({ client_name: 'Unnamed client', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] });
    expect(answer.client_secret).toBeUndefined();
  });

  test('a name full of control and bidi characters is shown as plain readable text', async () => {
    const { auth } = open();
    const answer = await registerClient(auth.clients, { ...CLAUDE, client_name: 'Good\u202Eevil\u0000 app' }, NOW);
    expect(answer.client_name).toBe('Good evil app');
  });

  test.each([
    [{ ...CLAUDE, redirect_uris: ['http://evil.example/cb'] }, 'invalid_redirect_uri', 'must use https'],
    [{ ...CLAUDE, redirect_uris: [] }, 'invalid_client_metadata', 'at least one redirect URI'],
    [{ ...CLAUDE, token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', 'use none or client_secret_post'],
    [{ ...CLAUDE, grant_types: ['refresh_token'] }, 'invalid_client_metadata', 'must include authorization_code'],
    [{ ...CLAUDE, grant_types: ['authorization_code', 'implicit'] }, 'invalid_client_metadata', 'must include authorization_code'],
    [{ ...CLAUDE, response_types: ['token'] }, 'invalid_client_metadata', "response_types may only be ['code']"],
    ['not an object', 'invalid_client_metadata', 'body'],
  ])('refuses %j with %s and stores nothing', async (body, code, why) => {
    const { store, auth } = open();
    const refused = await refusal(registerClient(auth.clients, body, NOW));
    expect(refused.error).toBe(code);
    expect(refused.status).toBe(400);
    expect(refused.description).toContain(why);
    expect(Array.from(store.authClients.getKeys())).toEqual([]);
  });

  test('a full table of registrations nobody used makes room by forgetting the oldest', async () => {
    const { auth } = open();
    const first = await registerClient(auth.clients, CLAUDE, NOW);
    for (let i = 1; i < MAX_REGISTERED_CLIENTS; i++) await registerClient(auth.clients, CLAUDE, NOW + i);
    const next = await registerClient(auth.clients, CLAUDE, NOW + MAX_REGISTERED_CLIENTS);
    expect(auth.clients.get(next.client_id, NOW + MAX_REGISTERED_CLIENTS)).toBeDefined();
    expect(auth.clients.get(first.client_id, NOW + MAX_REGISTERED_CLIENTS)).toBeUndefined();
  });

  test('when every client slot holds a connected client, says so with 503 temporarily_unavailable and where to free one', async () => {
    const { auth } = open();
    for (let i = 0; i < MAX_REGISTERED_CLIENTS; i++) {
      const { client_id } = await registerClient(auth.clients, CLAUDE, NOW);
      await approveClient(auth, client_id, NOW, i);
    }
    const refused = await refusal(registerClient(auth.clients, CLAUDE, NOW));
    expect(refused).toMatchObject({ error: 'temporarily_unavailable', status: 503 });
    expect(refused.description).toContain('console');
  });
});
