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
import { dashboardTools } from './mcp/tools/register.ts';
import { InMemoryServerEventBus } from '@modelcontextprotocol/server';
import { createMcpServer, loadConformanceFixtures, type ConformanceFixtures, type ServerPlugin } from './mcp/server.ts';
import { SessionCache } from './mcp/session/session-cache.ts';
import { createSnapshotService } from './render/snapshot-service.ts';
import { createMcpEndpoint } from './mcp/endpoint.ts';
import { createHttpApp } from './http/app.ts';
import { createMcpRoutes } from './http/routes/mcp.ts';
import { createSpaRoutes } from './http/static.ts';
import { createApiRoutes } from './http/routes/api.ts';
import { createEventRoutes } from './http/routes/events.ts';
import { createFeedbackRoutes } from './http/routes/feedback.ts';
import { ownOrigins } from './http/origins.ts';
import { addressShare, DEFAULT_STREAM_BOUNDS } from './http/routes/stream-bounds.ts';
import { createFeedbackStore } from './store/feedback.ts';
import { createFeedbackService } from './feedback/service.ts';
import { MAX_FEEDBACK_EVENT_BYTES, MAX_FEEDBACK_EVENTS } from './dashboard/answer-rules.ts';
import { createAuthService } from './auth/service.ts';
import type { CimdOptions } from './auth/cimd.ts';
import { prepareOwner, type OwnerStart } from './auth/owner-start.ts';
import { createAuthLimits } from './http/auth-limits.ts';
import { mcpAccess } from './http/middleware/mcp-access.ts';
import { createOAuthRoutes } from './http/routes/oauth.ts';
import { createConsentRoutes } from './http/routes/consent.ts';
import { createConsoleRoutes } from './http/routes/console.ts';
import { reachableFromOutside } from './loopback.ts';
import { startControlSocket } from './http/control-socket.ts';
import { listDashboards } from './store/dashboard-list.ts';

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
  /** The loaded conformance fixtures; required when config.conformanceFixtures is on (startApp loads them). */
  conformanceFixtures?: ConformanceFixtures;
  /** Lines for the console (main.ts prints them under the banner), for things the owner must act on while it runs. */
  notice?: (lines: string[]) => void;
}

