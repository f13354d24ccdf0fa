// Which dashboard a tool call is about: the `dashboard` argument, else the session's attached or default one.
// (Not server/dashboard/target.ts, which only parses a reference; this one consults and updates the session.)
import type { ServerContext } from '@modelcontextprotocol/server';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { parseDashboardRef } from '../../dashboard/target.ts';
import type { ToolDeps } from './shared.ts';

const NO_DASHBOARD =
  'no dashboard given and this client has no MCP session. Call dashboard_open first, then pass its dashboard_id as "dashboard" on every call.';

/**
 * Ids are minted by the server only: a client that names a dashboard that does not exist (made up, copied from
 * documentation, or expired) must never get one created there, since the page at that URL is readable without a token.
 */
const unknownDashboard = (ref: string) =>
  `"dashboard" names no live dashboard ("${ref.slice(0, 80)}"): it is unknown or has expired, and dashboards are never created at an id a client chooses. ` +
  'Omit "dashboard" and call dashboard_open: it creates a new dashboard and returns its dashboard_id.';

/** True when `id` is the calling 2025-era session's own default dashboard (its id is the session id, minted by the server). */
export const isOwnDefault = (ctx: Pick<ServerContext, 'sessionId'>, id: string): boolean => ctx.sessionId !== undefined && id === ctx.sessionId;

/**
 * Resolve the target dashboard id. An explicit reference must name a live dashboard (or the session's own default
 * one, which may not exist yet); the session then attaches to it so later calls without the argument go there too.
 * Returns undefined only for a sessionless call without a reference. `ctx` is the SDK's per-call context: its
 * sessionId is the 2025-era session (undefined for 2026-07-28 and sessionless calls).
 */
export async function resolveDashboardId(deps: Pick<ToolDeps, 'sessions' | 'dashboards'>, ctx: Pick<ServerContext, 'sessionId'>, ref: string | undefined): Promise<string | undefined> {
  if (ref !== undefined && ref.trim() !== '') {
    const id = parseDashboardRef(ref.trim());
    if (!id) throw new ValidationError(`"dashboard" must be a dashboard id (a UUID) or its URL ending in /dashboard/<id>; got "${ref.slice(0, 80)}".`);
    if (!isOwnDefault(ctx, id) && !deps.dashboards.exists(id)) throw new NotFoundError(unknownDashboard(ref.trim()));
    if (ctx.sessionId) await deps.sessions.attach(ctx.sessionId, id);
    return id;
  }
  if (!ctx.sessionId) return undefined;
  return deps.sessions.dashboardOf(ctx.sessionId);
}

/** Like resolveDashboardId, but a call that cannot name a dashboard is an error the model can fix. */
export async function requireDashboardId(deps: Pick<ToolDeps, 'sessions' | 'dashboards'>, ctx: Pick<ServerContext, 'sessionId'>, ref: string | undefined): Promise<string> {
  const id = await resolveDashboardId(deps, ctx, ref);
  if (!id) throw new ValidationError(NO_DASHBOARD);
  return id;
}
