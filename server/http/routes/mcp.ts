// /mcp over HTTP: access (bearer token, per-client bound), a bounded body, then the plain Request (and the body as
// read) to the MCP endpoint
// (which knows no Hono). Refusals on the way are thrown and answered as JSON-RPC errors.
import { Hono, type MiddlewareHandler } from 'hono';
import { readBoundedBody } from '../middleware/body-limit.ts';
import { AppError, idPrefix } from '../../errors.ts';
import type { McpEndpoint } from '../../mcp/endpoint.ts';
import type { AppEnv } from '../env.ts';
import { answerAppErrors, jsonRpcErrorResponse } from '../error-response.ts';

export interface McpRoutesDeps {
  endpoint: McpEndpoint;
  /** Largest request body (--max-body); bigger ones get 413 before anything is parsed. */
  maxBodyBytes: number;
  /** In front of the endpoint: bearer auth (auth on) and the per-client request bound (middleware/mcp-access.ts). */
  access?: MiddlewareHandler<AppEnv>;
}

export function createMcpRoutes(deps: McpRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(answerAppErrors(jsonRpcErrorResponse));
  // Access comes before the body is read.
  if (deps.access) app.use('/mcp', deps.access);
  const tooLarge = () => new AppError('payload_too_large', 413, `Payload Too Large: the request body exceeds ${deps.maxBodyBytes} bytes`);
  app.all('/mcp', async (c) => {
    // Read once, within the size and time bounds, and handed over as read: no copy of the request is made for it.
    const body = await readBoundedBody(c, { maxBytes: deps.maxBodyBytes, tooLarge });
    // Set by the access middleware when auth is on: a 2025-era session serves only the grant whose token created it.
    return deps.endpoint.handle(c.req.raw, {
      body,
      authInfo: c.get('authInfo'),
      grantId: c.get('principal')?.grantId,
      onSession: (sessionId) => c.set('session', idPrefix(sessionId)),
    });
  });
  return app;
}