export function buildApp(config: Config, logger: Logger, options: AppOptions = {}) {
  const now = options.now ?? Date.now;
  // Before anything is opened: a caller that forgot to load the fixtures must not leave a store open.
  if (config.conformanceFixtures && !options.conformanceFixtures) throw new Error('--conformance-fixtures: load them first (loadConformanceFixtures)');
  const store = openStore(config.dataDir, { maxDataBytes: config.maxDataBytes });
  const sessions = createSessionStore(store, config.ttlMs);
  const dashboardStore = createDashboardStore(store, { ttlMs: config.ttlMs, historyLimit: config.historyLimit });
  const live = createLive({ onListenerError: (error) => logger.error('live listener failed', { error: String(error) }) });
  const feedbackStore = createFeedbackStore(store, { maxEvents: MAX_FEEDBACK_EVENTS, maxEventBytes: MAX_FEEDBACK_EVENT_BYTES });
  const dashboards = createDashboardService({
    store: dashboardStore,
    live,
    limits: { maxDocumentBytes: config.maxDocumentBytes, maxWidgets: config.maxWidgets },
    ttlMs: config.ttlMs,
    now,
    removeAlongside: feedbackStore.removeAll,
  });
  const feedback = createFeedbackService({ store: feedbackStore, dashboards, live, now });
  let boundPort = config.port;
  const baseUrl = () => baseUrlOf(config, boundPort);
  // Why a metadata document could not be fetched goes to the log only (the caller is anonymous).
  const onFetchFailure = (clientId: string, detail: string) => logger.warn('client metadata document could not be fetched', { client: clientId.slice(0, 200), detail: detail.slice(0, 300) });
  const auth = createAuthService(store, { issuer: baseUrl, tokenTtlMs: config.tokenTtlMs, now, cimd: { onFetchFailure, ...options.cimd } });
  const limits = createAuthLimits({
    mcpPerMinute: config.mcpRatePerMinute,
    now,
    // Every lock-out is said (here, and in the console's overview): the owner must know why a sign-in waits.
    onLockout: ({ address, failures, until }) =>
      logger.warn('password attempts locked out for an address', { address, failures, seconds: Math.ceil((until - now()) / 1000) }),
    onSlowed: () => logger.warn('many password attempts from many addresses: each now waits its turn (one every 3 s); a signed-in owner or `mcpdash owner approve` needs no password'),
  });
  const secureCookies = baseUrl().startsWith('https:');
  // The session cache and the tools need each other (tools find their session's dashboard; sessions build servers
  // with the tools): the servers are built only on first use, after both exist.
  // subscriptions/listen streams (2026-07-28) follow this bus; only the conformance fixtures publish on it.
  const bus = new InMemoryServerEventBus((error) => logger.error('mcp event listener failed', { error: error.message }));
  const conformance = config.conformanceFixtures && options.conformanceFixtures ? { fixtures: options.conformanceFixtures, bus } : undefined;
  const createServer = () => createMcpServer({ plugins: [tools, ...(options.plugins ?? [])], conformance });
  const cache = new SessionCache({
    sessions,
    createServer,
    ttlMs: config.ttlMs,
    idleEvictMs: config.idleEvictMs,
    logger,
    now,
  });
  // One per app: snapshots are CPU-heavy, so they are drawn one at a time in one worker thread (stopped on close).
  const snapshots = createSnapshotService();
  const tools = dashboardTools({ dashboards, sessions: cache, baseUrl, logger, feedback, snapshots, live });
  const endpoint = createMcpEndpoint({
    cache,
    createServer,
    strictSessions: config.strictSessions,
    bus,
    // The SDK reports refused requests here too (bad envelope, header mismatch): the client's mistake, not ours.
    onError: (error) => logger.debug('mcp request refused or failed', { error: error.message.slice(0, 300) }),
  });
  const sweeper = startSweeper(store, {
    intervalMs: options.sweepIntervalMs ?? Math.max(1_000, Math.min(60_000, Math.floor(config.ttlMs / 10))),
    now,
    removers: {
      session: sessions.removeIfExpired,
      dashboard: dashboards.removeIfExpired,
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
    onUntrustedProxy: (header) => {
      logger.warn('requests come through a tunnel or proxy on this machine but --trust-proxy is off: every client counts as 127.0.0.1 for rate limits; restart with --trust-proxy', { header });
      options.notice?.([
        `  Tunnel:       requests arrive through a tunnel or proxy on this machine (they carry ${header === 'cf-connecting-ip' ? 'CF-Connecting-IP' : 'X-Forwarded-For'}),`,
        '                but every client counts as 127.0.0.1 and all share one set of limits: restart with --trust-proxy',
      ]);
    },
    baseUrl,
    ttlMs: config.ttlMs,
    mcp: createMcpRoutes({
      endpoint,
      maxBodyBytes: config.maxBodyBytes,
      access: mcpAccess({ gate: config.auth ? auth.bearerGate : undefined, limiter: limits.mcp }),
    }),
    routes: [
      ...(config.auth ? [createOAuthRoutes({ auth, limits }), createConsentRoutes({ auth, limits, secureCookies })] : []),
      createConsoleRoutes({
        auth,
        limits,
        authOn: config.auth,
        secureCookies,
        baseUrl,
        usage: () => {
          const { usedBytes, maxBytes } = store.budget.usage();
          return { usedBytes, budgetBytes: maxBytes };
        },
        dashboards: { list: () => listDashboards(dashboardStore.list(now()), 500), delete: dashboards.delete },
      }),
    ],
    api: [
      createApiRoutes({ dashboards, live }),
      createEventRoutes({
        dashboards,
        live,
        heartbeatMs: options.heartbeatMs,
        shutdown: shutdown.signal,
        inboxState: feedback.pageState,
        maxStreams: { perDashboard: config.maxViewers, perAddress: addressShare(config.maxViewers), total: Math.max(DEFAULT_STREAM_BOUNDS.total, config.maxViewers) },
      }),
      createFeedbackRoutes({ feedback, ownOrigins: () => ownOrigins(baseUrl(), boundPort) }),
    ],
    // A read through the page-JSON cache: the page asks for the same document right after (no expiry extended).
    spa: createSpaRoutes({
      hasCharts: (id) => dashboards.getView(id)?.doc.widgets.some((w) => w.kind === 'chart') ?? false,
      dashboardState: (id) => (dashboards.getView(id) ? 'live' : dashboards.gone(id)),
    }),
  });

  return {
    http,
    store,
    auth,
    sessions,
    dashboards,
    feedback,
    live,
    cache,
    snapshots,
    sweeper,
    baseUrl,
    setPort(port: number) {
      boundPort = port;
    },
    /** End open-ended streams (MCP GET streams, dashboard pages) so that in-flight requests can drain. */
    endStreams() {
      shutdown.abort();
      feedback.close();
      endpoint.endStreams();
    },
    async close() {
      this.endStreams();
      await endpoint.close();
      await cache.close();
      snapshots.close();
      await sweeper.stop();
      await store.close();
    },
  };
}

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  // Imported only when asked for: a normal start never loads the fixtures.
  const conformanceFixtures = config.conformanceFixtures ? (options.conformanceFixtures ?? (await loadConformanceFixtures())) : undefined;
  const app = buildApp(config, logger, { ...options, conformanceFixtures });
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
  // `mcpdash owner approve`: the owner at the machine approves a waiting client without the password.
  const control = config.auth ? startControlSocket(config.dataDir, { pending: app.auth.pendingRequests, approve: app.auth.approveByCode }, logger) : undefined;
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
        await control?.stop();
        await app.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
