// A refused bearer decision as the answer OAuth clients act on: 401 with the discovery challenge, or the SDK's
// invalid_token / insufficient_scope challenge.
import { describe, expect, test } from 'bun:test';
import { OAuthError, OAuthErrorCode } from '@modelcontextprotocol/server';
import { bearerRefusalResponse } from '../../../server/http/bearer-response.ts';

const challenge = { resourceMetadataUrl: 'https://dash.example.test/.well-known/oauth-protected-resource/mcp', requiredScopes: ['mcp'] };

describe('bearerRefusalResponse', () => {
  test('no token: 401 whose challenge names the resource metadata and the scope, and no error (RFC 6750 §3.1)', async () => {
    const res = bearerRefusalResponse({ kind: 'missing', ...challenge });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${challenge.resourceMetadataUrl}", scope="mcp"`);
    expect((await res.json()).error).toBe('invalid_token');
  });

  test('a refused token: 401 invalid_token or 403 insufficient_scope, each with the metadata URL; a fault is a bare 500', async () => {
    const invalid = bearerRefusalResponse({ kind: 'refused', error: new OAuthError(OAuthErrorCode.InvalidToken, 'gone'), ...challenge });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(invalid.headers.get('www-authenticate')).toContain(`resource_metadata="${challenge.resourceMetadataUrl}"`);
    const scope = bearerRefusalResponse({ kind: 'refused', error: new OAuthError(OAuthErrorCode.InsufficientScope, 'no'), ...challenge });
    expect(scope.status).toBe(403);
    const fault = bearerRefusalResponse({ kind: 'refused', error: new Error('db at /srv/secret closed'), ...challenge });
    expect(fault.status).toBe(500);
    expect(await fault.text()).not.toContain('secret');
  });
});
