// POST /token: authorization_code (PKCE S256, exact redirect URI, single use) and refresh_token (rotated on every
// use; a used one presented again revokes its grant). Tokens are opaque and stored only as SHA-256.
import type { ClientStore } from '../store/auth-clients.ts';
import type { GrantRecord } from '../store/auth.ts';
import type { GrantOutcome, GrantStore, IssuedPair } from '../store/auth-grants.ts';
import { authenticateClient } from './client-auth.ts';
import { invalidGrant, invalidRequest, OAuthRequestError } from './oauth-error.ts';
import { sameResource } from './resource.ts';
import { newId, newSecret, PREFIX, safeEqual, sha256, sha256Base64Url } from './secrets.ts';

/** Refresh tokens outlive access tokens: a client that comes back after a quiet month can still refresh. */
export const REFRESH_TTL_MS = 90 * 24 * 3_600_000;
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export interface TokenDeps {
  clients: ClientStore;
  grants: GrantStore;
  resource: () => string;
  tokenTtlMs: number;
  now: () => number;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

function newPair(deps: TokenDeps, nowMs: number): { access: string; refresh: string; pair: IssuedPair } {
  const access = newSecret(PREFIX.access);
  const refresh = newSecret(PREFIX.refresh);
  return {
    access,
    refresh,
    pair: {
      accessHash: sha256(access),
      accessExpiresAt: nowMs + deps.tokenTtlMs,
      refreshHash: sha256(refresh),
      refreshExpiresAt: nowMs + Math.max(REFRESH_TTL_MS, deps.tokenTtlMs),
    },
  };
}

function refusal(outcome: Exclude<GrantOutcome, { ok: true }>, what: string): OAuthRequestError {
  if (outcome.reason === 'reused') return invalidGrant(`This ${what} was already used: everything issued with it is revoked. Authorize again.`);
  if (outcome.reason === 'expired') return invalidGrant(`This ${what} has expired.`);
  if (outcome.reason === 'mismatch') return invalidGrant(outcome.message ?? `This ${what} does not belong to this request.`);
  return invalidGrant(`This ${what} is not valid.`);
}

function checkResource(form: URLSearchParams, resource: string): void {
  if (form.getAll('resource').some((given) => !sameResource(given, resource))) {
    throw new OAuthRequestError('invalid_target', `this server issues tokens only for ${resource}`);
  }
}

function answer(deps: TokenDeps, grant: GrantRecord, access: string, refresh: string): TokenResponse {
  return { access_token: access, token_type: 'Bearer', expires_in: Math.round(deps.tokenTtlMs / 1000), refresh_token: refresh, scope: grant.scope };
}

export async function exchangeToken(deps: TokenDeps, form: URLSearchParams, authorization: string | undefined): Promise<TokenResponse> {
  const nowMs = deps.now();
  for (const name of ['grant_type', 'code', 'code_verifier', 'redirect_uri', 'refresh_token', 'client_id']) {
    if (form.getAll(name).length > 1) throw invalidRequest(`${name} may appear only once`);
  }
  const client = authenticateClient(deps.clients, form, authorization, nowMs);
  const grantType = form.get('grant_type');
  checkResource(form, deps.resource());

  if (grantType === 'authorization_code') {
    const code = form.get('code');
    const verifier = form.get('code_verifier');
    const redirectUri = form.get('redirect_uri');
    if (!code) throw invalidRequest('code is missing');
    if (!verifier) throw invalidRequest('code_verifier is missing: PKCE is required');
    if (!CODE_VERIFIER.test(verifier)) throw invalidGrant('code_verifier is not a PKCE verifier (43 to 128 unreserved characters)');
    const { access, refresh, pair } = newPair(deps, nowMs);
    const outcome = await deps.grants.redeemCode(
      sha256(code),
      nowMs,
      (stored) => {
        if (stored.clientId !== client.id) return 'This code was issued to another client.';
        if (redirectUri !== stored.redirectUri) return 'redirect_uri differs from the one in the authorization request.';
        if (!safeEqual(sha256Base64Url(verifier), stored.codeChallenge)) return 'code_verifier does not match the code_challenge.';
        return undefined;
      },
      newId('mcpd_g_'),
      pair,
    );
    if (!outcome.ok) throw refusal(outcome, 'authorization code');
    return answer(deps, outcome.grant, access, refresh);
  }

  if (grantType === 'refresh_token') {
    const token = form.get('refresh_token');
    if (!token) throw invalidRequest('refresh_token is missing');
    const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const { access, refresh, pair } = newPair(deps, nowMs);
    const outcome = await deps.grants.rotateRefresh(
      sha256(token),
      nowMs,
      (grant) => {
        if (grant.clientId !== client.id) return 'This refresh token was issued to another client.';
        const granted = grant.scope.split(' ');
        if (asked.some((scope) => !granted.includes(scope))) return 'A refresh cannot widen the scope.';
        return undefined;
      },
      pair,
    );
    if (!outcome.ok) throw refusal(outcome, 'refresh token');
    return answer(deps, outcome.grant, access, refresh);
  }

  throw new OAuthRequestError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}
