// What tokens are for: the one protected resource (<public-url>/mcp) and the scopes mcpdash knows.

/** `mcp` covers every tool; `offline_access` is accepted because clients ask for it to get refresh tokens. */
export const SUPPORTED_SCOPES = ['mcp', 'offline_access'] as const;
/** The scope a token must carry to use /mcp (and the one named in the 401 challenge). */
export const MCP_SCOPE = 'mcp';

/** RFC 8707 resource values compared as Claude sends them: with or without one trailing slash. */
export function sameResource(given: string, resource: string): boolean {
  const strip = (value: string) => (value.endsWith('/') ? value.slice(0, -1) : value);
  return strip(given) === strip(resource);
}

/** The scope granted for a request: the known scopes asked for, always including mcp (what the tools need). */
export function grantedScope(requested: string | null | undefined): string {
  const asked = new Set((requested ?? '').split(' ').filter(Boolean));
  return SUPPORTED_SCOPES.filter((scope) => scope === MCP_SCOPE || asked.has(scope)).join(' ');
}
