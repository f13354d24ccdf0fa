// Bounds on the in-chat views' long-polls: one wait at a time per view (a newer one ends the older), a call rate per
// view, and a cap on waits held open by the whole process, so no view (or many) can make the server spin or hoard.
export interface WaitGateOptions {
  /** Calls one view may make per window. */
  perViewCalls: number;
  windowMs: number;
  /** Waits open at once over all views; past it a call is answered at once. */
  maxOpen: number;
  /** Views remembered for the rate bound; the least recently seen are forgotten first. */
  maxViews: number;
  now?: () => number;
}

export type Admission = { ok: true; signal: AbortSignal; release: () => void } | { ok: false; retryAfterMs: number };

export interface WaitGate {
  /** Admit one wait of view `key`; a previous wait of the same view is ended (its signal aborts). */
  admit(key: string): Admission;
  openCount(): number;
}

export const DEFAULT_WAIT_GATE: WaitGateOptions = { perViewCalls: 120, windowMs: 60_000, maxOpen: 2_000, maxViews: 10_000 };

export function createWaitGate(options: WaitGateOptions = DEFAULT_WAIT_GATE): WaitGate {
  const now = options.now ?? Date.now;
  // Map order is recency: re-inserting on use makes the first key the least recently seen view.
  const calls = new Map<string, number[]>();
  const open = new Map<string, AbortController>();

  return {
    admit(key) {
      const t = now();
      const recent = (calls.get(key) ?? []).filter((at) => at > t - options.windowMs);
      calls.delete(key);
      if (recent.length >= options.perViewCalls) {
        calls.set(key, recent);
        return { ok: false, retryAfterMs: recent[0]! + options.windowMs - t };
      }
      recent.push(t);
      calls.set(key, recent);
      while (calls.size > options.maxViews) calls.delete(calls.keys().next().value as string);
      open.get(key)?.abort();
      if (open.size >= options.maxOpen) return { ok: false, retryAfterMs: 5_000 };
      const controller = new AbortController();
      open.set(key, controller);
      return {
        ok: true,
        signal: controller.signal,
        release: () => {
          if (open.get(key) === controller) open.delete(key);
        },
      };
    },
    openCount: () => open.size,
  };
}
