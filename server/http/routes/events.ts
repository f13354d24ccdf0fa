// GET /dashboard/:id/events (mounted under /api): the page's live feed as Server-Sent Events.
// The feed itself is the state machine in dashboard-stream.ts; this route parses the request, keeps the number of open
// streams bounded (429 with Retry-After past a bound) and ends streams on shutdown.
import { Hono, type Context } from 'hono';
import type { DashboardService } from '../../dashboards/service.ts';
import type { Live } from '../../live.ts';
import { dashboardIdParam, dashboardNotFound, dashboardUnavailable } from './api.ts';
import { answerAppErrors, appErrorResponse } from '../error-response.ts';
import { RateLimitError } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { openDashboardStream, parseLastEventId, type DashboardStream, type DashboardStreamDeps } from './dashboard-stream.ts';
import { createStreamBounds, DEFAULT_STREAM_BOUNDS, type StreamBoundsOptions } from './stream-bounds.ts';

export interface EventRoutesDeps {
  dashboards: DashboardService;
  live: Live;
  /** Comment line interval that keeps proxies and tunnels from closing an idle stream. */
  heartbeatMs?: number;
  /** A client this far behind (queued bytes) is cut off; it reconnects and resumes or gets a snapshot. */
  maxQueuedBytes?: number;
  /** Aborting it ends every open stream (server shutdown: open streams would otherwise hold it forever). */
  shutdown?: AbortSignal;
  /** The page's inbox state after a snapshot or resume (see dashboard-stream.ts). */
  inboxState?: DashboardStreamDeps['inboxState'];
  /** Open streams allowed per dashboard, per address on a dashboard, and in total (default 50, 10 and 1,000). */
  maxStreams?: Partial<StreamBoundsOptions>;
}

/** Seconds a page refused for too many open streams waits before it tries again. */
export const STREAMS_RETRY_AFTER_SECONDS = 10;

/** Set on every request by middleware/client-address.ts; this sub-app is mounted like the others, without the app's types. */
const clientAddressOf = (c: Context): string => (c as unknown as Context<AppEnv>).get('clientAddress') ?? 'local';

export function createEventRoutes(deps: EventRoutesDeps): Hono {
  const streamDeps = {
    dashboards: deps.dashboards,
    live: deps.live,
    heartbeatMs: deps.heartbeatMs ?? 15_000,
    maxQueuedBytes: deps.maxQueuedBytes ?? 32 * 1024 * 1024,
    inboxState: deps.inboxState,
  };
  const bounds = createStreamBounds({ ...DEFAULT_STREAM_BOUNDS, ...deps.maxStreams });
  const app = new Hono();
  app.onError(answerAppErrors(appErrorResponse));
  // One shutdown listener for all streams rather than one per stream.
  const open = new Set<DashboardStream>();
  deps.shutdown?.addEventListener('abort', () => {
    for (const stream of [...open]) stream.end();
  });

  app.get('/dashboard/:id/events', (c) => {
    const id = dashboardIdParam(c.req.param('id'));
    if (!id) throw dashboardNotFound();
    const lastEventId = parseLastEventId(c.req.header('Last-Event-ID') ?? c.req.query('lastEventId'));
    const address = clientAddressOf(c);
    const place = bounds.take(id, address);
    if (!place.ok) throw new RateLimitError(place.message, STREAMS_RETRY_AFTER_SECONDS);
    const signal = c.req.raw.signal;
    let closed = false;
    // let, not const: the callback may run before the assignment (a stream that ends while it opens).
    let stream: DashboardStream | undefined;
    stream = openDashboardStream(streamDeps, id, lastEventId, () => {
      closed = true;
      bounds.release(id, address);
      if (!stream) return;
      open.delete(stream);
      signal.removeEventListener('abort', stream.abandon);
    });
    if (!stream) {
      bounds.release(id, address);
      throw dashboardUnavailable(deps.dashboards.gone(id));
    }
    // A first snapshot past the backlog bound closes the stream before it is returned.
    if (!closed) {
      open.add(stream);
      signal.addEventListener('abort', stream.abandon);
    }
    // Shutting down: still answer with the state, then end, so the page reconnects (and resumes) later.
    if (deps.shutdown?.aborted) stream.end();

    return c.body(stream.body, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Tells nginx-style proxies not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
  });

  return app;
}
