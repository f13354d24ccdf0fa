// Keyed token buckets: bursts up to the limit, refill over the window, Retry-After from the refill rate.
import { describe, expect, test } from 'bun:test';
import { createRateLimiter } from '../../../server/http/rate-limit.ts';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter', () => {
  test('allows a burst up to the limit, then refuses with a Retry-After that is enough to be served', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    const refused = limiter.take('a');
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 20 });
    c.advance(19_000);
    expect(limiter.take('a').ok).toBe(false);
    c.advance(1_000);
    expect(limiter.take('a').ok).toBe(true);
  });

  test('keeps keys apart, and a refusal takes nothing', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('b').ok).toBe(true);
    for (let i = 0; i < 5; i++) expect(limiter.take('a').ok).toBe(false);
    c.advance(1_000);
    expect(limiter.take('a').ok).toBe(true);
  });

  test('peek does not take, reset forgets', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    expect(limiter.peek('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.peek('a').ok).toBe(false);
    limiter.reset('a');
    expect(limiter.take('a').ok).toBe(true);
  });

  test('remembers at most maxKeys keys, forgetting the least recently seen', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2, now: c.now });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // 'a' is forgotten and starts again with a full bucket
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('c').ok).toBe(false);
  });
});
