// The Hono app: middleware, then /mcp, health/info, the dashboard API, and the embedded SPA last.
import { Hono } from 'hono';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';
import { clientAddress } from './middleware/client-address.ts';
import { hostOriginGuard, type HostOriginOptions } from './middleware/host-origin.ts';
import { redactPath, requestLog } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { createHealthRoutes } from './routes/health.ts';
import { appErrorResponse } from './error-response.ts';
import { AppError, NotFoundError } from '../errors.ts';

export interface HttpAppDeps {
  logger: Logger;
  guard: HostOriginOptions;
  /** Take the client address from the proxy's forwarded headers (--trust-proxy). */
  trustProxy: boolean;
  /** Said once when a local tunnel or proxy forwards requests and --trust-proxy is off. */
  onUntrustedProxy?: (header: string) => void;
  baseUrl: () => string;
  /** Dashboard lifetime without AI activity, shown to pages (GET /api/info). */
  ttlMs?: number;
  /** /mcp (server/http/routes/mcp.ts, with its access checks). */
  mcp: Hono<AppEnv>;
  /** Mounted at / before the API and the SPA (OAuth endpoints, consent and console APIs). */
  routes?: Hono<AppEnv>[];
  /** Mounted under /api (dashboard JSON and events). */
  api?: Hono[];
  /** Mounted last at / (the embedded SPA). */
  spa?: Hono;
}

export function createHttpApp(deps: HttpAppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(deps.logger));
  // Whichever error handler answered (a sub-app's or the one below), a fault is logged here, once.
  app.use('*', async function logFaults(c, next) {
    await next();
    const error = c.error;
    if (error && (!(error instanceof AppError) || error.status >= 500)) {
      deps.logger.error('unhandled error', { path: redactPath(c.req.path).slice(0, 200), error: error.message.slice(0, 300) });
    }
  });
  app.use('*', securityHeaders());
  app.use('*', hostOriginGuard(deps.guard));
  app.use('*', clientAddress({ trustProxy: deps.trustProxy, onUntrustedProxy: deps.onUntrustedProxy }));
  app.route('/', deps.mcp);
  app.route('/', createHealthRoutes({ baseUrl: deps.baseUrl, ttlMs: deps.ttlMs }));
  for (const routes of deps.routes ?? []) app.route('/', routes);
  for (const routes of deps.api ?? []) app.route('/api', routes);
  if (deps.spa) app.route('/', deps.spa);
  app.notFound(() => appErrorResponse(new NotFoundError('No such page.')));
  // Routes throw AppErrors for refusals; each sub-app answers those in its protocol's shape and passes anything else
  // on to here, where it is answered without its details.
  app.onError((error) => appErrorResponse(error));
  return app;
}
