// dashboard_history: the recent revisions — when, which tool, what changed.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { dashboardArg, okResult, requireDoc, resultShape, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Dashboard history',
  description:
    'List recent revisions of the dashboard, newest first: when, which tool, a one-line summary. Use with dashboard_restore. ' +
    'Consecutive data_append calls to one widget are kept as one revision (the newest), so a stream does not push the layout out of history. ' +
    'Example: {"dashboard": "<id>", "limit": 10}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    limit: z.number().int().min(1).max(1_000).optional().describe('How many revisions to list (default 20).'),
  }),
  outputSchema: z.object({
    ...resultShape,
    history: z.array(z.object({ revision: z.number().int(), at: z.string(), tool: z.string(), summary: z.string() })),
  }),
  annotations: { readOnlyHint: true },
};

export function registerDashboardHistory(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'dashboard_history', CONFIG, async (args, id) => {
    const doc = requireDoc(deps, id);
    const history = deps.dashboards.history(id, args.limit ?? 20);
    const lines = history.map((h) => `r${h.revision} ${h.at} ${h.tool}: ${h.summary}`).join('\n');
    return okResult(deps, doc, lines || 'No history yet.', { history });
  });
}
