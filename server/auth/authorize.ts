// GET /authorize: checks an authorization request and parks it for the owner's answer on the consent page.
// An unknown client or an unregistered redirect URI is refused on an error page (redirecting there would hand
// an attacker a redirector); any other fault goes back to the client's redirect URI with iss (RFC 9207).
import type { ClientStore } from '../store/auth-clients.ts';
import { isMetadataClientId, type CimdFetcher } from './cimd.ts';
import { OAuthRequestError } from './oauth-error.ts';
import type { PendingClient, PendingRequests } from './pending-requests.ts';
import { grantedScope, sameResource } from './resource.ts';

export interface AuthorizeDeps {
  clients: ClientStore;
  cimd: CimdFetcher;
  pending: PendingRequests;
  issuer: () => string;
  /** <public-url>/mcp: the only resource tokens are issued for. */
  resource: () => string;
  now: () => number;
}

export type AuthorizeOutcome =
  | { kind: 'consent'; requestId: string }
  | { kind: 'redirect'; location: string }
  /** Shown on an error page; the request is not sent back anywhere. */
  | { kind: 'refused'; message: string };

// RFC 7636 §4.2: 43..128 characters of the unreserved set; S256 challenges are exactly 43.
const CODE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;
const MAX_STATE = 2048;

/** `redirectUri` with the given answer parameters and iss added (its own query is kept). */
export function redirectWith(redirectUri: string, issuer: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  url.searchParams.set('iss', issuer);
  return url.href;
}

async function findClient(deps: AuthorizeDeps, clientId: string): Promise<{ client: PendingClient; redirectUris: string[] } | string> {
  if (isMetadataClientId(clientId)) {
    try {
      const metadata = await deps.cimd.get(clientId);
      return { client: { id: clientId, kind: 'cimd', name: metadata.name, metadata }, redirectUris: metadata.redirectUris };
    } catch (error) {
      return error instanceof OAuthRequestError ? error.description : 'The client metadata document cannot be used.';
    }
  }
  const record = deps.clients.get(clientId, deps.now());
  if (!record) return 'This client is not registered here (its registration may have expired): connect again from the client so it registers anew.';
  return { client: { id: record.id, kind: 'dcr', name: record.name }, redirectUris: record.redirectUris };
}

export async function startAuthorization(deps: AuthorizeDeps, query: URLSearchParams): Promise<AuthorizeOutcome> {
  const once = (name: string) => (query.getAll(name).length > 1 ? null : (query.get(name) ?? undefined));
  const clientId = once('client_id');
  const requestedRedirect = once('redirect_uri');
  if (clientId === null || requestedRedirect === null) return { kind: 'refused', message: 'client_id and redirect_uri may appear only once.' };
  if (!clientId) return { kind: 'refused', message: 'The request names no client_id.' };

  const found = await findClient(deps, clientId);
  if (typeof found === 'string') return { kind: 'refused', message: found };
  const { client, redirectUris } = found;
  // Exact string match (no prefix or pattern matching: those are how open redirectors happen).
  const redirectUri = requestedRedirect ?? (redirectUris.length === 1 ? redirectUris[0] : undefined);
  if (!redirectUri) return { kind: 'refused', message: 'The request names no redirect_uri and the client registered several.' };
  if (!redirectUris.includes(redirectUri)) return { kind: 'refused', message: 'The redirect_uri is not one this client registered.' };

  const state = once('state');
  const fail = (error: string, description: string): AuthorizeOutcome => ({
    kind: 'redirect',
    location: redirectWith(redirectUri, deps.issuer(), { error, error_description: description, state: typeof state === 'string' ? state.slice(0, MAX_STATE) : undefined }),
  });
  for (const name of ['response_type', 'state', 'code_challenge', 'code_challenge_method', 'scope']) {
    if (query.getAll(name).length > 1) return fail('invalid_request', `${name} may appear only once`);
  }
  if (typeof state === 'string' && state.length > MAX_STATE) return fail('invalid_request', `state is longer than ${MAX_STATE} characters`);
  if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'only response_type=code is supported');
  const challenge = query.get('code_challenge');
  if (!challenge) return fail('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256');
  if (query.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'only code_challenge_method=S256 is supported (plain is refused)');
  if (!CODE_CHALLENGE.test(challenge)) return fail('invalid_request', 'code_challenge is not a PKCE challenge (43 to 128 unreserved characters)');
  const resource = deps.resource();
  if (query.getAll('resource').some((given) => !sameResource(given, resource))) {
    return fail('invalid_target', `this server issues tokens only for ${resource}`);
  }

  const request = deps.pending.add({
    client,
    redirectUri,
    state: state ?? undefined,
    codeChallenge: challenge,
    scope: grantedScope(query.get('scope')),
    resource,
  });
  return { kind: 'consent', requestId: request.id };
}
