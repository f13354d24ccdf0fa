// /mcp over HTTP: bounds the body, then hands the plain Request to the MCP endpoint (which knows no Hono).
import { Hono } from 'hono';
import { bodyLimit } from '../middleware/body-limit.ts';
import { idPrefix } from '../../errors.ts';
import type { McpEndpoint } from '../../mcp/endpoint.ts';
import { rpcError } from '../../mcp/rpc-error.ts';
import type { AppEnv } from '../env.ts';

export interface McpRoutesDeps {
  endpoint: McpEndpoint;
  /** Largest request body (--max-body); bigger ones get 413 before anything is parsed. */
  maxBodyBytes: number;
}

export function createMcpRoutes(deps: McpRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const tooLarge = () => rpcError(413, -32000, `Payload Too Large: the request body exceeds ${deps.maxBodyBytes} bytes`);
  app.use('/mcp', bodyLimit({ maxBytes: deps.maxBodyBytes, tooLarge }));
  app.all('/mcp', (c) => {
    // Set by the bearer-auth middleware in front of this route when auth is on: a 2025-era session serves only the
    // grant whose token created it.
    return deps.endpoint.handle(c.req.raw, {
      authInfo: c.get('authInfo'),
      grantId: c.get('principal')?.grantId,
      onSession: (sessionId) => c.set('session', idPrefix(sessionId)),
    });
  });
  return app;
}
