// The per-client bounds of the auth surface: password attempts (per address and in total: behind a tunnel every
// client is 127.0.0.1), registrations, token and authorization requests per address, MCP requests per client.
import { createRateLimiter, type RateDecision, type RateLimiter } from './rate-limit.ts';
import { RateLimitError } from '../errors.ts';

const MINUTE = 60_000;

export interface AuthLimits {
  /** Takes one password attempt for `address`; throws RateLimitError when its bound or the total one is reached. */
  passwordAttempt(address: string): void;
  /** A correct password clears the address's failed attempts. */
  passwordAccepted(address: string): void;
  registration: RateLimiter;
  token: RateLimiter;
  authorize: RateLimiter;
  /** Keyed by grant id (auth on) or client address (auth off). */
  mcp: RateLimiter;
}

export interface AuthLimitOptions {
  mcpPerMinute: number;
  now?: () => number;
}

/** What a person or client is told when a bound is reached. */
export function tooManyMessage(what: string, retryAfterSeconds: number): string {
  return `Too many ${what}; try again in ${retryAfterSeconds} s.`;
}

/** A refused decision as the error the routes answer 429 with. */
export function refuse(decision: RateDecision, what: string): void {
  if (!decision.ok) throw new RateLimitError(tooManyMessage(what, decision.retryAfterSeconds), decision.retryAfterSeconds);
}

export function createAuthLimits(options: AuthLimitOptions): AuthLimits {
  const now = options.now;
  const passwordByAddress = createRateLimiter({ limit: 10, windowMs: 10 * MINUTE, now });
  // All addresses together: enough for an owner who mistypes, far too few to guess a password.
  const passwordTotal = createRateLimiter({ limit: 30, windowMs: 10 * MINUTE, maxKeys: 1, now });
  return {
    passwordAttempt(address) {
      refuse(passwordByAddress.take(address), 'password attempts from this address');
      refuse(passwordTotal.take('all'), 'password attempts');
    },
    passwordAccepted(address) {
      passwordByAddress.reset(address);
    },
    registration: createRateLimiter({ limit: 20, windowMs: 60 * MINUTE, now }),
    token: createRateLimiter({ limit: 120, windowMs: MINUTE, now }),
    authorize: createRateLimiter({ limit: 60, windowMs: MINUTE, now }),
    mcp: createRateLimiter({ limit: options.mcpPerMinute, windowMs: MINUTE, now }),
  };
}
