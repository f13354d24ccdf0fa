// How many page streams may be open at once, per dashboard and in all: a page past a bound is told to come back
// later (429) instead of each open stream costing memory, a subscription and a timer without end.

export interface StreamBoundsOptions {
  /** Open streams of one dashboard (people watching the same link). */
  perDashboard: number;
  /** Open streams of all dashboards together. */
  total: number;
}

export const DEFAULT_STREAM_BOUNDS: Readonly<StreamBoundsOptions> = { perDashboard: 50, total: 1_000 };

export interface StreamBounds {
  /** Takes a place for a stream of `id`; a refusal says which bound is full. Every taken place must be released once. */
  take(id: string): { ok: true } | { ok: false; message: string };
  release(id: string): void;
  open(id?: string): number;
}

export function createStreamBounds(options: StreamBoundsOptions): StreamBounds {
  const perDashboard = new Map<string, number>();
  let total = 0;
  return {
    take(id) {
      const here = perDashboard.get(id) ?? 0;
      if (here >= options.perDashboard) {
        return { ok: false, message: `This dashboard is open in ${here} pages already, the most this server keeps live; the page retries by itself.` };
      }
      if (total >= options.total) {
        return { ok: false, message: `This server keeps ${total} pages live already, its most; the page retries by itself.` };
      }
      perDashboard.set(id, here + 1);
      total++;
      return { ok: true };
    },
    release(id) {
      const here = perDashboard.get(id) ?? 0;
      if (here <= 0) return;
      if (here === 1) perDashboard.delete(id);
      else perDashboard.set(id, here - 1);
      total--;
    },
    open: (id) => (id === undefined ? total : perDashboard.get(id) ?? 0),
  };
}
