// /mcp: the session layer in front of the SDK transport — create, validate, rehydrate and delete sessions,
// serve sessionless clients, and answer the protocol's status-code cases itself (the SDK alone would say 400 for an
// unknown session after a restart; the spec wants 404).
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { SUPPORTED_PROTOCOL_VERSIONS, LATEST_PROTOCOL_VERSION, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { idPrefix } from '../errors.ts';
import type { SessionCache, LiveSession } from './session-cache.ts';

export interface McpEndpointOptions {
  cache: SessionCache;
  createServer: () => McpServer;
  strictSessions: boolean;
  maxBodyBytes: number;
}

// Session ids are UUIDv4 minted here; anything else cannot be ours and is answered 404 without a store lookup.
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const sessionNotFound = () =>
  rpcError(404, -32001, 'Session not found: it expired, was deleted, or never existed. Start a new session with initialize.');

export function createMcpEndpoint(options: McpEndpointOptions) {
  const { cache } = options;

  /** Answer through a live session: colliding ids remapped, activity recorded, stream counted until it ends. */
  const viaSession = async (entry: LiveSession, request: Request, messages?: JSONRPCMessage[], batch = false): Promise<Response> => {
    // Count the stream before any await, so the idle evictor never closes a session a request is about to use.
    cache.touch(entry);
    entry.openStreams++;
    const ticket = messages ? entry.remapper.inbound(messages) : undefined;
    const done = () => {
      entry.openStreams--;
      ticket?.release();
    };
    let response: Response;
    try {
      await entry.ready;
      response = await entry.transport.handleRequest(request, messages ? { parsedBody: batch ? messages : messages[0] } : undefined);
    } catch (error) {
      done();
      throw error;
    }
    return entry.remapper.outbound(response, done, { rewrite: ticket?.remapped ?? false, flushHeaders: request.method === 'GET' });
  };

  /** A client that never sent Mcp-Session-Id: a throwaway stateless transport + server for this one request. */
  const sessionless = async (request: Request, parsedBody: unknown): Promise<Response> => {
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    const server = options.createServer();
    const done = () => void server.close().catch(() => undefined);
    let response: Response;
    try {
      await server.connect(transport);
      response = await transport.handleRequest(request, { parsedBody });
    } catch (error) {
      done();
      throw error;
    }
    if (!response.body) {
      done();
      return response;
    }
    // Close the pair once the answer has been streamed out.
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const { done: finished, value } = await reader.read();
        if (finished) {
          controller.close();
          done();
        } else controller.enqueue(value);
      },
      cancel: async (reason) => {
        done();
        await reader.cancel(reason).catch(() => undefined);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };

  const post = async (c: Context<AppEnv>): Promise<Response> => {
    const request = c.req.raw;
    const accept = request.headers.get('accept') ?? '';
    if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
      return rpcError(406, -32000, 'Not Acceptable: the Accept header must list both application/json and text/event-stream');
    }
    const contentType = request.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      return rpcError(415, -32000, 'Unsupported Media Type: Content-Type must be application/json');
    }
    const body = await readBody(request, options.maxBodyBytes);
    if (body === 'too-large') return rpcError(413, -32000, `Payload Too Large: the request body exceeds ${options.maxBodyBytes} bytes`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return rpcError(400, -32700, 'Parse error: the body is not valid JSON');
    }
    const messages = (Array.isArray(parsed) ? parsed : [parsed]) as JSONRPCMessage[];
    if (messages.length === 0 || messages.some((m) => typeof m !== 'object' || m === null)) {
      return rpcError(400, -32600, 'Invalid Request: expected a JSON-RPC message or a non-empty batch');
    }
    const init = messages.find((m) => (m as { method?: string }).method === 'initialize') as
      | { params?: { protocolVersion?: string; clientInfo?: { name: string; version: string }; capabilities?: Record<string, unknown> } }
      | undefined;
    const sessionId = request.headers.get('mcp-session-id');

    if (init) {
      const requested = init.params?.protocolVersion ?? '';
      const entry = cache.createForInitialize({
        protocolVersion: SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION,
        clientInfo: init.params?.clientInfo,
        capabilities: init.params?.capabilities,
      });
      c.set('session', idPrefix(entry.id));
      return viaSession(entry, request, messages, Array.isArray(parsed));
    }

    if (sessionId !== null) {
      const entry = SESSION_ID.test(sessionId) ? cache.get(sessionId.toLowerCase()) : undefined;
      c.set('session', idPrefix(sessionId));
      if (!entry) return sessionNotFound();
      return viaSession(entry, request, messages, Array.isArray(parsed));
    }

    if (options.strictSessions) {
      return rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required (this server runs with --strict-sessions)');
    }
    return sessionless(request, parsed);
  };

  const getOrDelete = async (c: Context<AppEnv>): Promise<Response> => {
    const sessionId = c.req.header('mcp-session-id');
    if (sessionId === undefined) {
      // No session, no stream to offer (sessionless clients get everything on the POST response).
      return c.req.method === 'GET'
        ? rpcError(405, -32000, 'Method Not Allowed: open a session (initialize) before GET /mcp', { allow: 'POST, GET, DELETE' })
        : rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required');
    }
    c.set('session', idPrefix(sessionId));
    const entry = SESSION_ID.test(sessionId) ? cache.get(sessionId.toLowerCase()) : undefined;
    if (!entry) return sessionNotFound();
    return viaSession(entry, c.req.raw);
  };

  return {
    handle(c: Context<AppEnv>): Promise<Response> | Response {
      switch (c.req.method) {
        case 'POST':
          return post(c);
        case 'GET':
        case 'DELETE':
          return getOrDelete(c);
        default:
          return rpcError(405, -32000, 'Method Not Allowed', { allow: 'POST, GET, DELETE' });
      }
    },
  };
}

/** Read at most `limit` bytes; 'too-large' as soon as the body (declared or streamed) goes over. */
async function readBody(request: Request, limit: number): Promise<string | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return 'too-large';
  // A declared length within the limit is enforced by the HTTP layer: read it in one native call (the fast path).
  if (Number.isFinite(declared)) return request.text();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
