// Dynamic Client Registration (RFC 7591): accepts what Claude sends (client_secret_post, authorization_code +
// refresh_token, its auth_callback redirects; Claude Code's nulls for fields it leaves empty) and stores the client.
import { z } from 'zod';
import type { ClientStore } from '../store/auth-clients.ts';
import { displayName } from './client-name.ts';
import { invalidClientMetadata, invalidRedirectUri, OAuthRequestError } from './oauth-error.ts';
import { redirectUriProblem } from './redirect-uri.ts';
import { newId, newSecret, PREFIX, sha256 } from './secrets.ts';

export const TOKEN_AUTH_METHODS = ['none', 'client_secret_post'] as const;
export const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;

const optionalText = (max: number) => z.string().max(max).nullish();

/** Unknown members are dropped (RFC 7591 §2: the server ignores what it does not understand). */
const registrationRequest = z.object({
  redirect_uris: z.array(z.string()).min(1, 'at least one redirect URI is needed').max(10, 'at most 10 redirect URIs'),
  token_endpoint_auth_method: z.string().max(100).nullish(),
  grant_types: z.array(z.string().max(100)).max(10).nullish(),
  response_types: z.array(z.string().max(100)).max(10).nullish(),
  client_name: optionalText(1000),
  scope: optionalText(1000),
  client_uri: optionalText(2048),
  logo_uri: optionalText(2048),
  software_id: optionalText(1000),
  software_version: optionalText(1000),
});

export interface RegistrationResponse {
  client_id: string;
  client_id_issued_at: number;
  client_secret?: string;
  client_secret_expires_at?: number;
  client_name: string;
  redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: string;
  scope?: string;
}

/** `inUse`: registrations with an authorization under way, kept over other unused ones when slots run out. */
export async function registerClient(clients: ClientStore, body: unknown, nowMs: number, inUse?: (clientId: string) => boolean): Promise<RegistrationResponse> {
  const parsed = registrationRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidClientMetadata(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not a registration request'}`);
  }
  const request = parsed.data;
  for (const uri of request.redirect_uris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw invalidRedirectUri(problem);
  }
  const authMethod = request.token_endpoint_auth_method ?? 'none';
  if (!(TOKEN_AUTH_METHODS as readonly string[]).includes(authMethod)) {
    throw invalidClientMetadata(`token_endpoint_auth_method '${authMethod.slice(0, 50)}' is not supported: use none or client_secret_post`);
  }
  const grantTypes = request.grant_types ?? ['authorization_code'];
  if (!grantTypes.includes('authorization_code') || grantTypes.some((g) => !(GRANT_TYPES as readonly string[]).includes(g))) {
    throw invalidClientMetadata('grant_types must include authorization_code and may add refresh_token, nothing else');
  }
  const responseTypes = request.response_types ?? ['code'];
  if (responseTypes.some((r) => r !== 'code')) throw invalidClientMetadata("response_types may only be ['code']");

  const clientId = newId('mcpd_c_');
  const secret = authMethod === 'client_secret_post' ? newSecret(PREFIX.clientSecret) : undefined;
  const name = displayName(request.client_name, 'Unnamed client');
  const scope = request.scope ?? undefined;
  const stored = await clients.register(
    {
      id: clientId,
      kind: 'dcr',
      name,
      redirectUris: request.redirect_uris,
      authMethod: authMethod as 'none' | 'client_secret_post',
      ...(secret ? { secretHash: sha256(secret) } : {}),
      grantTypes,
      ...(scope ? { scope } : {}),
    },
    nowMs,
    inUse,
  );
  if (stored === 'full') {
    throw new OAuthRequestError(
      'temporarily_unavailable',
      'Every client slot is taken by a connected client: the owner can revoke one in the mcpdash console.',
      503,
    );
  }
  return {
    client_id: clientId,
    client_id_issued_at: Math.floor(nowMs / 1000),
    ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
    client_name: name,
    redirect_uris: request.redirect_uris,
    grant_types: grantTypes,
    response_types: responseTypes,
    token_endpoint_auth_method: authMethod,
    ...(scope ? { scope } : {}),
  };
}
