// widget_update: change some fields of one widget with a JSON merge patch (RFC 7396); the result is re-validated.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { updateWidget } from '../../dashboard/edit.ts';
import { dashboardArg, expectedRevisionArg, editResult, resultShape, warningsOutput, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Update widget',
  description:
    'Change some fields of one widget without resending it: a JSON merge patch (fields given replace, null deletes, objects merge, arrays replace). ' +
    'Example: {"dashboard": "<id>", "widget": "revenue", "patch": {"value": 13020, "delta": 180}}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    widget: z.string().max(64).describe('Id of the widget to change.'),
    patch: z.record(z.string(), z.unknown()).describe('Fields to change (id and kind cannot change).'),
    expected_revision: expectedRevisionArg,
  }),
  outputSchema: z.object({ ...resultShape, changed: z.array(z.string()), warnings: warningsOutput }),
};

export function registerWidgetUpdate(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'widget_update', CONFIG, async (args, id) => {
    const result = await deps.dashboards.apply(id, 'widget_update', (doc, limits) => updateWidget(doc, args.widget, args.patch, limits), {
      expectedRevision: args.expected_revision,
    });
    return editResult(deps, result, `${result.summary}.`, { changed: result.changed });
  });
}
