// A refused bearer decision as the HTTP answer that starts (or restarts) OAuth discovery: 401 with
// `WWW-Authenticate: Bearer resource_metadata=..., scope=...`, or the SDK's challenge for a refused token.
import { bearerAuthChallengeResponse } from '@modelcontextprotocol/server';
import type { BearerDecision } from '../auth/bearer.ts';

export function bearerRefusalResponse(decision: Exclude<BearerDecision, { kind: 'allowed' }>): Response {
  const { resourceMetadataUrl, requiredScopes } = decision;
  if (decision.kind === 'refused') return bearerAuthChallengeResponse(decision.error, { resourceMetadataUrl, requiredScopes });
  return Response.json(
    { error: 'invalid_token', error_description: 'This MCP server needs a token: discover its authorization server from the resource metadata.' },
    { status: 401, headers: { 'WWW-Authenticate': `Bearer resource_metadata="${resourceMetadataUrl}", scope="${requiredScopes.join(' ')}"` } },
  );
}
