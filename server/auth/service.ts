// The authorization server in one object: records, owner, OAuth endpoints' logic, bearer verification, static
// tokens and what the console lists. The HTTP routes and the CLI are thin layers over it.
import type { Store } from '../store/db.ts';
import { createAuthStore } from '../store/auth.ts';
import { answer, answerable, approveByCode, consentView, pendingSummaries } from './consent.ts';
import { startAuthorization } from './authorize.ts';
import { createBearerGate, createTokenVerifier } from './bearer.ts';
import { createCimdFetcher, type CimdOptions } from './cimd.ts';
import { authorizationServerMetadata, protectedResourceMetadata, resourceMetadataUrl } from './metadata.ts';
import { createOwnerService } from './owner.ts';
import { createPendingRequests } from './pending-requests.ts';
import { redirectHost } from './redirect-uri.ts';
import { registerClient } from './registration.ts';
import { revokeToken } from './revoke.ts';
import { createStaticTokens } from './static-tokens.ts';
import { exchangeToken } from './token.ts';

export interface AuthServiceOptions {
  /** The public URL: issuer, and (with /mcp) the resource tokens are bound to. */
  issuer: () => string;
  tokenTtlMs: number;
  now: () => number;
  cimd?: CimdOptions;
}

/** A connected OAuth client as the console lists it. */
export interface ConnectedClient {
  id: string;
  name: string;
  kind: 'dcr' | 'cimd';
  redirectHosts: string[];
  createdAt: number;
  lastUsedAt: number | undefined;
}

export function createAuthService(store: Store, options: AuthServiceOptions) {
  const { issuer, now } = options;
  const records = createAuthStore(store);
  const { clients, grants } = records;
  const pending = createPendingRequests({ now });
  const cimd = createCimdFetcher({ now, ...options.cimd });
  const resource = () => `${issuer()}/mcp`;
  const verifier = createTokenVerifier({ grants, resource, now });

  return {
    records,
    owner: createOwnerService(records.owner, now),
    staticTokens: createStaticTokens(grants, now),
    resource,
    verifier,
    /** Request -> principal, or the 401/403 answer. */
    bearerGate: createBearerGate({ verifier, resource, resourceMetadataUrl: () => resourceMetadataUrl(issuer()) }),
    resourceMetadataUrl: () => resourceMetadataUrl(issuer()),
    metadata: () => authorizationServerMetadata(issuer()),
    resourceMetadata: () => protectedResourceMetadata(issuer()),
    register: (body: unknown) => registerClient(clients, body, now(), pending.inUse),
    authorize: (query: URLSearchParams) => startAuthorization({ clients, cimd, pending, issuer, resource, now }, query),
    consentView: (id: string) => consentView(pending, id),
    /** Where the consent page of a request approved from the command line goes (once), or undefined. */
    consentSettled: (id: string) => pending.takeSettled(id),
    /** The requests waiting for the owner (what `mcpdash owner approve` lists). */
    pendingRequests: () => pendingSummaries(pending),
    /** `mcpdash owner approve <code>`: approves without the password (the caller is at the machine). */
    approveByCode: (code: string) => approveByCode({ pending, clients, grants, issuer, now }, code),
    /** Throws unless the request exists and `csrf` is its token. */
    checkConsent: (id: string, csrf: unknown) => void answerable(pending, id, csrf),
    answerConsent: (id: string, decision: 'approve' | 'deny') => answer({ pending, clients, grants, issuer, now }, id, decision),
    token: (form: URLSearchParams, authorization: string | undefined) => exchangeToken({ clients, grants, resource, tokenTtlMs: options.tokenTtlMs, now }, form, authorization),
    revoke: (form: URLSearchParams, authorization: string | undefined) => revokeToken({ clients, grants, now }, form, authorization),

    connectedClients(): ConnectedClient[] {
      const nowMs = now();
      const lastUse = new Map<string, number>();
      for (const grant of grants.list(nowMs)) {
        if (grant.kind === 'oauth') lastUse.set(grant.clientId, Math.max(lastUse.get(grant.clientId) ?? 0, grant.lastUsedAt ?? grant.createdAt));
      }
      return clients
        .listUsed(nowMs)
        .map((client) => ({
          id: client.id,
          name: client.name,
          kind: client.kind,
          redirectHosts: [...new Set(client.redirectUris.map(redirectHost))],
          createdAt: client.createdAt,
          lastUsedAt: lastUse.get(client.id),
        }))
        .sort((a, b) => (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0));
    },
    /** Ends every grant and token of a client. */
    revokeClient: (clientId: string) => grants.revokeClient(clientId, now()),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
