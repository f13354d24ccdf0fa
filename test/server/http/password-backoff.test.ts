// Password attempts: escalating per address, slowed (never refused outright at first) in total, and every lock-out told.
import { describe, expect, test } from 'bun:test';
import { createPasswordBackoff, type Lockout } from '../../../server/http/password-backoff.ts';
import { RateLimitError } from '../../../server/errors.ts';

function clock() {
  let t = 1_000_000;
  const slept: number[] = [];
  return { now: () => t, advance: (ms: number) => (t += ms), sleep: async (ms: number) => void (slept.push(ms), (t += ms)), slept };
}

async function refusal(promise: Promise<unknown>): Promise<RateLimitError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RateLimitError);
    return error as RateLimitError;
  }
  throw new Error('expected a refusal');
}

describe('password back-off', () => {
  test('five failures are free; then each locks the address twice as long as the last, up to an hour', async () => {
    const c = clock();
    const lockouts: Lockout[] = [];
    const backoff = createPasswordBackoff({ now: c.now, sleep: c.sleep, onLockout: (l) => lockouts.push(l) });
    for (let i = 0; i < 4; i++) {
      await backoff.attempt('a');
      backoff.failed('a');
    }
    expect(lockouts).toEqual([]);
    const seconds: number[] = [];
    for (let i = 0; i < 12; i++) {
      await backoff.attempt('a');
      backoff.failed('a');
      const error = await refusal(backoff.attempt('a'));
      seconds.push(error.retryAfterSeconds);
      c.advance(error.retryAfterSeconds * 1000);
    }
    expect(seconds).toEqual([15, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]);
    expect(lockouts.map((l) => l.failures)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    // Another address is not affected.
    await backoff.attempt('b');
  });

  test('the correct password clears the address; a day without failures forgets it', async () => {
    const c = clock();
    const backoff = createPasswordBackoff({ now: c.now, sleep: c.sleep });
    for (let i = 0; i < 5; i++) backoff.failed('a');
    await refusal(backoff.attempt('a'));
    backoff.succeeded('a');
    await backoff.attempt('a');
    for (let i = 0; i < 4; i++) backoff.failed('b');
    c.advance(25 * 3_600_000);
    backoff.failed('b');
    await backoff.attempt('b');
  });

  test('past 30 attempts in 10 minutes over all addresses, attempts are slowed to one every 3 s instead of refused', async () => {
    const c = clock();
    let slowed = 0;
    const backoff = createPasswordBackoff({ now: c.now, sleep: async (ms) => void c.slept.push(ms), onSlowed: () => slowed++ });
    for (let i = 0; i < 30; i++) await backoff.attempt(`10.0.0.${i}`);
    expect(c.slept).toEqual([]);
    // Six more at the same moment: each waits its turn (the first at once), the queue never longer than 15 s.
    for (let i = 0; i < 6; i++) await backoff.attempt(`10.0.1.${i}`);
    expect(c.slept).toEqual([3_000, 6_000, 9_000, 12_000, 15_000]);
    expect(slowed).toBe(1);
    expect(backoff.state().slowed).toBe(true);
    const full = await refusal(backoff.attempt('owner'));
    expect(full.retryAfterSeconds).toBe(18);
    // As the queue drains, the owner's attempt gets its turn.
    c.advance(20_000);
    await backoff.attempt('owner');
  });

  test('lists the addresses locked now, for the console', async () => {
    const c = clock();
    const backoff = createPasswordBackoff({ now: c.now, sleep: c.sleep });
    for (let i = 0; i < 5; i++) backoff.failed('203.0.113.5');
    expect(backoff.state()).toEqual({ locked: [{ address: '203.0.113.5', failures: 5, until: c.now() + 15_000 }], slowed: false });
    c.advance(15_001);
    expect(backoff.state().locked).toEqual([]);
  });
});
