// The one way MCP tools and HTTP reach dashboards: store write (one transaction), then a live update to the pages.
import type { Dashboard } from '../dashboard/schema.ts';
import { createDashboard, restoreRevision, setDashboard, type EditResult } from '../dashboard/edit.ts';
import type { Limits } from '../dashboard/limits.ts';
import { toView, widgetView } from '../dashboard/view.ts';
import { NotFoundError } from '../errors.ts';
import type { Live, UpdatePayload } from '../live.ts';
import { createViewCache } from './view-cache.ts';
import type { DashboardStore, WriteResult } from '../store/dashboards.ts';
import type { HistoryEntry, RequestKey } from '../store/history-entry.ts';

export interface DashboardServiceDeps {
  store: DashboardStore;
  live: Live;
  limits: Limits;
  ttlMs: number;
  now: () => number;
  /** Removes the records that live and die with a dashboard (its page feedback), inside the removing transaction. */
  removeAlongside?: (id: string) => void;
}

export interface OpenOptions {
  /** Title for a new dashboard; renames an existing one when it differs. */
  title?: string;
  /** Create the dashboard when it does not exist (or has expired); otherwise NotFoundError. */
  createIfMissing: boolean;
}

export interface ApplyOptions {
  /** Refuse with ConflictError unless the dashboard is at this revision. */
  expectedRevision?: number;
  /** Run the edit on a new empty dashboard when none exists (or it expired); otherwise NotFoundError. */
  createIfMissing?: boolean;
  /** Title of the dashboard created by createIfMissing. */
  title?: string;
  /** The caller's request id and content digest: a retry of a call already applied is not applied again. */
  request?: RequestKey;
}

/** A pure edit of an existing document (see server/dashboard/edit.ts); the service hands it its limits. */
export type Edit = (doc: Dashboard, limits: Limits) => EditResult;

export interface DashboardService {
  readonly limits: Limits;
  /** The clock every expiry decision uses (tests move it). */
  now(): number;
  /** Open for AI activity: create if allowed, otherwise slide the expiry. */
  open(id: string, options: OpenOptions): Promise<{ doc: Dashboard; created: boolean }>;
  /**
   * Apply an edit in one transaction, then tell the open pages. Resolves with the committed result, or (a retried
   * request) with `alreadyApplied` and nothing written.
   */
  apply(id: string, tool: string, edit: Edit, options?: ApplyOptions): Promise<WriteResult>;
  /** A read for pages and summaries: never extends expiry. Undefined when unknown or expired. */
  get(id: string): Dashboard | undefined;
  /** Whether a live dashboard has this id (reads no widgets). */
  exists(id: string): boolean;
  /**
   * What the page fetches: the document and its view as JSON text, cached per revision (a page load must not
   * decode and re-encode the whole document each time). Never extends expiry. Undefined when unknown or expired.
   */
  getView(id: string): { doc: Dashboard; json: string } | undefined;
  /** Recent revisions, newest first; NotFoundError when the dashboard is unknown or expired. */
  history(id: string, limit?: number): HistoryEntry[];
  /** Make an earlier revision's content current again, as a new revision. */
  restore(id: string, revision: number, options?: { expectedRevision?: number }): Promise<EditResult>;
  /**
   * Deletes a dashboard now (the owner's console): the document, its history and its page feedback in one
   * transaction, removed exactly as when it expires; its open pages are told. False when there was none.
   */
  delete(id: string): Promise<boolean>;
  /** Sweeper hook, inside the sweeper's transaction: removes the dashboard and what belongs to it if really expired. */
  removeIfExpired(id: string, nowMs: number): boolean;
  /** The sweeper removed the dashboard: tell the open pages. */
  onExpired(id: string): void;
  /**
   * Why a dashboard that cannot be read is not there: 'expired' when it is still stored past its time or was swept
   * since this process started (kept for the last EXPIRED_KEPT ids), 'unknown' otherwise. Call only after get/getView
   * found nothing.
   */
  gone(id: string): 'expired' | 'unknown';
}

/** Page views kept in memory; the least recently read go first. */
const VIEW_CACHE = { maxEntries: 256, maxBytes: 64 * 1024 * 1024 };

/** Recently expired ids remembered in memory, so a reload after the sweep still says "expired" (HTTP 410). */
const EXPIRED_KEPT = 10_000;

export const notFoundMessage = 'this dashboard does not exist or has expired: call dashboard_open to start a new one';

