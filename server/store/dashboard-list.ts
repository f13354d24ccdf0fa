// The owner console's view of the dashboards: id, title and times, newest change first. Only the console reads it.
import type { Dashboard } from '../dashboard/schema.ts';
import type { Store } from './db.ts';

export interface DashboardListing {
  id: string;
  title: string;
  updatedAt: string;
  expiresAt: string;
}

/** Live dashboards (not past expiresAt), most recently changed first, at most `limit`; `total` counts them all. */
export function listDashboards(store: Store, nowMs: number, limit: number): { items: DashboardListing[]; total: number } {
  const items: DashboardListing[] = [];
  for (const { value } of store.dashboards.getRange({})) {
    const doc = value as Dashboard;
    if (Date.parse(doc.expiresAt) <= nowMs) continue;
    items.push({ id: doc.id, title: doc.title, updatedAt: doc.updatedAt, expiresAt: doc.expiresAt });
  }
  items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { items: items.slice(0, limit), total: items.length };
}
