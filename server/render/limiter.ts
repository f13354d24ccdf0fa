// Snapshots are CPU-heavy: one runs at a time per process, a few wait their turn, more are refused with an error
// that tells the model to try again shortly.
import { AppError } from '../errors.ts';

export class RenderBusyError extends AppError {
  constructor(message: string) {
    super('busy', 503, message);
  }
}

export interface RenderLimiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Running plus waiting. */
  pending(): number;
}

export function createRenderLimiter(maxWaiting: number): RenderLimiter {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run(work) {
      if (pending > maxWaiting) {
        return Promise.reject(new RenderBusyError(`${pending} snapshots are already being drawn or waiting; nothing was drawn. Try again in a few seconds.`));
      }
      pending++;
      const result = tail.then(work);
      tail = result.catch(() => undefined).finally(() => pending--);
      return result;
    },
    pending: () => pending,
  };
}
