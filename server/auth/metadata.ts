// The discovery documents: authorization server metadata (RFC 8414) and protected resource metadata (RFC 9728),
// the latter built with the SDK's helper (which also refuses an issuer that is neither https nor loopback unless
// told otherwise).
import { buildOAuthProtectedResourceMetadata, getOAuthProtectedResourceMetadataUrl, type OAuthMetadata } from '@modelcontextprotocol/server';
import { GRANT_TYPES, TOKEN_AUTH_METHODS } from './registration.ts';
import { SUPPORTED_SCOPES } from './resource.ts';

/** Everything Claude and the MCP authorization spec look for, with the issuer exactly the public URL. */
export function authorizationServerMetadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    registration_endpoint: `${issuer}/register`,
    revocation_endpoint: `${issuer}/revoke`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: [...GRANT_TYPES],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: [...TOKEN_AUTH_METHODS],
    revocation_endpoint_auth_methods_supported: [...TOKEN_AUTH_METHODS],
    scopes_supported: [...SUPPORTED_SCOPES],
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
  } satisfies OAuthMetadata & Record<string, unknown>;
}

/** The resource metadata for <issuer>/mcp. An http issuer is the owner's choice (loopback, or a LAN without TLS; the banner warns). */
export function protectedResourceMetadata(issuer: string) {
  const metadata = buildOAuthProtectedResourceMetadata({
    oauthMetadata: authorizationServerMetadata(issuer),
    resourceServerUrl: new URL(`${issuer}/mcp`),
    scopesSupported: [...SUPPORTED_SCOPES],
    resourceName: 'mcpdash',
    dangerouslyAllowInsecureIssuerUrl: new URL(issuer).protocol === 'http:',
  });
  return { ...metadata, bearer_methods_supported: ['header'] };
}

let lastIssuer: string | undefined;
let lastMetadataUrl = '';

/** <public-url>/.well-known/oauth-protected-resource/mcp, as named in the 401 challenge. */
export function resourceMetadataUrl(issuer: string): string {
  // Asked on every /mcp request; the issuer changes only when the port becomes known.
  if (issuer !== lastIssuer) {
    lastMetadataUrl = getOAuthProtectedResourceMetadataUrl(new URL(`${issuer}/mcp`));
    lastIssuer = issuer;
  }
  return lastMetadataUrl;
}
