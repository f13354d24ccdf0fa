// Composition root: opens the store, builds the MCP endpoint and the HTTP app, wires dependencies, listens.
import type { Config } from './config.ts';
import { baseUrl as baseUrlOf } from './config.ts';
import type { Logger } from './logger.ts';
import { openStore } from './store/db.ts';
import { startSweeper } from './store/expiry.ts';
import { createSessionStore } from './store/sessions.ts';
import { createDashboardStore } from './store/dashboards.ts';
import { createDashboardService } from './dashboards/service.ts';
import { createLive } from './live.ts';
import { dashboardTools } from './mcp/tools/registry.ts';
import { createMcpServer, type ServerPlugin } from './mcp/server.ts';
import { SessionCache } from './mcp/session-cache.ts';
import { createMcpEndpoint } from './mcp/endpoint.ts';
import { createHttpApp } from './http/app.ts';
import { createSpaRoutes } from './http/static.ts';
import { createApiRoutes } from './http/routes/api.ts';
import { createEventRoutes } from './http/routes/events.ts';
import { createAuthService } from './auth/service.ts';
import type { CimdOptions } from './auth/cimd.ts';
import { prepareOwner, type OwnerStart } from './auth/owner-start.ts';
import { createAuthLimits } from './http/auth-limits.ts';
import { mcpAccess } from './http/middleware/mcp-access.ts';
import { createOAuthRoutes } from './http/routes/oauth.ts';
import { createConsentRoutes } from './http/routes/consent.ts';
import { createConsoleRoutes } from './http/routes/console.ts';
import { listDashboards } from './store/dashboard-list.ts';
import { usage } from './store/usage.ts';
import { reachableFromOutside } from './loopback.ts';

export interface RunningApp {
  port: number;
  /** Where the socket is bound, e.g. http://127.0.0.1:8787 (differs from baseUrl behind a tunnel). */
  localUrl: string;
  baseUrl: string;
  mcpUrl: string;
  dataDir: string;
  /** Whether /mcp needs a token. */
  auth: boolean;
  /** Where the owner password came from, and the one-time setup link when one is still to be chosen. */
  owner: OwnerStart;
  /** Finish in-flight requests, close streams and LMDB. */
  stop(): Promise<void>;
}

export interface AppOptions {
  now?: () => number;
  /** How often the expiry sweeper runs. */
  sweepIntervalMs?: number;
  /** Extra tools/resources (tests use this to observe what handlers see). */
  plugins?: ServerPlugin[];
  /** SSE heartbeat interval for dashboard pages (tests shorten it). */
  heartbeatMs?: number;
  /** Client metadata document fetching (tests point it at a local TLS server). */
  cimd?: CimdOptions;
}

