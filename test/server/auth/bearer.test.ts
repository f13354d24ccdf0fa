// The /mcp bearer gate's decisions over real grant records: who is calling, or why not (no token, an unknown,
// expired or revoked one, one issued for another resource, one without the mcp scope).
import { describe, expect, test } from 'bun:test';
import { OAuthError } from '@modelcontextprotocol/server';
import { createBearerGate, createTokenVerifier, type BearerDecision } from '../../../server/auth/bearer.ts';
import { newSecret, sha256 } from '../../../server/auth/secrets.ts';
import { createStaticTokens } from '../../../server/auth/static-tokens.ts';
import { authStores, client } from '../store/auth-fixture.ts';

const open = authStores();
const PUBLIC = 'https://dash.example.test';
const METADATA = `${PUBLIC}/.well-known/oauth-protected-resource/mcp`;

async function setup() {
  const { auth } = open();
  // Real time: the SDK checks expiry against the real clock too.
  let now = Date.now();
  const verifier = createTokenVerifier({ grants: auth.grants, resource: () => `${PUBLIC}/mcp`, now: () => now });
  const gate = createBearerGate({ verifier, resource: () => `${PUBLIC}/mcp`, resourceMetadataUrl: () => METADATA });
  const decide = (authorization?: string) => gate(new Request(`${PUBLIC}/mcp`, { headers: authorization ? { authorization } : {} }));
  /** An OAuth grant as the token endpoint makes it: the access token for `resource` with `scope`. */
  const oauthToken = async (n: number, resource = `${PUBLIC}/mcp`, scope = 'mcp') => {
    await auth.clients.register(client(`mcpd_c_${n}`), now);
    await auth.grants.putCode(`code${n}`, { kind: 'code', clientId: `mcpd_c_${n}`, clientName: 'Claude', redirectUri: 'x', codeChallenge: 'c', scope, resource, expiresAt: now + 60_000, keepUntil: now + 600_000 });
    const access = newSecret('mcpd_at_');
    const pair = { accessHash: sha256(access), accessExpiresAt: now + 3_600_000, refreshHash: sha256(newSecret('mcpd_rt_')), refreshExpiresAt: now + 7_200_000 };
    expect((await auth.grants.redeemCode(`code${n}`, now, () => undefined, `g${n}`, pair)).ok).toBe(true);
    return access;
  };
  return { auth, decide, oauthToken, staticTokens: createStaticTokens(auth.grants, () => now), advance: (ms: number) => (now += ms) };
}

const refusedCode = (decision: BearerDecision) => {
  expect(decision.kind).toBe('refused');
  const { error } = decision as { error: unknown };
  expect(error).toBeInstanceOf(OAuthError);
  return (error as OAuthError).code;
};

describe('bearer gate', () => {
  test('no Authorization header: a challenge naming where the metadata is and the mcp scope, no error', async () => {
    const { decide } = await setup();
    expect(await decide()).toEqual({ kind: 'missing', resourceMetadataUrl: METADATA, requiredScopes: ['mcp'] });
  });

  test('an OAuth token lets its grant in, until it expires', async () => {
    const t = await setup();
    const access = await t.oauthToken(1);
    const decision = await t.decide(`Bearer ${access}`);
    expect(decision).toMatchObject({ kind: 'allowed', principal: { grantId: 'g1', clientId: 'mcpd_c_1', kind: 'oauth', name: 'Claude' } });
    t.advance(3_600_000);
    expect(refusedCode(await t.decide(`Bearer ${access}`))).toBe('invalid_token');
  });

  test('a static token lets its owner in whatever the public URL, and not once revoked', async () => {
    const t = await setup();
    const token = await t.staticTokens.create('laptop');
    expect(await t.decide(`Bearer ${token}`)).toMatchObject({ kind: 'allowed', principal: { kind: 'static', name: 'laptop' } });
    await t.staticTokens.revoke('laptop');
    expect(refusedCode(await t.decide(`Bearer ${token}`))).toBe('invalid_token');
  });

  test.each(['Bearer mcpd_at_guess', 'Basic dXNlcjpwdw==', 'Bearer', `Bearer ${'x'.repeat(201)}`])('refuses %s as invalid_token', async (header) => {
    const { decide } = await setup();
    expect(refusedCode(await decide(header))).toBe('invalid_token');
  });

  test('a token issued for another resource (another public URL) is refused', async () => {
    const t = await setup();
    const access = await t.oauthToken(2, 'https://elsewhere.example/mcp');
    expect(refusedCode(await t.decide(`Bearer ${access}`))).toBe('invalid_token');
  });

  test('a token without the mcp scope is insufficient_scope', async () => {
    const t = await setup();
    const access = await t.oauthToken(3, `${PUBLIC}/mcp`, 'offline_access');
    expect(refusedCode(await t.decide(`Bearer ${access}`))).toBe('insufficient_scope');
  });
});
