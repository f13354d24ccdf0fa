// dashboard_set: replace title/description/theme and, if given, the whole widget list in one revision.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { setDashboard } from '../../dashboard/edit.ts';
import { ThemeSchema } from '../../dashboard/schema.ts';
import { dashboardArg, expectedRevisionArg, editResult, resultShape, warningsOutput, widgetItemArg, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Set dashboard',
  description:
    'Replace the dashboard title, description, theme, feedback (open or close the page\'s inbox) and (if "widgets" is given) the whole widget list, in one step. ' +
    'Use it to lay out a complete dashboard at once; use widget_put to add or change single widgets. ' +
    'Example: {"dashboard": "<id>", "title": "Weekly KPIs", "widgets": [{"id": "revenue", "kind": "metric", "value": 12840, "unit": "USD", "delta": 0.12, "deltaFormat": "percent", "width": 3}]}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    title: z.string().min(1).max(200).optional().describe('Page title.'),
    description: z.string().max(2000).optional().describe('One or two sentences under the title.'),
    theme: ThemeSchema.optional(),
    feedback: z
      .boolean()
      .optional()
      .describe('false = close the page\'s inbox (no more answers, comments or messages; feedback_read still reads what it holds); true = open it again. Restoring a revision keeps the current setting.'),
    widgets: z
      .array(widgetItemArg)
      .max(10_000)
      .optional()
      .describe('The complete widget list in display order (replaces all). Each widget as widget_put\'s "widgets" describes it: the same kinds and fields.'),
    expected_revision: expectedRevisionArg,
  }),
  outputSchema: z.object({ ...resultShape, widgets: z.number().int(), warnings: warningsOutput }),
};

export function registerDashboardSet(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'dashboard_set', CONFIG, async (args, id, { mayCreate }) => {
    const { dashboard, expected_revision, ...input } = args;
    const result = await deps.dashboards.apply(id, 'dashboard_set', (doc, limits) => setDashboard(doc, input, limits), {
      expectedRevision: expected_revision,
      createIfMissing: mayCreate,
    });
    return editResult(deps, result, `Set dashboard: ${result.summary}.`, { widgets: result.doc.widgets.length });
  });
}
