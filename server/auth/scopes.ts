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

/**
 * The tools a limited token may call, always on a dashboard it is given (it can create none). Reads that change
 * nothing: feedback_read is not one of them (it marks the people's answers read and they are meant for the owner's
 * assistant); dashboard_open is not either (it creates dashboards, renames and extends them). The in-chat view's
 * reads (view_load, view_wait) are reads; its view_send writes a person's answer, so it is not.
 */
const READ_TOOLS = ['dashboard_get', 'dashboard_history', 'dashboard_snapshot', 'dashboard_show', 'view_load', 'view_wait'] as const;
export const LIMITED_SCOPE_TOOLS: Readonly<Record<Exclude<TokenScope, 'write'>, readonly string[]>> = {
  read: READ_TOOLS,
  append: [...READ_TOOLS, 'data_append'],
};

/** What a scope allows, in words for the person who creates the token (the in-chat view's own tools left unsaid). */
export function scopeMeaning(scope: TokenScope): string {
  if (scope === 'write') return 'every tool, on every dashboard whose id it is given';
  const tools = LIMITED_SCOPE_TOOLS[scope].filter((tool) => !tool.startsWith('view_'));
  return `only ${tools.slice(0, -1).join(', ')} and ${tools.at(-1)}, on dashboards whose id it is given`;
}
