// How much data the store holds: the pages of every sub-database. A stand-in until the data budget
// (server/store/budget.ts, with --max-data) lands: its usage() then answers the console instead, with the budget.
import type { Store } from './db.ts';

export interface Usage {
  usedBytes: number;
  /** The data budget, when one is configured. */
  budgetBytes?: number;
}

interface PageStats {
  pageSize: number;
  treeBranchPageCount: number;
  treeLeafPageCount: number;
  overflowPages: number;
}

export function usage(store: Store): Usage {
  let usedBytes = 0;
  // Every sub-database the Store opens, whichever helper added it (the root's own stats only list their names).
  for (const [name, value] of Object.entries(store)) {
    if (name === 'root' || typeof (value as { getStats?: unknown })?.getStats !== 'function') continue;
    const stats = (value as { getStats(): PageStats }).getStats();
    usedBytes += (stats.treeBranchPageCount + stats.treeLeafPageCount + stats.overflowPages) * stats.pageSize;
  }
  return { usedBytes };
}
