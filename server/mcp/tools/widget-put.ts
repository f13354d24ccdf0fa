// widget_put: insert or replace widgets by id, optionally placing new ones before/after another widget.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { putWidgets } from '../../dashboard/edit.ts';
import { dashboardArg, expectedRevisionArg, resultShape, warningsOutput, WIDGETS_HELP, widgetItemArg, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';
import { alreadyAppliedShape, requestIdArg, requestKey, writeResult } from './request-id.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Put widgets',
  description:
    'Add widgets to the dashboard, or replace widgets that have the same id (they keep their place). ' +
    'Example: {"dashboard": "<id>", "widgets": [{"id": "sales", "kind": "chart", "title": "Sales", "type": "bar", "x": ["Jan", "Feb", "Mar"], "series": [{"name": "2026", "data": [120, 98, 143]}], "width": 6}]}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    widgets: z.array(widgetItemArg).min(1).max(1_000).describe(`Widgets to insert or replace.\n${WIDGETS_HELP}`),
    before: z.string().max(64).optional().describe('Place new widgets just before the widget with this id.'),
    after: z.string().max(64).optional().describe('Place new widgets just after the widget with this id (default: at the end).'),
    expected_revision: expectedRevisionArg,
    request_id: requestIdArg,
  }),
  outputSchema: z.object({ ...resultShape, changed: z.array(z.string()), warnings: warningsOutput, ...alreadyAppliedShape }),
};

export function registerWidgetPut(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'widget_put', CONFIG, async (args, id, { mayCreate }) => {
    const result = await deps.dashboards.apply(
      id,
      'widget_put',
      (doc, limits) => putWidgets(doc, args.widgets, { before: args.before, after: args.after }, limits),
      { expectedRevision: args.expected_revision, createIfMissing: mayCreate, request: requestKey('widget_put', args) },
    );
    return writeResult(deps, result, args.request_id);
  });
}
