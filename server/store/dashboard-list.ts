// The owner console's view of the dashboards: id, title and times, newest change first. Only the console reads it.
import type { DashboardHeader } from './dashboards.ts';

export interface DashboardListing {
  id: string;
  title: string;
  updatedAt: string;
  expiresAt: string;
}

/** Live dashboards' headers (from DashboardStore.list), most recently changed first, at most `limit`; `total` counts them all. */
export function listDashboards(headers: DashboardHeader[], limit: number): { items: DashboardListing[]; total: number } {
  const items = headers.map(({ id, title, updatedAt, expiresAt }) => ({ id, title, updatedAt, expiresAt }));
  items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { items: items.slice(0, limit), total: items.length };
}
