// One render at a time, a bounded queue, and a clear refusal beyond it.
import { describe, expect, test } from 'bun:test';
import { createRenderLimiter, RenderBusyError } from '../../../server/render/limiter.ts';

describe('createRenderLimiter', () => {
  test('runs one job at a time, lets two wait, refuses the next', async () => {
    const limiter = createRenderLimiter(2);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        releases.push(() => {
          running--;
          resolve();
        });
      });
    const accepted = [limiter.run(job), limiter.run(job), limiter.run(job)];
    await expect(limiter.run(job)).rejects.toBeInstanceOf(RenderBusyError);
    expect(limiter.pending()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await Bun.sleep(1);
      releases.shift()!();
    }
    await Promise.all(accepted);
    expect(most).toBe(1);
    expect(limiter.pending()).toBe(0);
  });

  test('keeps going after a job fails', async () => {
    const limiter = createRenderLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 7)).toBe(7);
  });
});
