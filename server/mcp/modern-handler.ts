// The 2026-07-28 era: sessionless, every request carries its own `_meta` envelope. The SDK's createMcpHandler
// serves it from a per-request server (server/discover, resultType, ttlMs/cacheScope, Mcp-Method/Mcp-Name checks,
// input_required multi-round-trips); 2025-era traffic never reaches it (`legacy: 'reject'`).
import { createMcpHandler, type McpHttpHandler, type McpServer, type ServerEventBus } from '@modelcontextprotocol/server';
import { resetForReuse } from './session/sdk-internals.ts';

export interface ModernHandlerOptions {
  createServer: () => McpServer;
  bus?: ServerEventBus;
  onError?: (error: Error) => void;
}

/** Finished servers kept for the next requests: enough for the requests in flight on a small machine. */
const MAX_IDLE_SERVERS = 64;

export function createModernHandler(options: ModernHandlerOptions): McpHttpHandler {
  // Building a server registers every tool and resource (and with --conformance-fixtures some fifty fixtures):
  // that cost more than the request itself. When an exchange ends the SDK closes its server, which resets the
  // connection state; with the per-request client identity cleared it can serve the next request.
  const idle: McpServer[] = [];
  const factory = () => {
    const server = idle.pop() ?? options.createServer();
    // createMcpHandler chains its own close hook in front of this one and calls it when the exchange is over.
    server.server.onclose = () => {
      resetForReuse(server);
      if (idle.length < MAX_IDLE_SERVERS) idle.push(server);
    };
    return server;
  };
  return createMcpHandler(factory, { legacy: 'reject', onerror: options.onError, ...(options.bus ? { bus: options.bus } : {}) });
}
