// The expiry index ([expiresAtMs, kind, id]) and the sweeper that deletes what has expired.
// The sweeper reads only index keys below "now", so its cost grows with what expired, not with what is stored.
import type { ExpiryKind, Store } from './db.ts';

/** Move an entry in the expiry index. Call inside a write transaction together with the record's own write. */
export function moveExpiry(store: Store, kind: ExpiryKind, id: string, oldAtMs: number | undefined, newAtMs: number | undefined): void {
  if (oldAtMs !== undefined && oldAtMs !== newAtMs) store.expiry.remove([oldAtMs, kind, id]);
  if (newAtMs !== undefined) store.expiry.put([newAtMs, kind, id], null);
}

/**
 * Deletes one expired record inside the sweeper's transaction. Returns true when it really removed something
 * (the record may have been extended since the index entry was written, or already be gone).
 */
export type ExpiredRemover = (id: string, nowMs: number) => boolean;

export interface SweeperOptions {
  intervalMs: number;
  /** Most index entries handled per write transaction, so a large backlog never blocks writers for long. */
  batchSize?: number;
  now?: () => number;
  /** One per kind in use; an index entry of a kind without a remover is dropped. */
  removers: Partial<Record<ExpiryKind, ExpiredRemover>>;
  /** Called after the commit for each record removed (e.g. to tell live subscribers). */
  onRemoved?: (kind: ExpiryKind, id: string) => void;
  onError?: (error: unknown) => void;
}

export interface Sweeper {
  /** Run one full sweep now; resolves with the number of records removed. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export function startSweeper(store: Store, options: SweeperOptions): Sweeper {
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 500;
  let running: Promise<number> | undefined;
  let stopped = false;

  const sweepBatch = async (nowMs: number): Promise<{ removed: [ExpiryKind, string][]; more: boolean }> => {
    return store.root.transaction(() => {
      const removed: [ExpiryKind, string][] = [];
      let seen = 0;
      // end is exclusive: every key whose expiresAtMs <= nowMs sorts before [nowMs + 1].
      for (const key of store.expiry.getKeys({ end: [nowMs + 1], limit: batchSize })) {
        seen++;
        const [, kind, id] = key;
        store.expiry.remove(key);
        if (options.removers[kind]?.(id, nowMs)) removed.push([kind, id]);
      }
      return { removed, more: seen === batchSize };
    });
  };

  const sweep = (): Promise<number> => {
    if (running) return running;
    running = (async () => {
      let total = 0;
      const nowMs = now();
      for (;;) {
        const { removed, more } = await sweepBatch(nowMs);
        total += removed.length;
        for (const [kind, id] of removed) options.onRemoved?.(kind, id);
        if (!more || stopped) break;
        // Let request handlers run between batches.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer = setInterval(() => {
    sweep().catch((error) => options.onError?.(error));
  }, options.intervalMs);
  timer.unref?.();

  return {
    sweep,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
