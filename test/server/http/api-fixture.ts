// Builds the dashboard service and its routes over a real LMDB store in a temp dir, optionally on a real port.
import { Hono } from 'hono';
import { createDashboardService, type DashboardService } from '../../../server/dashboards/service.ts';
import { putWidgets } from '../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS } from '../../../server/dashboard/limits.ts';
import { createApiRoutes } from '../../../server/http/routes/api.ts';
import { createEventRoutes } from '../../../server/http/routes/events.ts';
import { createLive, type Live } from '../../../server/live.ts';
import { createDashboardStore, type DashboardStore } from '../../../server/store/dashboards.ts';
import { openStore, type Store } from '../../../server/store/db.ts';
import { tempDataDir } from '../helpers/temp-dir.ts';

export interface DashboardFixture {
  store: Store;
  live: Live;
  dashboardStore: DashboardStore;
  dashboards: DashboardService;
  app: Hono;
  /** Base URL once listen() ran. */
  url: string;
  listen(): string;
  /** Adds (or replaces) one markdown widget; resolves after commit and publish. */
  put(id: string, widgetId: string, text?: string): Promise<number>;
  clock: { offset: number };
  /** Abort to simulate server shutdown (ends open event streams). */
  shutdown: AbortController;
  close(): Promise<void>;
}

export function dashboardFixture(
  options: { ttlMs?: number; ringSize?: number; heartbeatMs?: number; maxStreams?: { perDashboard?: number; perAddress?: number; total?: number } } = {},
): DashboardFixture {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const store = openStore(tempDataDir());
  const live = createLive({ ringSize: options.ringSize });
  const clock = { offset: 0 };
  const dashboardStore = createDashboardStore(store, { ttlMs, historyLimit: 50 });
  const dashboards = createDashboardService({
    store: dashboardStore,
    live,
    limits: DEFAULT_LIMITS,
    ttlMs,
    now: () => Date.now() + clock.offset,
  });
  const shutdown = new AbortController();
  const app = new Hono();
  app.route('/api', createApiRoutes({ dashboards, live }));
  app.route('/api', createEventRoutes({ dashboards, live, heartbeatMs: options.heartbeatMs, shutdown: shutdown.signal, maxStreams: options.maxStreams }));
  let server: ReturnType<typeof Bun.serve> | undefined;
  const fixture: DashboardFixture = {
    store,
    live,
    dashboardStore,
    dashboards,
    app,
    url: '',
    clock,
    shutdown,
    listen() {
      server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch, idleTimeout: 60 });
      fixture.url = `http://127.0.0.1:${server.port}`;
      return fixture.url;
    },
    async put(id, widgetId, text = widgetId) {
      const result = await dashboards.apply(id, 'widget_put', (doc) => putWidgets(doc, [{ id: widgetId, kind: 'markdown', text }], {}, DEFAULT_LIMITS), {
        createIfMissing: true,
      });
      return result.doc.revision;
    },
    async close() {
      server?.stop(true);
      await store.close();
    },
  };
  return fixture;
}
