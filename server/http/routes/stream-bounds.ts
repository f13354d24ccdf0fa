// How many page streams may be open at once, per dashboard, per address on one dashboard, and in all: a page past a
// bound is told to come back later (429) instead of each open stream costing memory, a subscription and a timer
// without end. The per-address share keeps one viewer (or one script) from taking every seat of a shared link.

export interface StreamBoundsOptions {
  /** Open streams of one dashboard (people watching the same link). */
  perDashboard: number;
  /** Open streams of one dashboard from one client address (its share of perDashboard). */
  perAddress: number;
  /** Open streams of all dashboards together. */
  total: number;
}

/**
 * 10 of 50: one address keeps enough for a person's tabs and devices, and at least five addresses can always watch.
 * Behind a tunnel without --trust-proxy every viewer is 127.0.0.1 and shares one share (the server says so).
 */
export const DEFAULT_STREAM_BOUNDS: Readonly<StreamBoundsOptions> = { perDashboard: 50, perAddress: 10, total: 1_000 };

/** The per-address share for a per-dashboard bound (--max-viewers): a fifth, at least one. */
export function addressShare(perDashboard: number): number {
  return Math.max(1, Math.ceil(perDashboard / 5));
}

export interface StreamBounds {
  /** Takes a place for a stream of `id` from `address`; a refusal says which bound is full. Every taken place must be released once. */
  take(id: string, address: string): { ok: true } | { ok: false; message: string };
  release(id: string, address: string): void;
  open(id?: string): number;
}

function decrement(counts: Map<string, number>, key: string): boolean {
  const here = counts.get(key) ?? 0;
  if (here <= 0) return false;
  if (here === 1) counts.delete(key);
  else counts.set(key, here - 1);
  return true;
}

export function createStreamBounds(options: StreamBoundsOptions): StreamBounds {
  const perDashboard = new Map<string, number>();
  const perAddress = new Map<string, number>();
  const addressLimit = Math.min(options.perAddress, options.perDashboard);
  let total = 0;
  const addressKey = (id: string, address: string) => `${id}\n${address}`;
  return {
    take(id, address) {
      const here = perDashboard.get(id) ?? 0;
      const mine = perAddress.get(addressKey(id, address)) ?? 0;
      if (mine >= addressLimit) {
        return { ok: false, message: `This dashboard is open in ${mine} pages from your address already, the most one address may keep live; close one, or the page retries by itself.` };
      }
      if (here >= options.perDashboard) {
        return { ok: false, message: `This dashboard is open in ${here} pages already, the most this server keeps live; the page retries by itself.` };
      }
      if (total >= options.total) {
        return { ok: false, message: `This server keeps ${total} pages live already, its most; the page retries by itself.` };
      }
      perDashboard.set(id, here + 1);
      perAddress.set(addressKey(id, address), mine + 1);
      total++;
      return { ok: true };
    },
    release(id, address) {
      if (!decrement(perDashboard, id)) return;
      decrement(perAddress, addressKey(id, address));
      total--;
    },
    open: (id) => (id === undefined ? total : perDashboard.get(id) ?? 0),
  };
}
