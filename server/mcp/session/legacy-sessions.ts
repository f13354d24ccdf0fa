// The 2025-era session layer in front of the SDK's streamable HTTP transport: create, validate, rehydrate and
// delete durable sessions, serve clients that never send Mcp-Session-Id, and answer the protocol's status-code
// cases itself (the SDK alone would say 400 for an unknown session after a restart; the spec wants 404).
import {
  legacyStatelessFallback,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
  type LegacyHttpHandler,
  type McpServer,
} from '@modelcontextprotocol/server';
import { UUID_V4_PATTERN } from '../../dashboard/document-rules.ts';
import { StorageFullError } from '../../errors.ts';
import type { McpRequestContext } from '../request-context.ts';
import { rpcError } from '../rpc-error.ts';
import type { LiveSession, SessionCache } from './session-cache.ts';

export interface LegacySessionsOptions {
  cache: SessionCache;
  createServer: () => McpServer;
  strictSessions: boolean;
  onError?: (error: Error) => void;
}

interface InitializeParams {
  protocolVersion?: string;
  clientInfo?: { name: string; version: string };
  capabilities?: Record<string, unknown>;
}

const sessionNotFound = () =>
  rpcError(404, -32001, 'Session not found: it expired, was deleted, or never existed. Start a new session with initialize.');

/** The request's id, for an error answered before the SDK sees the request. */
const echoId = (message: { id?: unknown }) => (typeof message.id === 'string' || typeof message.id === 'number' ? message.id : null);

/** The revision the SDK will answer an initialize with: the client's when it is a 2025-era one we speak, else our newest. */
const negotiatedVersion = (requested: string | undefined) =>
  requested !== undefined && SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : SUPPORTED_PROTOCOL_VERSIONS[0]!;

export function createLegacySessions(options: LegacySessionsOptions) {
  const { cache } = options;
  // A client that never sent Mcp-Session-Id: the SDK's per-request stateless serving (a throwaway server).
  const sessionless: LegacyHttpHandler = legacyStatelessFallback(() => options.createServer(), options.onError);

  /**
   * The live session for a request's id, or undefined (answered 404): unknown, expired, deleted, malformed, or
   * created under another grant. A session is not a credential: with auth on, only its own grant may use it.
   */
  const sessionFor = (sessionId: string, context: McpRequestContext): LiveSession | undefined => {
    context.onSession?.(sessionId);
    // Session ids are UUIDv4 minted here; anything else cannot be ours and is answered 404 without a store lookup.
    if (!UUID_V4_PATTERN.test(sessionId)) return undefined;
    const entry = cache.get(sessionId.toLowerCase());
    if (!entry || entry.record.grantId !== context.grantId) return undefined;
    return entry;
  };

  /** Answer through a live session: colliding ids remapped, activity recorded, stream counted until it ends. */
  const viaSession = async (entry: LiveSession, request: Request, context: McpRequestContext, parsed?: unknown): Promise<Response> => {
    // Count the stream before any await, so the idle evictor never closes a session a request is about to use.
    cache.touch(entry);
    entry.openStreams++;
    const messages = parsed === undefined ? undefined : ((Array.isArray(parsed) ? parsed : [parsed]) as JSONRPCMessage[]);
    const ticket = messages ? entry.remapper.inbound(messages) : undefined;
    const done = () => {
      entry.openStreams--;
      ticket?.release();
    };
    let response: Response;
    try {
      await entry.ready;
      response = await entry.transport.handleRequest(request, { authInfo: context.authInfo, ...(parsed !== undefined ? { parsedBody: parsed } : {}) });
    } catch (error) {
      done();
      throw error;
    }
    return entry.remapper.outbound(response, done, { rewrite: ticket?.remapped ?? false, flushHeaders: request.method === 'GET' });
  };

  return {
    async post(request: Request, parsed: unknown, context: McpRequestContext): Promise<Response> {
      const accept = request.headers.get('accept') ?? '';
      if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
        return rpcError(406, -32000, 'Not Acceptable: the Accept header must list both application/json and text/event-stream');
      }
      const messages = Array.isArray(parsed) ? parsed : [parsed];
      if (messages.length === 0 || messages.some((m) => typeof m !== 'object' || m === null)) {
        return rpcError(400, -32600, 'Invalid Request: expected a JSON-RPC message or a non-empty batch');
      }
      const init = messages.find((m) => (m as { method?: unknown }).method === 'initialize') as { id?: unknown; params?: InitializeParams } | undefined;
      if (init) {
        try {
          cache.assertRoomForNew();
        } catch (error) {
          // The SDK would turn a refusal inside initialize into a misleading "Parse error": answer it here.
          if (error instanceof StorageFullError) return rpcError(507, -32000, error.message, {}, echoId(init));
          throw error;
        }
        const entry = cache.createForInitialize({
          protocolVersion: negotiatedVersion(init.params?.protocolVersion),
          clientInfo: init.params?.clientInfo,
          capabilities: init.params?.capabilities,
          grantId: context.grantId,
        });
        context.onSession?.(entry.id);
        return viaSession(entry, request, context, parsed);
      }

      const sessionId = request.headers.get('mcp-session-id');
      if (sessionId !== null) {
        const entry = sessionFor(sessionId, context);
        return entry ? viaSession(entry, request, context, parsed) : sessionNotFound();
      }
      if (options.strictSessions) {
        return rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required (this server runs with --strict-sessions)');
      }
      return sessionless(request, { parsedBody: parsed, authInfo: context.authInfo });
    },

    async getOrDelete(request: Request, context: McpRequestContext): Promise<Response> {
      const sessionId = request.headers.get('mcp-session-id');
      if (sessionId === null) {
        // No session, no stream to offer (sessionless clients get everything on the POST response).
        return request.method === 'GET'
          ? rpcError(405, -32000, 'Method Not Allowed: open a session (initialize) before GET /mcp', { allow: 'POST, GET, DELETE' })
          : rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required');
      }
      const entry = sessionFor(sessionId, context);
      return entry ? viaSession(entry, request, context) : sessionNotFound();
    },
  };
}
