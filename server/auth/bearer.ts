// Bearer tokens on /mcp: verification (an OAuthTokenVerifier for the SDK's verifyBearerToken) and the gate that
// decides a request: the principal behind its token, or why it is refused. server/http/bearer-response.ts turns a
// refusal into the 401/403 that starts OAuth discovery.
import {
  OAuthError,
  OAuthErrorCode,
  verifyBearerToken,
  type AuthInfo,
  type OAuthTokenVerifier,
} from '@modelcontextprotocol/server';
import type { GrantStore } from '../store/auth-grants.ts';
import { MCP_SCOPE } from './resource.ts';
import { sha256 } from './secrets.ts';

/** Who is calling /mcp: the grant (OAuth client or static token) its token belongs to. */
export interface Principal {
  grantId: string;
  clientId: string;
  kind: 'oauth' | 'static';
  /** The client's or the static token's name. */
  name: string;
}

export interface VerifierDeps {
  grants: GrantStore;
  /** <public-url>/mcp. */
  resource: () => string;
  now: () => number;
}

/** Static tokens never expire, but the SDK refuses an AuthInfo without expiresAt: a year ahead, renewed each use. */
const STATIC_HORIZON_S = 365 * 24 * 3600;
/** Last use is written at most this often per grant (a write per request would cost more than the request). */
const LAST_USE_EVERY_MS = 60_000;

export function createTokenVerifier(deps: VerifierDeps): OAuthTokenVerifier {
  const lastWritten = new Map<string, number>();
  const noteUse = (grantId: string, nowMs: number) => {
    if (nowMs - (lastWritten.get(grantId) ?? 0) < LAST_USE_EVERY_MS) return;
    if (lastWritten.size > 10_000) lastWritten.clear();
    lastWritten.set(grantId, nowMs);
    void deps.grants.markUsed(grantId, nowMs).catch(() => lastWritten.delete(grantId));
  };
  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      const nowMs = deps.now();
      const found = token.length <= 200 ? deps.grants.bearer(sha256(token), nowMs) : undefined;
      if (!found) throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token is unknown, expired or revoked.');
      const { grant, expiresAt } = found;
      noteUse(grant.id, nowMs);
      const principal: Principal = { grantId: grant.id, clientId: grant.clientId, kind: grant.kind, name: grant.name };
      return {
        token,
        clientId: grant.clientId,
        scopes: grant.scope.split(' '),
        expiresAt: expiresAt === undefined ? Math.floor(nowMs / 1000) + STATIC_HORIZON_S : Math.floor(expiresAt / 1000),
        // Static tokens belong to whoever runs this server, whatever URL it has today.
        resource: new URL(grant.kind === 'static' ? deps.resource() : grant.resource),
        extra: { principal },
      };
    },
  };
}

export interface BearerGateOptions {
  verifier: OAuthTokenVerifier;
  resource: () => string;
  resourceMetadataUrl: () => string;
}

/** What the challenge of a refusal names: where the resource metadata is and which scope to ask for. */
export interface BearerChallenge {
  resourceMetadataUrl: string;
  requiredScopes: string[];
}

export type BearerDecision =
  | { kind: 'allowed'; principal: Principal; authInfo: AuthInfo }
  /** No Authorization header: the challenge names no error (RFC 6750 §3.1), the client starts discovery. */
  | ({ kind: 'missing' } & BearerChallenge)
  /** Credentials refused: `error` is the SDK's OAuthError (invalid_token, insufficient_scope) or a verifier fault. */
  | ({ kind: 'refused'; error: unknown } & BearerChallenge);

/** Decides a request by its bearer token: the principal behind it, or why it is refused. */
export function createBearerGate(options: BearerGateOptions): (request: Request) => Promise<BearerDecision> {
  return async (request) => {
    const header = request.headers.get('authorization');
    const challenge = { resourceMetadataUrl: options.resourceMetadataUrl(), requiredScopes: [MCP_SCOPE] };
    if (!header) return { kind: 'missing', ...challenge };
    try {
      const authInfo = await verifyBearerToken(header, { ...challenge, verifier: options.verifier, expectedResource: new URL(options.resource()) });
      return { kind: 'allowed', principal: authInfo.extra!.principal as Principal, authInfo };
    } catch (error) {
      return { kind: 'refused', error, ...challenge };
    }
  };
}
