// dashboard_get: a compact summary of the dashboard, or one widget's full JSON.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { NotFoundError } from '../../errors.ts';
import { summarize } from '../../dashboard/summary.ts';
import { dashboardArg, okResult, requireDoc, resultShape, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Get dashboard',
  description:
    'Read the dashboard: without "widget", a compact summary (title, revision, each widget\'s id/kind/title and a hint of its content); ' +
    'with "widget", that widget\'s full JSON (e.g. before a widget_update). Example: {"dashboard": "<id>", "widget": "sales"}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    widget: z.string().max(64).optional().describe('Id of one widget to return in full.'),
  }),
  outputSchema: z.object({ ...resultShape, summary: z.unknown().optional(), widget: z.unknown().optional() }),
  annotations: { readOnlyHint: true },
};

export function registerDashboardGet(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'dashboard_get', CONFIG, async (args, id) => {
    const doc = requireDoc(deps, id);
    if (args.widget !== undefined) {
      const widget = doc.widgets.find((w) => w.id === args.widget);
      if (!widget) {
        throw new NotFoundError(`no widget "${args.widget}"; the dashboard has: ${doc.widgets.map((w) => w.id).join(', ') || '(no widgets)'}.`);
      }
      return okResult(deps, doc, JSON.stringify(widget), { widget });
    }
    const summary = summarize(doc);
    return okResult(deps, doc, JSON.stringify(summary), { summary });
  });
}
