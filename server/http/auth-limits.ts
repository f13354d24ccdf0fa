// The per-client bounds of the auth surface: password attempts (escalating per address, slowed in total: see
// password-backoff.ts), token and authorization requests per address, MCP requests per client. Registrations have
// no per-address bound (a tunnel makes every client one address): the store bounds them (store/auth-clients.ts).
import { createRateLimiter, type RateDecision, type RateLimiter } from './rate-limit.ts';
import { RateLimitError } from '../errors.ts';
import { createPasswordBackoff, type Lockout, type PasswordBackoffEvents } from './password-backoff.ts';

const MINUTE = 60_000;

export interface AuthLimits {
  /** Before one password check for `address`: throws RateLimitError while it is locked out; waits in a slow period. */
  passwordAttempt(address: string): Promise<void>;
  /** A wrong password (or setup code): counts towards the address's escalating lock-out. */
  passwordFailed(address: string): void;
  /** A correct password clears the address's failed attempts. */
  passwordAccepted(address: string): void;
  /** Addresses locked out now and whether attempts are slowed (the console shows both). */
  passwordState(): { locked: Lockout[]; slowed: boolean };
  token: RateLimiter;
  authorize: RateLimiter;
  /** Keyed by grant id (auth on) or client address (auth off). */
  mcp: RateLimiter;
}

export interface AuthLimitOptions extends PasswordBackoffEvents {
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
  const password = createPasswordBackoff({ now, onLockout: options.onLockout, onSlowed: options.onSlowed });
  return {
    passwordAttempt: password.attempt,
    passwordFailed: password.failed,
    passwordAccepted: password.succeeded,
    passwordState: password.state,
    token: createRateLimiter({ limit: 120, windowMs: MINUTE, now }),
    authorize: createRateLimiter({ limit: 60, windowMs: MINUTE, now }),
    mcp: createRateLimiter({ limit: options.mcpPerMinute, windowMs: MINUTE, now }),
  };
}