export function createDashboardService(deps: DashboardServiceDeps): DashboardService {
  const { store, live, limits, ttlMs, now } = deps;
  // Every write goes through this service, so dropping an entry on each write/expiry keeps the cache exact.
  const views = createViewCache(VIEW_CACHE);
  // Insertion-ordered: the oldest goes first once EXPIRED_KEPT is reached.
  const expired = new Set<string>();

  const publish = (id: string, result: EditResult) => {
    views.delete(id);
    const { doc } = result;
    const changed = new Set(result.changed);
    const data: UpdatePayload = {
      revision: doc.revision,
      updatedAt: doc.updatedAt,
      expiresAt: doc.expiresAt,
      title: doc.title,
      ...(doc.description !== undefined ? { description: doc.description } : {}),
      theme: doc.theme,
      feedback: doc.feedback !== false,
      order: doc.widgets.map((w) => w.id),
      changed: doc.widgets.filter((w) => changed.has(w.id)).map((w) => widgetView(w)),
      removed: result.removed,
    };
    live.publish(id, { type: 'update', revision: doc.revision, data });
  };

  /** Expired, swept or deleted: forget its page JSON, remember that it was here (a reload says 410), tell its pages. */
  const onExpired = (id: string) => {
    views.delete(id);
    expired.delete(id);
    expired.add(id);
    if (expired.size > EXPIRED_KEPT) expired.delete(expired.values().next().value!);
    live.publish(id, { type: 'expired' });
  };

  const apply = async (id: string, tool: string, edit: Edit, options: ApplyOptions = {}) => {
    const nowMs = now();
    const result = await store.write(
      id,
      (current) => {
        if (current) return edit(current, limits);
        if (!options.createIfMissing) throw new NotFoundError(notFoundMessage);
        const fresh = createDashboard({ id, title: options.title, now: new Date(nowMs), ttlMs });
        return edit(fresh, limits);
      },
      { tool, nowMs, expectedRevision: options.expectedRevision, ...(options.request ? { request: options.request } : {}) },
    );
    if (result.alreadyApplied) return result;
    // Synchronously after the commit resolves: publishes stay in revision order.
    publish(id, result);
    return result;
  };

  return {
    limits,
    now,

    async open(id, options) {
      const existing = store.get(id, now());
      if (!existing) {
        if (!options.createIfMissing) throw new NotFoundError(notFoundMessage);
        let created = false;
        const nowMs = now();
        const result = await store.write(
          id,
          (current) => {
            // Another caller may have created it since the read above: then this open changes nothing.
            if (current) return { doc: current, summary: 'opened the dashboard', changed: [], removed: [], orderChanged: false };
            created = true;
            const doc = createDashboard({ id, title: options.title, now: new Date(nowMs), ttlMs });
            return { doc, summary: 'created the dashboard', changed: [], removed: [], orderChanged: true };
          },
          { tool: 'dashboard_open', nowMs },
        );
        publish(id, result);
        return { doc: result.doc, created };
      }
      if (options.title !== undefined && options.title !== existing.title) {
        const renamed = await apply(id, 'dashboard_open', (doc) => setDashboard(doc, { title: options.title }, limits));
        return { doc: renamed.doc, created: false };
      }
      const touched = await store.touch(id, now());
      views.delete(id); // expiresAt moved
      if (!touched) throw new NotFoundError(notFoundMessage);
      return { doc: touched, created: false };
    },

    apply,

    get(id) {
      return store.get(id, now());
    },

    exists(id) {
      return store.exists(id, now());
    },

    getView(id) {
      const nowMs = now();
      const cached = views.get(id);
      if (cached && cached.expiresAtMs > nowMs) return cached;
      views.delete(id);
      const doc = store.get(id, nowMs);
      if (!doc) return undefined;
      const entry = { doc, json: JSON.stringify(toView(doc)), expiresAtMs: Date.parse(doc.expiresAt) };
      views.set(id, entry);
      return entry;
    },

    history(id, limit) {
      const nowMs = now();
      if (!store.get(id, nowMs)) throw new NotFoundError(notFoundMessage);
      return store.history(id, nowMs, limit);
    },

    restore(id, revision, options = {}) {
      return apply(
        id,
        'dashboard_restore',
        (doc, limits) => {
          // Read inside the write transaction, so history cannot be trimmed between the check and the edit.
          const old = store.revisionDoc(id, revision);
          if (!old || revision > doc.revision) {
            const kept = store.history(id, now()).map((h) => h.revision);
            // Not a range: appends in a row are kept as one revision, so the numbers have gaps.
            const range = kept.length ? `revisions ${kept.length > 12 ? `${kept.slice(0, 11).join(', ')}, ... ${kept.at(-1)}` : kept.join(', ')}` : 'no revisions';
            throw new NotFoundError(`revision ${revision} is not in this dashboard's history (it keeps ${range}): call dashboard_history`);
          }
          return restoreRevision(doc, old, limits);
        },
        options,
      );
    },

    async delete(id) {
      const removed = await store.remove(id, deps.removeAlongside);
      if (removed) onExpired(id);
      return removed;
    },

    removeIfExpired(id, nowMs) {
      const removed = store.removeIfExpired(id, nowMs);
      if (removed) deps.removeAlongside?.(id);
      return removed;
    },

    onExpired,

    gone(id) {
      // The store keeps an expired record until the sweeper runs: read it as of time 0 to see that it was here.
      return expired.has(id) || store.get(id, 0) !== undefined ? 'expired' : 'unknown';
    },
  };
}
