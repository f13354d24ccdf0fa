// Which dashboard a tool call is about: the `dashboard` argument, else the session's attached or default one.
import type { z } from 'zod';
import type { CallToolResult, McpServer, ToolAnnotations } from '@modelcontextprotocol/server';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { parseDashboardRef } from '../../dashboard/target.ts';
import { callContext, type CallContext, type ToolContext } from '../context.ts';
import { guardCall } from './guard.ts';
import { runTool, type dashboardArg, type ToolDeps } from './shared.ts';

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
export const isOwnDefault = (context: CallContext, id: string): boolean => context.sessionId !== undefined && id === context.sessionId;

/**
 * Resolve the target dashboard id. An explicit reference must name a live dashboard (or the session's own default
 * one, which may not exist yet); the session then attaches to it so later calls without the argument go there too.
 * Returns undefined only for a sessionless call without a reference.
 */
export async function resolveDashboardId(deps: ToolDeps, context: CallContext, ref: string | undefined): Promise<string | undefined> {
  if (ref !== undefined && ref.trim() !== '') {
    const id = parseDashboardRef(ref.trim());
    if (!id) throw new ValidationError(`"dashboard" must be a dashboard id (a UUID) or its URL ending in /dashboard/<id>; got "${ref.slice(0, 80)}".`);
    if (!isOwnDefault(context, id) && !deps.dashboards.exists(id)) throw new NotFoundError(unknownDashboard(ref.trim()));
    if (context.sessionId) await deps.sessions.attach(context.sessionId, id);
    return id;
  }
  if (!context.sessionId) return undefined;
  return deps.sessions.dashboardOf(context.sessionId);
}

/** Like resolveDashboardId, but a call that cannot name a dashboard is an error the model can fix. */
export async function requireDashboardId(deps: ToolDeps, context: CallContext, ref: string | undefined): Promise<string> {
  const id = await resolveDashboardId(deps, context, ref);
  if (!id) throw new ValidationError(NO_DASHBOARD);
  return id;
}

/** What a dashboard tool declares: its model-facing text and schemas (built once per process). */
export interface DashboardToolConfig<Input extends z.ZodObject<{ dashboard: typeof dashboardArg }>> {
  title: string;
  description: string;
  inputSchema: Input;
  outputSchema: z.ZodObject;
  annotations?: ToolAnnotations;
}

/** What a tool body learns besides its arguments and the dashboard id. */
export interface DashboardCall {
  context: CallContext;
  /** True only for the calling session's own default dashboard: the one id a write may create (see isOwnDefault). */
  mayCreate: boolean;
}

/**
 * Register a tool that works on one existing-or-attached dashboard: checks the caller may use it and the arguments'
 * nesting (guard.ts), resolves the target from the `dashboard` argument or the session, and turns domain errors into
 * `isError` results (see runTool).
 */
export function registerDashboardTool<Input extends z.ZodObject<{ dashboard: typeof dashboardArg }>>(
  server: McpServer,
  deps: ToolDeps,
  name: string,
  config: DashboardToolConfig<Input>,
  body: (args: z.output<Input>, dashboardId: string, call: DashboardCall) => Promise<CallToolResult>,
): void {
  server.registerTool(name, config, ((args: z.output<Input>, ctx: ToolContext) =>
    runTool(deps, name, async () => {
      const context = callContext(ctx);
      guardCall(name, context, args);
      const id = await requireDashboardId(deps, context, args.dashboard);
      return body(args, id, { context, mayCreate: isOwnDefault(context, id) });
    })) as never);
}
