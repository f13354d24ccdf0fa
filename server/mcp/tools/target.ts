// Which dashboard a tool call is about: the `dashboard` argument, else the session's attached or default one.
import { ValidationError } from '../../errors.ts';
import { parseDashboardRef } from '../../dashboard/target.ts';
import type { CallContext } from '../context.ts';
import type { ToolDeps } from './shared.ts';

const NO_DASHBOARD =
  'no dashboard given and this client has no MCP session. Call dashboard_open first, then pass its dashboard_id as "dashboard" on every call.';

/**
 * Resolve the target dashboard id. Given an explicit reference, the session attaches to it so later calls without
 * the argument go there too. Returns undefined only for a sessionless call without a reference.
 */
export async function resolveDashboardId(deps: ToolDeps, context: CallContext, ref: string | undefined): Promise<string | undefined> {
  const nowMs = deps.now();
  if (ref !== undefined && ref.trim() !== '') {
    const id = parseDashboardRef(ref.trim());
    if (!id) throw new ValidationError(`"dashboard" must be a dashboard id (a UUID) or its URL ending in /dashboard/<id>; got "${ref.slice(0, 80)}".`);
    if (context.sessionId) {
      const session = deps.sessions.get(context.sessionId, nowMs);
      if (session && session.dashboardId !== id) await deps.sessions.attach(context.sessionId, id, nowMs);
    }
    return id;
  }
  if (!context.sessionId) return undefined;
  const session = deps.sessions.get(context.sessionId, nowMs);
  return session?.dashboardId ?? context.sessionId;
}

/** Like resolveDashboardId, but a call that cannot name a dashboard is an error the model can fix. */
export async function requireDashboardId(deps: ToolDeps, context: CallContext, ref: string | undefined): Promise<string> {
  const id = await resolveDashboardId(deps, context, ref);
  if (!id) throw new ValidationError(NO_DASHBOARD);
  return id;
}
