// Rebuilds an MCP session after a restart or an eviction from memory.
// The SDK (1.32.x) has no public API for this (typescript-sdk #1658, #1882), so this is the ONE place that touches
// its private fields. test/server/mcp/rehydrate.test.ts fails loudly if an SDK upgrade renames them.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { SessionRecord } from '../store/sessions.ts';

interface TransportInternals {
  sessionId?: string;
  _initialized: boolean;
}

interface ServerInternals {
  _clientCapabilities?: unknown;
  _clientVersion?: unknown;
}

/** Names of the private fields relied on; exported for the test that guards SDK upgrades. */
export const SDK_PRIVATE_FIELDS = {
  transport: ['_initialized'],
  server: ['_clientCapabilities', '_clientVersion'],
} as const;

/**
 * Make a fresh stateful transport + server behave as if `initialize` had happened for `record`:
 * the transport accepts the session id, and the server knows the client's capabilities (sampling, elicitation...).
 */
export function rehydrateSession(transport: WebStandardStreamableHTTPServerTransport, server: McpServer, record: SessionRecord): void {
  const t = transport as unknown as TransportInternals;
  if (!('_initialized' in t)) throw new Error('MCP SDK changed: transport._initialized is gone; update server/mcp/rehydrate.ts');
  t.sessionId = record.id;
  t._initialized = true;
  const s = server.server as unknown as ServerInternals;
  s._clientCapabilities = record.clientCapabilities ?? {};
  s._clientVersion = record.clientInfo;
}
