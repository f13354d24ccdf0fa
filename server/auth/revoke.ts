// POST /revoke (RFC 7009): a client ends its own grant by presenting its access or refresh token. Unknown tokens
// and other clients' tokens are answered the same way (200), so the endpoint tells nobody which tokens exist.
import type { ClientStore } from '../store/auth-clients.ts';
import type { GrantStore } from '../store/auth-grants.ts';
import { authenticateClient } from './client-auth.ts';
import { invalidRequest } from './oauth-error.ts';
import { sha256 } from './secrets.ts';

export interface RevokeDeps {
  clients: ClientStore;
  grants: GrantStore;
  now: () => number;
}

export async function revokeToken(deps: RevokeDeps, form: URLSearchParams, authorization: string | undefined): Promise<void> {
  const nowMs = deps.now();
  const client = authenticateClient(deps.clients, form, authorization, nowMs);
  const token = form.get('token');
  if (!token) throw invalidRequest('token is missing');
  const grant = deps.grants.grantOfToken(sha256(token));
  // Either token ends the whole grant: the access token alone would leave its refresh token able to mint more.
  if (grant && grant.clientId === client.id) await deps.grants.revokeGrant(grant.id, nowMs);
}
