// dashboard_show: draw the dashboard inside the conversation again (hosts that render MCP Apps show the live view;
// every other client gets the same short text with the URL).
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import { VIEW_TOOL_META } from '../app-view/view-resource.ts';
import { dashboardArg, okResult, requireDoc, resultShape, runTool, type ToolDeps } from './shared.ts';
import { guardCall } from './guard.ts';
import { requireDashboardId } from './resolve-dashboard.ts';

const CONFIG = {
  title: 'Show dashboard in the chat',
  description:
    'Show the live dashboard inside the conversation (in chat apps that display MCP Apps; elsewhere this returns the URL). ' +
    'Use it when the person asks to see the dashboard here; it stays live as you write. Example: {"dashboard": "<dashboard_id>"}.',
  inputSchema: z.object({ dashboard: dashboardArg }),
  outputSchema: z.object({ ...resultShape, widgets: z.number().int() }),
  annotations: { readOnlyHint: true, idempotentHint: true },
  _meta: VIEW_TOOL_META,
};

export function registerDashboardShow(server: McpServer, deps: ToolDeps): void {
  registerAppTool(server, 'dashboard_show', CONFIG, (args, ctx) =>
    runTool(deps, 'dashboard_show', async () => {
      guardCall('dashboard_show', ctx, args);
      const id = await requireDashboardId(deps, ctx, args.dashboard);
      const doc = requireDoc(deps, id);
      return okResult(deps, doc, `Showing dashboard "${doc.title}" (${doc.widgets.length} widget(s)) in the conversation; it updates live.`, {
        widgets: doc.widgets.length,
      });
    }),
  );
}
