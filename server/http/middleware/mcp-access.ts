// In front of /mcp: with auth on, the bearer token must be valid (else 401 with the discovery challenge) and its
// principal is set for the endpoint; then each client (per grant, or per address with auth off) gets its share of
// requests, over which it is answered 429 with Retry-After while other clients are served as before.
import type { MiddlewareHandler } from 'hono';
import type { BearerResult } from '../../auth/bearer.ts';
import type { AppEnv } from '../env.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { RateLimitError } from '../../errors.ts';
import { jsonRpcErrorResponse } from '../error-response.ts';

export interface McpAccessOptions {
  /** Auth on: the bearer gate. Auth off: undefined, and requests are counted per client address. */
  gate: ((request: Request) => Promise<BearerResult>) | undefined;
  limiter: RateLimiter;
}

export function mcpAccess(options: McpAccessOptions): MiddlewareHandler<AppEnv> {
  return async function checkMcpAccess(c, next) {
    let key = `address ${c.get('clientAddress')}`;
    if (options.gate) {
      const result = await options.gate(c.req.raw);
      if (result instanceof Response) return result;
      c.set('principal', result.principal);
      c.set('authInfo', result.authInfo);
      key = `grant ${result.principal.grantId}`;
    }
    const decision = options.limiter.take(key);
    if (!decision.ok) {
      return jsonRpcErrorResponse(new RateLimitError(`Too many requests from this client; retry in ${decision.retryAfterSeconds} s.`, decision.retryAfterSeconds));
    }
    await next();
  };
}
