// In front of /mcp: with auth on, the bearer token must be valid (else 401 with the discovery challenge) and its
// principal is set for the endpoint; then each client (per grant, or per address with auth off) gets its share of
// requests, over which it is refused 429 with Retry-After while other clients are served as before.
import type { MiddlewareHandler } from 'hono';
import type { BearerDecision } from '../../auth/bearer.ts';
import type { AppEnv } from '../env.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { RateLimitError } from '../../errors.ts';
import { bearerRefusalResponse } from '../bearer-response.ts';

export interface McpAccessOptions {
  /** Auth on: the bearer gate. Auth off: undefined, and requests are counted per client address. */
  gate: ((request: Request) => Promise<BearerDecision>) | undefined;
  limiter: RateLimiter;
}

export function mcpAccess(options: McpAccessOptions): MiddlewareHandler<AppEnv> {
  return async function checkMcpAccess(c, next) {
    let key = `address ${c.get('clientAddress')}`;
    if (options.gate) {
      const decision = await options.gate(c.req.raw);
      // A challenge, not an error: its shape is fixed by RFC 6750 whatever the protocol behind it.
      if (decision.kind !== 'allowed') return bearerRefusalResponse(decision);
      c.set('principal', decision.principal);
      c.set('authInfo', decision.authInfo);
      key = `grant ${decision.principal.grantId}`;
    }
    const decision = options.limiter.take(key);
    if (!decision.ok) {
      throw new RateLimitError(`Too many requests from this client; retry in ${decision.retryAfterSeconds} s.`, decision.retryAfterSeconds);
    }
    await next();
  };
}
