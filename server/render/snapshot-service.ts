// Runs snapshots in one lazily started worker thread, one at a time per process: a few requests wait their turn,
// more are refused (see limiter.ts), and a render that hangs is cut off and its worker replaced.
import { AppError, NotFoundError } from '../errors.ts';
import type { Dashboard } from '../dashboard/schema.ts';
import { createRenderLimiter } from './limiter.ts';
import type { RenderReply, RenderRequest, WorkerSnapshot } from './render-protocol.ts';
import type { SnapshotOptions } from './snapshot.ts';

export interface SnapshotService {
  snapshot(doc: Dashboard, options: SnapshotOptions): Promise<WorkerSnapshot>;
  /** Stops the worker (it is started again on the next snapshot). */
  close(): void;
  /** Whether a worker is alive now (it stops after idleMs without snapshots). */
  workerRunning(): boolean;
}

export interface SnapshotServiceOptions {
  /** Snapshots allowed to wait while one is drawn. */
  maxWaiting?: number;
  /** A render taking longer is abandoned (its worker is terminated). */
  timeoutMs?: number;
  /**
   * The worker is stopped after this long without a snapshot: its WebAssembly memory never shrinks (a 4 MiB document
   * leaves it at hundreds of MB), and the next snapshot only pays the cold start again (about 2 s).
   */
  idleMs?: number;
}

export class SnapshotFailedError extends AppError {
  constructor(message: string) {
    super('snapshot_failed', 500, message);
  }
}

/**
 * From source, the worker file beside this one. In the compiled binary scripts/build.ts embeds the worker as a second
 * entrypoint, which Bun stores under its path below server/ (the entrypoints' common folder) next to the main bundle.
 */
function workerUrl(): URL {
  return Bun.isStandaloneExecutable ? new URL('./render/render-worker.js', Bun.pathToFileURL(Bun.main)) : new URL('./render-worker.ts', import.meta.url);
}

function startWorker(): Worker {
  // ref: false (the default, said here on purpose): an idle worker must not keep the process alive at shutdown.
  return new Worker(workerUrl(), { ref: false });
}

export function createSnapshotService(options: SnapshotServiceOptions = {}): SnapshotService {
  const limiter = createRenderLimiter(options.maxWaiting ?? 3);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const idleMs = options.idleMs ?? 5 * 60_000;
  let worker: Worker | undefined;
  let nextId = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const drop = () => {
    clearTimeout(idle);
    worker?.terminate();
    worker = undefined;
  };
  const stopWhenIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (limiter.pending() === 0) drop();
    }, idleMs);
    // The idle timer must not keep a stopping process alive.
    idle.unref?.();
  };

  const renderOnce = (doc: Dashboard, snapshotOptions: SnapshotOptions) =>
    new Promise<WorkerSnapshot>((resolve, reject) => {
      clearTimeout(idle);
      worker ??= startWorker();
      const current = worker;
      const id = ++nextId;
      const finish = () => {
        clearTimeout(timer);
        current.removeEventListener('message', onMessage);
        current.removeEventListener('error', onError);
      };
      const onMessage = (event: MessageEvent<RenderReply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        finish();
        if (!reply.ok && reply.broken) drop();
        else stopWhenIdle();
        if (reply.ok) resolve(reply.snapshot);
        else if (reply.code === 'not_found') reject(new NotFoundError(reply.message));
        else reject(new SnapshotFailedError(`the snapshot could not be drawn (${reply.message.slice(0, 200)}); nothing was changed`));
      };
      const onError = (event: ErrorEvent) => {
        finish();
        drop();
        reject(new SnapshotFailedError(`the snapshot renderer stopped (${event.message}); try again`));
      };
      const timer = setTimeout(() => {
        finish();
        drop();
        reject(new SnapshotFailedError(`the snapshot took longer than ${Math.round(timeoutMs / 1000)} s and was abandoned; try a smaller width or one widget`));
      }, timeoutMs);
      current.addEventListener('message', onMessage);
      current.addEventListener('error', onError);
      const request: RenderRequest = { id, doc, options: snapshotOptions };
      current.postMessage(request);
    });

  return {
    snapshot: (doc, snapshotOptions) => limiter.run(() => renderOnce(doc, snapshotOptions)),
    close: drop,
    workerRunning: () => worker !== undefined,
  };
}
