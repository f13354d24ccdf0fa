// The 2026-07-28 era: sessionless, every request carries its own `_meta` envelope. The SDK's createMcpHandler
// serves it from a per-request server (server/discover, resultType, ttlMs/cacheScope, Mcp-Method/Mcp-Name checks,
// input_required multi-round-trips); 2025-era traffic never reaches it (`legacy: 'reject'`).
import { createMcpHandler, type McpHttpHandler, type McpServer, type ServerEventBus } from '@modelcontextprotocol/server';

export interface ModernHandlerOptions {
  createServer: () => McpServer;
  bus?: ServerEventBus;
  onError?: (error: Error) => void;
}

export function createModernHandler(options: ModernHandlerOptions): McpHttpHandler {
  return createMcpHandler(() => options.createServer(), { legacy: 'reject', onerror: options.onError, ...(options.bus ? { bus: options.bus } : {}) });
}
