// The shape of most tools: one that works on one existing-or-attached dashboard, registered with its target resolved.
import type { z } from 'zod';
import type { CallToolResult, McpServer, ServerContext, ToolAnnotations } from '@modelcontextprotocol/server';
import { guardCall } from './guard.ts';
import { isOwnDefault, requireDashboardId } from './resolve-dashboard.ts';
import { runTool, type dashboardArg, type ToolDeps } from './shared.ts';

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
  ctx: ServerContext;
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
  server.registerTool(name, config, ((args: z.output<Input>, ctx: ServerContext) =>
    runTool(deps, name, async () => {
      guardCall(name, ctx, args);
      const id = await requireDashboardId(deps, ctx, args.dashboard);
      return body(args, id, { ctx, mayCreate: isOwnDefault(ctx, id) });
    })) as never);
}
