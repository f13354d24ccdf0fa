// Keyed token buckets: "at most N per window for each key", with a bounded number of keys remembered.
// Used for every per-client bound (MCP requests, password attempts, registrations, page feedback).

export interface RateLimitOptions {
  /** Requests a key may make in a burst, and per window on average. */
  limit: number;
  windowMs: number;
  /** Keys remembered; the least recently seen are forgotten first (they start again with a full bucket). */
  maxKeys?: number;
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Take one token for `key`; refused (nothing taken) when its bucket is empty. */
  take(key: string): RateDecision;
  /** Whether `key` could take a token now, without taking one. */
  peek(key: string): RateDecision;
  /** Forget `key` (e.g. a successful sign-in clears its failed attempts). */
  reset(key: string): void;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const refillPerMs = limit / windowMs;
  // Map order is recency: re-inserting on use makes the first key the least recently seen.
  const buckets = new Map<string, Bucket>();

  const current = (key: string): Bucket => {
    const nowMs = now();
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: limit, updatedMs: nowMs };
    const tokens = Math.min(limit, bucket.tokens + (nowMs - bucket.updatedMs) * refillPerMs);
    return { tokens, updatedMs: nowMs };
  };

  const decide = (bucket: Bucket): RateDecision =>
    bucket.tokens >= 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };

  return {
    take(key) {
      const bucket = current(key);
      const decision = decide(bucket);
      if (decision.ok) bucket.tokens -= 1;
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      return decision;
    },
    peek(key) {
      return decide(current(key));
    },
    reset(key) {
      buckets.delete(key);
    },
  };
}
