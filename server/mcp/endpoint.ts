// /mcp: Request -> Response for both protocol eras on one URL, with no configuration. A 2026-07-28 request (it
// carries the per-request `_meta` envelope) goes to the SDK's stateless handler; everything else is a 2025-era
// request and goes to mcpdash's own durable session layer (server/mcp/session/). No Hono, no HTTP layer:
// the body-size limit, host/origin checks and bearer auth happen before this is called.
import { isJsonContentType, isLegacyRequest, PROTOCOL_VERSION_META_KEY, type McpServer, type ServerEventBus } from '@modelcontextprotocol/server';
import { bodyTooDeep } from './body-depth.ts';
import { createModernHandler } from './modern-handler.ts';
import type { McpRequestContext } from './request-context.ts';
import { rpcError } from './rpc-error.ts';
import { createLegacySessions } from './session/legacy-sessions.ts';
import type { SessionCache } from './session/session-cache.ts';

export interface McpEndpointOptions {
  cache: SessionCache;
  createServer: () => McpServer;
  strictSessions: boolean;
  /** What 2026-07-28 subscriptions/listen streams follow. */
  bus?: ServerEventBus;
  onError?: (error: Error) => void;
}

export interface McpEndpoint {
  handle(request: Request, context?: McpRequestContext): Promise<Response>;
  /** End open-ended streams (2025 GET streams) so in-flight requests can drain on shutdown. */
  endStreams(): void;
  close(): Promise<void>;
}

/** Protocol revisions sort as dates: this one and later ones are sessionless (the 2026-07-28 era). */
const FIRST_MODERN_REVISION = '2026-07-28';

/**
 * True when a request cannot be a 2026-07-28 one: no message carries the envelope's protocol-version claim and the
 * MCP-Protocol-Version header (if any) names an earlier revision. The SDK's isLegacyRequest says the same for these
 * (no claim, no modern header: legacy) but validates the whole message to get there, about 14 us a request on the
 * hot 2025 path; anything this does not settle still goes to it.
 */
export function surelyLegacy(request: Request, parsed: unknown): boolean {
  const header = request.headers.get('mcp-protocol-version')?.trim();
  if (header !== undefined && header >= FIRST_MODERN_REVISION) return false;
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  return messages.every((message) => {
    if (message === null || typeof message !== 'object') return true;
    const meta = (message as { params?: { _meta?: unknown } }).params?._meta;
    return meta === null || typeof meta !== 'object' || !(PROTOCOL_VERSION_META_KEY in meta);
  });
}

const utf8 = new TextDecoder();

export function createMcpEndpoint(options: McpEndpointOptions): McpEndpoint {
  const modern = createModernHandler({ createServer: options.createServer, bus: options.bus, onError: options.onError });
  const legacy = createLegacySessions(options);

  const post = async (request: Request, context: McpRequestContext): Promise<Response> => {
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return rpcError(415, -32000, 'Unsupported Media Type: Content-Type must be application/json');
    }
    // The HTTP layer has already bounded the body (413, 408) and usually read it; reading it whole is safe.
    let parsed: unknown;
    try {
      parsed = JSON.parse(context.body !== undefined ? utf8.decode(context.body) : await request.text());
    } catch {
      return rpcError(400, -32700, 'Parse error: the body is not valid JSON');
    }
    const tooDeep = bodyTooDeep(parsed);
    if (tooDeep) return tooDeep;
    // The envelope decides the era: the SDK's own classification, given the parsed body (nothing is read twice),
    // unless a look at the envelope key and the version header already settles it.
    if (!surelyLegacy(request, parsed) && !(await isLegacyRequest(request, parsed))) {
      return modern.fetch(request, { parsedBody: parsed, authInfo: context.authInfo });
    }
    return legacy.post(request, parsed, context);
  };

  return {
    handle(request, context = {}) {
      switch (request.method) {
        case 'POST':
          return post(request, context);
        case 'GET':
        case 'DELETE':
          // Body-less session operations exist only in the 2025 era.
          return legacy.getOrDelete(request, context);
        default:
          return Promise.resolve(rpcError(405, -32000, 'Method Not Allowed', { allow: 'POST, GET, DELETE' }));
      }
    },
    endStreams: () => options.cache.endStandaloneStreams(),
    close: () => modern.close(),
  };
}
