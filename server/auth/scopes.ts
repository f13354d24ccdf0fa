// What a static token may do: write (everything, as every OAuth client), append (feed data) or read. The limit
// travels in the token's scope list next to `mcp`, so the MCP tool layer reads it from the verified token.
import { MCP_SCOPE } from './resource.ts';

export const TOKEN_SCOPES = ['write', 'append', 'read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Scope words that limit a token; OAuth grants never carry them (grantedScope keeps only the supported scopes). */
const LIMIT_SCOPES: Record<Exclude<TokenScope, 'write'>, string> = { append: 'mcpdash:append', read: 'mcpdash:read' };

/** The scope string stored on a static token's grant; `write` stays plain `mcp`, as tokens made before scopes were. */
export function grantScopeFor(scope: TokenScope): string {
  return scope === 'write' ? MCP_SCOPE : `${MCP_SCOPE} ${LIMIT_SCOPES[scope]}`;
}

/** The scope of a token from its scopes (undefined: auth off, full access); the narrowest limit wins. */
export function tokenScopeOf(scopes: readonly string[] | undefined): TokenScope {
  if (!scopes) return 'write';
  if (scopes.includes(LIMIT_SCOPES.read)) return 'read';
  if (scopes.includes(LIMIT_SCOPES.append)) return 'append';
  return 'write';
}
