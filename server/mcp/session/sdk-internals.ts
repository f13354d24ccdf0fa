// The ONE module that touches private fields of the MCP SDK (@modelcontextprotocol/server 2.x).
// Rebuilding a 2025-era session after a restart or an eviction from memory has no public API (v1: typescript-sdk
// #1658, #1882; v2 keeps the same transport), and neither has clearing a finished 2026-07-28 server's client
// identity so it can serve another request. test/server/mcp/session/sdk-internals.test.ts fails loudly if an SDK upgrade
// renames what is used here.
import type { McpServer, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import type { SessionRecord } from '../../store/sessions.ts';

interface TransportInternals {
  sessionId?: string;
  _initialized: boolean;
}

interface ServerInternals {
  _clientCapabilities?: unknown;
  _clientVersion?: unknown;
  _negotiatedProtocolVersion?: string;
}

/** Names of the private fields relied on; exported for the test that guards SDK upgrades. */
export const SDK_PRIVATE_FIELDS = {
  transport: ['_initialized'],
  server: ['_clientCapabilities', '_clientVersion', '_negotiatedProtocolVersion'],
} as const;

/**
 * Make a fresh stateful transport + server behave as if `initialize` had happened for `record`:
 * the transport accepts the session id, and the server knows the client's capabilities (sampling, elicitation...)
 * and the 2025-era revision it negotiated.
 */
export function rehydrateSession(transport: WebStandardStreamableHTTPServerTransport, server: McpServer, record: SessionRecord): void {
  const t = transport as unknown as TransportInternals;
  if (!('_initialized' in t)) throw new Error('MCP SDK changed: transport._initialized is gone; update server/mcp/session/sdk-internals.ts');
  t.sessionId = record.id;
  t._initialized = true;
  const s = server.server as unknown as ServerInternals;
  s._clientCapabilities = record.clientCapabilities ?? {};
  s._clientVersion = record.clientInfo;
  s._negotiatedProtocolVersion = record.protocolVersion;
}

/**
 * Forget the client identity a finished 2026-07-28 exchange seeded from its envelope, so a reused server never
 * answers one request with another's client info or capabilities. Call after the SDK has closed the exchange
 * (closing already resets the connection: transport, in-flight handlers, timeouts).
 */
export function resetForReuse(server: McpServer): void {
  const s = server.server as unknown as ServerInternals;
  s._clientCapabilities = undefined;
  s._clientVersion = undefined;
  s._negotiatedProtocolVersion = undefined;
}
