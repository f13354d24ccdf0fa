// GET /authorize's decision over real client records: a sound request is parked for consent; an unknown client or an
// unregistered redirect URI is refused on a page (never redirected to); anything else goes back to the client.
import { describe, expect, test } from 'bun:test';
import { startAuthorization, type AuthorizeDeps } from '../../../server/auth/authorize.ts';
import type { CimdFetcher, MetadataClient } from '../../../server/auth/cimd.ts';
import { OAuthRequestError } from '../../../server/auth/oauth-error.ts';
import { createPendingRequests } from '../../../server/auth/pending-requests.ts';
import { authStores, client } from '../store/auth-fixture.ts';

const open = authStores();
const NOW = Date.parse('2026-06-01T00:00:00Z');
const ISSUER = 'https://dash.example.test';
const CALLBACK = 'https://claude.ai/api/mcp/auth_callback';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const CIMD_ID = 'https://claude.ai/oauth/mcp-oauth-client-metadata';

/** Metadata documents as if fetched: the fetcher itself (SSRF guard, TLS) has its own tests in cimd.test.ts. */
function documents(found: Record<string, MetadataClient | string>): CimdFetcher {
  return {
    async get(id) {
      const doc = found[id];
      if (typeof doc === 'string') throw new OAuthRequestError('invalid_client', doc);
      if (!doc) throw new Error('network down');
      return doc;
    },
  } as CimdFetcher;
}

async function setup(cimd: CimdFetcher = documents({})) {
  const { auth } = open();
  await auth.clients.register(client('mcpd_c_one'), NOW);
  await auth.clients.register({ ...client('mcpd_c_two'), redirectUris: [CALLBACK, 'http://localhost:5000/cb'] }, NOW);
  const pending = createPendingRequests({ now: () => NOW });
  const deps: AuthorizeDeps = { clients: auth.clients, cimd, pending, issuer: () => ISSUER, resource: () => `${ISSUER}/mcp`, now: () => NOW };
  const ask = (params: Record<string, string | string[]>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) query.append(key, v);
    return startAuthorization(deps, query);
  };
  return { pending, ask };
}

const sound = { response_type: 'code', client_id: 'mcpd_c_one', redirect_uri: CALLBACK, code_challenge: CHALLENGE, code_challenge_method: 'S256', state: 'st' };

describe('startAuthorization', () => {
  test('parks a sound request for the owner, with the scope it may get and the one resource', async () => {
    const { pending, ask } = await setup();
    const outcome = await ask({ ...sound, scope: 'mcp offline_access admin', resource: `${ISSUER}/mcp/` });
    expect(outcome.kind).toBe('consent');
    const parked = pending.get((outcome as { requestId: string }).requestId)!;
    expect(parked).toMatchObject({
      client: { id: 'mcpd_c_one', kind: 'dcr' },
      redirectUri: CALLBACK,
      state: 'st',
      codeChallenge: CHALLENGE,
      scope: 'mcp offline_access',
      resource: `${ISSUER}/mcp`,
    });
  });

  test('a client with one redirect URI may leave it out; one with several may not', async () => {
    const { ask } = await setup();
    const { redirect_uri: _, ...without } = sound;
    expect((await ask(without)).kind).toBe('consent');
    expect(await ask({ ...without, client_id: 'mcpd_c_two' })).toEqual({ kind: 'refused', message: 'The request names no redirect_uri and the client registered several.' });
  });

  test.each([
    [{ client_id: 'mcpd_c_nope' }, 'not registered here'],
    [{ client_id: '' }, 'names no client_id'],
    [{ redirect_uri: 'https://evil.example/cb' }, 'not one this client registered'],
    [{ redirect_uri: `${CALLBACK}/x` }, 'not one this client registered'],
    [{ redirect_uri: [CALLBACK, CALLBACK] }, 'may appear only once'],
  ])('refuses %j on a page, never sending the browser anywhere', async (change, why) => {
    const { pending, ask } = await setup();
    const outcome = await ask({ ...sound, ...change });
    expect(outcome.kind).toBe('refused');
    expect((outcome as { message: string }).message).toContain(why);
    expect(pending.get('anything')).toBeUndefined();
  });

  test.each([
    [{ response_type: 'token' }, 'unsupported_response_type'],
    [{ code_challenge: '' }, 'invalid_request'],
    [{ code_challenge_method: 'plain' }, 'invalid_request'],
    [{ code_challenge: 'short' }, 'invalid_request'],
    [{ state: ['a', 'b'] }, 'invalid_request'],
    [{ resource: 'https://other.example/mcp' }, 'invalid_target'],
  ])('sends %j back to the registered redirect URI with %s, iss and state', async (change, error) => {
    const { ask } = await setup();
    const outcome = await ask({ ...sound, ...change });
    expect(outcome.kind).toBe('redirect');
    const location = new URL((outcome as { location: string }).location);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('iss')).toBe(ISSUER);
    expect(location.searchParams.get('code')).toBeNull();
  });

  test('a metadata-document client is parked with its document; an unusable document is refused with its reason', async () => {
    const metadata = { id: CIMD_ID, name: 'Claude', redirectUris: [CALLBACK], grantTypes: ['authorization_code'] };
    const { pending, ask } = await setup(documents({ [CIMD_ID]: metadata, 'https://bad.example/doc': 'the document is not JSON' }));
    const outcome = await ask({ ...sound, client_id: CIMD_ID });
    expect(pending.get((outcome as { requestId: string }).requestId)!.client).toEqual({ id: CIMD_ID, kind: 'cimd', name: 'Claude', metadata });
    expect(await ask({ ...sound, client_id: 'https://bad.example/doc' })).toEqual({ kind: 'refused', message: 'the document is not JSON' });
    // A fault that is not a refusal says nothing about why (it may carry internal detail).
    expect(await ask({ ...sound, client_id: 'https://down.example/doc' })).toEqual({ kind: 'refused', message: 'The client metadata document cannot be used.' });
  });
});
