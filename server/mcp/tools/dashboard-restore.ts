// dashboard_restore: make an earlier revision's content current again, as a new revision.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { dashboardArg, expectedRevisionArg, okResult, resultShape, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Restore revision',
  description: 'Bring back the content of an earlier revision (from dashboard_history) as a new revision; nothing is lost. Example: {"dashboard": "<id>", "revision": 7}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    revision: z.number().int().min(1).describe('The revision to restore.'),
    expected_revision: expectedRevisionArg,
  }),
  outputSchema: z.object(resultShape),
};

export function registerDashboardRestore(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'dashboard_restore', CONFIG, async (args, id) => {
    const result = await deps.dashboards.restore(id, args.revision, { expectedRevision: args.expected_revision });
    return okResult(deps, result.doc, `${result.summary}.`);
  });
}
