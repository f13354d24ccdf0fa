// The shape of most tools: one that works on one existing-or-attached dashboard, registered with its target resolved.
import type { z } from 'zod';
import type { CallToolResult, McpServer, ServerContext, ToolAnnotations } from '@modelcontextprotocol/server';
import { requireDashboardId } from './resolve-dashboard.ts';
import { runTool, type dashboardArg, type ToolDeps } from './shared.ts';

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
  server.registerTool(name, config, ((args: z.output<Input>, ctx: ServerContext) =>
    runTool(deps, name, async () => body(args, await requireDashboardId(deps, ctx, args.dashboard)))) as never);
}
