// The Hono app: middleware, then /mcp, health/info, the dashboard API, and the embedded SPA last.
import { Hono } from 'hono';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';
import { clientAddress } from './middleware/client-address.ts';
import { hostOriginGuard, type HostOriginOptions } from './middleware/host-origin.ts';
import { redactPath, requestLog } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { createHealthRoutes } from './routes/health.ts';

export interface HttpAppDeps {
  logger: Logger;
  guard: HostOriginOptions;
  /** Take the client address from the proxy's forwarded headers (--trust-proxy). */
  trustProxy: boolean;
  baseUrl: () => string;
  /** /mcp (server/http/routes/mcp.ts). */
  mcp: Hono<AppEnv>;
  /** Mounted under /api (dashboard JSON and events). */
  api?: Hono[];
  /** Mounted last at / (the embedded SPA). */
  spa?: Hono;
}

export function createHttpApp(deps: HttpAppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(deps.logger));
  app.use('*', securityHeaders());
  app.use('*', hostOriginGuard(deps.guard));
  app.use('*', clientAddress({ trustProxy: deps.trustProxy }));
  app.route('/', deps.mcp);
  app.route('/', createHealthRoutes({ baseUrl: deps.baseUrl }));
  for (const routes of deps.api ?? []) app.route('/api', routes);
  if (deps.spa) app.route('/', deps.spa);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such page.' } }, 404));
  app.onError((error, c) => {
    deps.logger.error('unhandled error', { path: redactPath(c.req.path).slice(0, 200), error: error instanceof Error ? error.message : String(error) });
    return c.json({ error: { code: 'internal', message: 'Internal error.' } }, 500);
  });
  return app;
}
