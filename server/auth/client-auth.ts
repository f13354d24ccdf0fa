// Who calls /token and /revoke: client_id (with client_secret for a confidential client) in the form body, or
// HTTP Basic. A registration that is gone is invalid_client (401): Claude then registers again.
import type { ClientRecord } from '../store/auth.ts';
import type { ClientStore } from '../store/auth-clients.ts';
import { invalidClient, invalidRequest } from './oauth-error.ts';
import { safeEqual, sha256 } from './secrets.ts';

/** client_id and client_secret from `Authorization: Basic` (RFC 6749 §2.3.1: each form-urlencoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return undefined;
  }
}

export function authenticateClient(clients: ClientStore, form: URLSearchParams, authorization: string | undefined, nowMs: number): ClientRecord {
  const basic = basicCredentials(authorization);
  const formId = form.get('client_id') ?? undefined;
  if (basic && formId !== undefined && formId !== basic.id) throw invalidRequest('client_id differs between the body and the Authorization header');
  const clientId = basic?.id ?? formId;
  if (!clientId) throw invalidClient('client_id is missing');
  const client = clients.get(clientId, nowMs);
  if (!client) throw invalidClient('This client is not registered (it may have expired or been revoked): register again.');
  if (client.authMethod === 'client_secret_post') {
    const secret = basic?.secret ?? form.get('client_secret') ?? '';
    if (!client.secretHash || !safeEqual(sha256(secret), client.secretHash)) throw invalidClient('The client secret is missing or wrong.');
  }
  return client;
}
