// Which dashboard a tool call is about: the `dashboard` argument, else the session's attached or default one.
import type { z } from 'zod';
import type { CallToolResult, McpServer, ToolAnnotations } from '@modelcontextprotocol/server';
import { ValidationError } from '../../errors.ts';
import { parseDashboardRef } from '../../dashboard/target.ts';
import { callContext, type CallContext, type ToolContext } from '../context.ts';
import { runTool, type dashboardArg, type ToolDeps } from './shared.ts';

const NO_DASHBOARD =
  'no dashboard given and this client has no MCP session. Call dashboard_open first, then pass its dashboard_id as "dashboard" on every call.';

/**
 * Resolve the target dashboard id. Given an explicit reference, the session attaches to it so later calls without
 * the argument go there too. Returns undefined only for a sessionless call without a reference.
 */
export async function resolveDashboardId(deps: ToolDeps, context: CallContext, ref: string | undefined): Promise<string | undefined> {
  if (ref !== undefined && ref.trim() !== '') {
    const id = parseDashboardRef(ref.trim());
    if (!id) throw new ValidationError(`"dashboard" must be a dashboard id (a UUID) or its URL ending in /dashboard/<id>; got "${ref.slice(0, 80)}".`);
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

/**
 * Register a tool that works on one existing-or-attached dashboard: resolves the target from the `dashboard`
 * argument or the session, and turns domain errors into `isError` results (see runTool).
 */
export function registerDashboardTool<Input extends z.ZodObject<{ dashboard: typeof dashboardArg }>>(
  server: McpServer,
  deps: ToolDeps,
  name: string,
  config: DashboardToolConfig<Input>,
  body: (args: z.output<Input>, dashboardId: string) => Promise<CallToolResult>,
): void {
  server.registerTool(name, config, ((args: z.output<Input>, ctx: ToolContext) =>
    runTool(deps, name, async () => body(args, await requireDashboardId(deps, callContext(ctx), args.dashboard)))) as never);
}