export function buildApp(config: Config, logger: Logger, options: AppOptions = {}) {
  const now = options.now ?? Date.now;
  const store = openStore(config.dataDir);
  const sessions = createSessionStore(store, config.ttlMs);
  const dashboardStore = createDashboardStore(store, { ttlMs: config.ttlMs, historyLimit: config.historyLimit });
  const live = createLive({ onListenerError: (error) => logger.error('live listener failed', { error: String(error) }) });
  const dashboards = createDashboardService({
    store: dashboardStore,
    live,
    limits: { maxDocumentBytes: config.maxDocumentBytes, maxWidgets: config.maxWidgets },
    ttlMs: config.ttlMs,
    now,
  });
  let boundPort = config.port;
  const baseUrl = () => baseUrlOf(config, boundPort);
  const tools = dashboardTools({ dashboards, sessions, baseUrl, now, logger });
  const auth = createAuthService(store, { issuer: baseUrl, tokenTtlMs: config.tokenTtlMs, now, cimd: options.cimd });
  const limits = createAuthLimits({ mcpPerMinute: config.mcpRatePerMinute, now });
  const secureCookies = baseUrl().startsWith('https:');
  const createServer = () => createMcpServer({ plugins: [tools, ...(options.plugins ?? [])], conformanceFixtures: config.conformanceFixtures });
  const cache = new SessionCache({
    sessions,
    createServer,
    ttlMs: config.ttlMs,
    idleEvictMs: config.idleEvictMs,
    logger,
    now,
  });
  const endpoint = createMcpEndpoint({ cache, createServer, strictSessions: config.strictSessions, maxBodyBytes: config.maxBodyBytes });
  const sweeper = startSweeper(store, {
    intervalMs: options.sweepIntervalMs ?? Math.max(1_000, Math.min(60_000, Math.floor(config.ttlMs / 10))),
    now,
    removers: {
      session: sessions.removeIfExpired,
      dashboard: dashboardStore.removeIfExpired,
      ...auth.records.removers,
    },
    onRemoved: (kind, id) => {
      if (kind === 'dashboard') dashboards.onExpired(id);
    },
    onError: (error) => logger.error('expiry sweep failed', { error: String(error) }),
  });

  // Ends open page streams on shutdown; they would otherwise hold the server open forever.
  const shutdown = new AbortController();
  const http = createHttpApp({
    logger,
    guard: { host: config.host, port: () => boundPort, publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins },
    trustProxy: config.trustProxy,
    baseUrl,
    mcp: (c) => endpoint.handle(c),
    mcpAccess: mcpAccess({ gate: config.auth ? auth.bearerGate : undefined, limiter: limits.mcp }),
    routes: [
      ...(config.auth ? [createOAuthRoutes({ auth, limits }), createConsentRoutes({ auth, limits, secureCookies })] : []),
      createConsoleRoutes({
        auth,
        limits,
        authOn: config.auth,
        secureCookies,
        baseUrl,
        usage: () => usage(store),
        dashboards: {
          list: () => listDashboards(store, now(), 500),
          async delete(id) {
            // The store's expiry removal with "now" at infinity: everything about the dashboard goes, exactly as
            // when it expires, and its open pages are told it ended.
            const removed = await store.root.transaction(() => dashboardStore.removeIfExpired(id, Number.POSITIVE_INFINITY));
            if (removed) dashboards.onExpired(id);
            return removed;
          },
        },
      }),
    ],
    api: [createApiRoutes({ dashboards, live }), createEventRoutes({ dashboards, live, heartbeatMs: options.heartbeatMs, shutdown: shutdown.signal })],
    spa: createSpaRoutes(),
  });

  return {
    http,
    store,
    auth,
    sessions,
    dashboards,
    live,
    cache,
    sweeper,
    baseUrl,
    setPort(port: number) {
      boundPort = port;
    },
    /** End open-ended streams (MCP GET streams, dashboard pages) so that in-flight requests can drain. */
    endStreams() {
      shutdown.abort();
      cache.endStandaloneStreams();
    },
    async close() {
      this.endStreams();
      await cache.close();
      await sweeper.stop();
      await store.close();
    },
  };
}

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const app = buildApp(config, logger, options);
  const server = Bun.serve({
    port: config.port,
    hostname: config.host,
    fetch: app.http.fetch,
    // Longer than the 15 s SSE heartbeats/keep-alives (Bun's default of 10 s would cut live streams).
    idleTimeout: 60,
  });
  app.setPort(server.port ?? config.port);
  const base = app.baseUrl();
  let owner: OwnerStart;
  try {
    // After listen: the setup link needs the bound port when there is no --public-url.
    owner = await prepareOwner(app.auth.owner, { password: config.ownerPassword, passwordFile: config.ownerPasswordFile, authOn: config.auth, publicUrl: base });
  } catch (error) {
    await server.stop(true);
    await app.close();
    throw error;
  }
  if (!config.auth && reachableFromOutside(config.host, base)) {
    logger.warn('auth is off on a URL others can reach: anyone who reaches it can create and change dashboards', { url: base });
  }
  let stopping: Promise<void> | undefined;
  return {
    port: server.port ?? config.port,
    localUrl: baseUrlOf({ ...config, publicUrl: undefined }, server.port ?? config.port),
    baseUrl: base,
    mcpUrl: `${base}/mcp`,
    dataDir: config.dataDir,
    auth: config.auth,
    owner,
    stop() {
      stopping ??= (async () => {
        // Stop accepting, end long-lived streams (they would hold shutdown forever), let the rest finish.
        const drained = server.stop(false);
        app.endStreams();
        const timedOut = await Promise.race([drained.then(() => false), new Promise<boolean>((resolve) => setTimeout(resolve, 5_000, true))]);
        // Requests still running after the grace period are cut off before the store closes under them.
        if (timedOut) await server.stop(true);
        await app.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
