// A small LRU of each dashboard's page JSON, bounded by entry count and by bytes (documents can be 4 MiB each).
import type { Dashboard } from '../dashboard/schema.ts';

export interface CachedView {
  doc: Dashboard;
  json: string;
  expiresAtMs: number;
}

export interface ViewCache {
  get(id: string): CachedView | undefined;
  set(id: string, view: CachedView): void;
  delete(id: string): void;
}

export function createViewCache(limits: { maxEntries: number; maxBytes: number }): ViewCache {
  // Map order is recency: re-inserting on read makes the first key the least recently used.
  const views = new Map<string, CachedView>();
  let bytes = 0;
  const remove = (id: string) => {
    const view = views.get(id);
    if (!view) return;
    bytes -= view.json.length;
    views.delete(id);
  };
  return {
    get(id) {
      const view = views.get(id);
      if (view) {
        views.delete(id);
        views.set(id, view);
      }
      return view;
    },
    set(id, view) {
      remove(id);
      // The decoded document costs about as much again as its JSON; count the JSON twice.
      if (view.json.length * 2 > limits.maxBytes) return;
      views.set(id, view);
      bytes += view.json.length;
      while (views.size > limits.maxEntries || bytes * 2 > limits.maxBytes) remove(views.keys().next().value as string);
    },
    delete: remove,
  };
}
