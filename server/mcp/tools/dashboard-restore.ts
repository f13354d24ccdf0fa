// dashboard_restore: make an earlier revision's content current again, as a new revision.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { callContext } from '../context.ts';
import { dashboardArg, expectedRevisionArg, okResult, resultShape, runTool, type ToolDeps } from './shared.ts';
import { requireDashboardId } from './target.ts';

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
  server.registerTool(
    'dashboard_restore',
    CONFIG,
    (args, extra) =>
      runTool(deps, 'dashboard_restore', async () => {
        const id = await requireDashboardId(deps, callContext(extra), args.dashboard);
        const result = await deps.dashboards.restore(id, args.revision, { expectedRevision: args.expected_revision });
        return okResult(deps, result.doc, `${result.summary}.`);
      }),
  );
}
