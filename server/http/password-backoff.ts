// How password attempts are bounded without letting anyone lock the owner out. Per address: five failures are free,
// then each failure locks the address for twice as long as the last (15 s, 30 s, 1 min, ... at most 1 h), so one
// address gets a few dozen guesses a day, not thousands. In total (all addresses together, for a guesser with many):
// past 30 attempts in 10 minutes the server does not refuse but slows, taking one attempt every 3 s in turn, so the
// owner's correct password still gets through (and a signed-in owner or `mcpdash owner approve` needs none).
// Every lock-out and every slow period is reported (log, console).
import { RateLimitError } from '../errors.ts';
import { createRateLimiter } from './rate-limit.ts';

export const FREE_FAILURES = 5;
export const FIRST_LOCK_MS = 15_000;
export const MAX_LOCK_MS = 3_600_000;
/** An address's failures are forgotten a day after its last one. */
const FORGET_MS = 24 * 3_600_000;
const MAX_ADDRESSES = 10_000;
/** Attempts over all addresses before slowing: enough for an owner who mistypes, across a few devices. */
export const TOTAL_FREE = { limit: 30, windowMs: 10 * 60_000 };
/** In a slow period: one attempt every 3 s, and nobody waits longer than 15 s (past that: 429 with Retry-After). */
export const SLOW_PACE_MS = 3_000;
export const SLOW_MAX_WAIT_MS = 15_000;

export interface Lockout {
  address: string;
  failures: number;
  until: number;
}

export interface PasswordBackoffEvents {
  /** An address is locked (after its `failures`-th failure) until `until`. */
  onLockout?: (lockout: Lockout) => void;
  /** Attempts over all addresses passed the free bound: they are paced from now on. */
  onSlowed?: () => void;
}

export interface PasswordBackoff {
  /** Before checking a password: throws RateLimitError while the address is locked; waits its turn in a slow period. */
  attempt(address: string): Promise<void>;
  failed(address: string): void;
  succeeded(address: string): void;
  /** Addresses locked now, and whether attempts are being slowed (for the console). */
  state(): { locked: Lockout[]; slowed: boolean };
}

interface Record {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

export function createPasswordBackoff(options: PasswordBackoffEvents & { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}): PasswordBackoff {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const records = new Map<string, Record>();
  const total = createRateLimiter({ ...TOTAL_FREE, maxKeys: 1, now });
  /** When the next paced attempt may run; in the past when nobody waits. */
  let nextSlot = 0;
  let slowedUntil = 0;

  const current = (address: string): Record | undefined => {
    const record = records.get(address);
    if (record && now() - record.lastFailure > FORGET_MS) {
      records.delete(address);
      return undefined;
    }
    return record;
  };

  return {
    async attempt(address) {
      const record = current(address);
      const nowMs = now();
      if (record && record.lockedUntil > nowMs) {
        const seconds = Math.ceil((record.lockedUntil - nowMs) / 1000);
        throw new RateLimitError(`Too many wrong passwords from this address; try again in ${seconds} s.`, seconds);
      }
      if (total.take('all').ok && nextSlot <= nowMs) return;
      // A slow period: take the next slot in turn, unless the queue is already longer than anyone should wait.
      const slot = Math.max(nowMs, nextSlot);
      const wait = slot - nowMs;
      if (wait > SLOW_MAX_WAIT_MS) {
        const seconds = Math.ceil(wait / 1000);
        throw new RateLimitError(`Many password attempts are arriving; try again in ${seconds} s.`, seconds);
      }
      if (slowedUntil <= nowMs) options.onSlowed?.();
      nextSlot = slot + SLOW_PACE_MS;
      slowedUntil = nextSlot + 60_000;
      if (wait > 0) await sleep(wait);
    },

    failed(address) {
      const nowMs = now();
      const record = current(address) ?? { failures: 0, lockedUntil: 0, lastFailure: nowMs };
      record.failures++;
      record.lastFailure = nowMs;
      if (record.failures >= FREE_FAILURES) {
        record.lockedUntil = nowMs + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (record.failures - FREE_FAILURES));
        options.onLockout?.({ address, failures: record.failures, until: record.lockedUntil });
      }
      // Recency order: the address that failed longest ago is forgotten first.
      records.delete(address);
      records.set(address, record);
      if (records.size > MAX_ADDRESSES) records.delete(records.keys().next().value as string);
    },

    succeeded(address) {
      records.delete(address);
    },

    state() {
      const nowMs = now();
      const locked = [...records].filter(([, r]) => r.lockedUntil > nowMs).map(([address, r]) => ({ address, failures: r.failures, until: r.lockedUntil }));
      return { locked, slowed: slowedUntil > nowMs };
    },
  };
}
