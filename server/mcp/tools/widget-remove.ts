// widget_remove: remove widgets by id (all or nothing).
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { removeWidgets } from '../../dashboard/edit.ts';
import { dashboardArg, expectedRevisionArg, okResult, resultShape, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Remove widgets',
  description: 'Remove widgets from the dashboard by id. Example: {"dashboard": "<id>", "widgets": ["old-chart", "draft-notes"]}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    widgets: z.array(z.string().max(64)).min(1).max(1_000).describe('Ids of the widgets to remove.'),
    expected_revision: expectedRevisionArg,
  }),
  outputSchema: z.object({ ...resultShape, removed: z.array(z.string()) }),
  annotations: { destructiveHint: true },
};

export function registerWidgetRemove(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'widget_remove', CONFIG, async (args, id) => {
    const result = await deps.dashboards.apply(id, 'widget_remove', (doc, limits) => removeWidgets(doc, args.widgets, limits), {
      expectedRevision: args.expected_revision,
    });
    return okResult(deps, result.doc, `${result.summary}.`, { removed: result.removed });
  });
}
