// The owner's answer to an authorization request: what the consent page shows, the CSRF check, and the redirect
// back to the client with a code (approve) or access_denied (deny).
import type { ConsentView } from '../dashboard/wire.ts';
import type { ClientStore } from '../store/auth-clients.ts';
import type { GrantStore } from '../store/auth-grants.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { redirectWith } from './authorize.ts';
import type { PendingRequest, PendingRequests } from './pending-requests.ts';
import { redirectHost } from './redirect-uri.ts';
import { newSecret, PREFIX, safeEqual, sha256 } from './secrets.ts';

/** Codes are exchanged at once by the client; after use they are kept a while longer to recognise a replay. */
export const CODE_TTL_MS = 2 * 60_000;
const CODE_KEPT_MS = 10 * 60_000;

export interface ConsentDeps {
  pending: PendingRequests;
  clients: ClientStore;
  grants: GrantStore;
  issuer: () => string;
  now: () => number;
}


const gone = () => new NotFoundError('This authorization request has expired or was already answered: start connecting again from the client.');

export function consentView(pending: PendingRequests, id: string): ConsentView {
  const request = pending.get(id);
  if (!request) throw gone();
  return {
    clientName: request.client.name,
    clientKind: request.client.kind,
    ...(request.client.kind === 'cimd' ? { clientUrl: request.client.id } : {}),
    redirectHost: redirectHost(request.redirectUri),
    scopes: request.scope.split(' '),
    csrf: request.csrf,
    expiresAt: new Date(request.expiresAt).toISOString(),
    approveCode: request.approveCode,
  };
}

/** A waiting request as `mcpdash owner approve` lists it. */
export interface PendingSummary {
  code: string;
  clientName: string;
  clientKind: 'dcr' | 'cimd';
  clientUrl?: string;
  redirectHost: string;
  expiresAt: string;
}

export function pendingSummaries(pending: PendingRequests): PendingSummary[] {
  return pending.list().map((request) => ({
    code: request.approveCode,
    clientName: request.client.name,
    clientKind: request.client.kind,
    ...(request.client.kind === 'cimd' ? { clientUrl: request.client.id } : {}),
    redirectHost: redirectHost(request.redirectUri),
    expiresAt: new Date(request.expiresAt).toISOString(),
  }));
}

/**
 * Approves the request with this approve code for the owner at the machine (`mcpdash owner approve`): no password,
 * since running a command on the server's machine with its data directory is the owner's proof. Its consent page
 * then picks up where the browser goes next. Undefined when no waiting request has the code.
 */
export async function approveByCode(deps: ConsentDeps, code: string): Promise<PendingSummary | undefined> {
  const request = deps.pending.byCode(code);
  if (!request) return undefined;
  const [summary] = pendingSummaries({ ...deps.pending, list: () => [request] });
  deps.pending.settle(request.id, await answer(deps, request.id, 'approve'));
  return summary;
}

/** The request an answer is for; refused without the page's CSRF token (the answer changes nothing then). */
export function answerable(pending: PendingRequests, id: string, csrf: unknown): PendingRequest {
  const request = pending.get(id);
  if (!request) throw gone();
  if (typeof csrf !== 'string' || !safeEqual(csrf, request.csrf)) {
    throw new ForbiddenError('csrf_invalid', 'The form is missing its CSRF token or it does not match: reload the consent page.');
  }
  return request;
}

/** Finishes the request (once) and returns where the browser goes next. The caller has verified the owner. */
export async function answer(deps: ConsentDeps, id: string, decision: 'approve' | 'deny'): Promise<string> {
  const request = deps.pending.take(id);
  if (!request) throw gone();
  const issuer = deps.issuer();
  if (decision === 'deny') {
    return redirectWith(request.redirectUri, issuer, { error: 'access_denied', error_description: 'The owner declined.', state: request.state });
  }
  const nowMs = deps.now();
  const { client } = request;
  if (client.metadata) {
    const { metadata } = client;
    await deps.clients.saveMetadataClient(
      { id: metadata.id, kind: 'cimd', name: metadata.name, redirectUris: metadata.redirectUris, authMethod: 'none', grantTypes: metadata.grantTypes },
      nowMs,
    );
  }
  // Until its code is exchanged the client has no grant: keep a flood of registrations from pushing it out.
  deps.pending.approved(client.id);
  const code = newSecret(PREFIX.code);
  await deps.grants.putCode(sha256(code), {
    kind: 'code',
    clientId: client.id,
    clientName: client.name,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scope: request.scope,
    resource: request.resource,
    expiresAt: nowMs + CODE_TTL_MS,
    keepUntil: nowMs + CODE_TTL_MS + CODE_KEPT_MS,
  });
  return redirectWith(request.redirectUri, issuer, { code, state: request.state });
}
