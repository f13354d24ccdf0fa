// GET /dashboard/:id (mounted under /api): the dashboard as the page renders it, with revision ETags.
import { Hono } from 'hono';
import type { DashboardService } from '../../dashboards/service.ts';
import { isDashboardId } from '../../dashboard/target.ts';
import type { Live } from '../../live.ts';
import { GoneError, NotFoundError } from '../../errors.ts';
import { answerAppErrors, appErrorResponse } from '../error-response.ts';

export interface ApiRoutesDeps {
  dashboards: DashboardService;
  live: Live;
}

/** The id from the path in stored form, or undefined when it cannot be a dashboard id (no store lookup then). */
export function dashboardIdParam(raw: string | undefined): string | undefined {
  const id = raw?.toLowerCase();
  return isDashboardId(id) ? id : undefined;
}

/** Unknown, expired and malformed look the same from outside: ids are credentials, don't help guessing. */
export function dashboardNotFound(): NotFoundError {
  return new NotFoundError('This dashboard does not exist or has expired.');
}

/**
 * A dashboard that cannot be read: 410 when it expired, 404 when it was never here (or its id is malformed). Saying
 * "expired" tells nothing a guesser could use: only someone holding the unguessable id ever sees it.
 */
export function dashboardUnavailable(state: 'expired' | 'unknown'): GoneError | NotFoundError {
  return state === 'expired' ? new GoneError('This dashboard has expired.') : dashboardNotFound();
}

/** True when an If-None-Match header (a list, weak tags or *) matches the current strong ETag. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export function createApiRoutes(deps: ApiRoutesDeps): Hono {
  const app = new Hono();
  app.onError(answerAppErrors(appErrorResponse));
  app.get('/dashboard/:id', (c) => {
    const id = dashboardIdParam(c.req.param('id'));
    if (!id) throw dashboardNotFound();
    // A read: viewing never extends the dashboard's life.
    const view = deps.dashboards.getView(id);
    if (!view) throw dashboardUnavailable(deps.dashboards.gone(id));
    const etag = `"${view.doc.revision}"`;
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, { ETag: etag });
    return c.body(view.json, 200, { ETag: etag, 'Content-Type': 'application/json; charset=UTF-8' });
  });
  return app;
}
