// dashboard_open: open (create if needed) this conversation's dashboard and hand back its URL.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { dashboardArg, okResult, resultShape, runTool, type ToolDeps } from './shared.ts';
import { guardCall } from './guard.ts';
import { isOwnDefault, resolveDashboardId } from './resolve-dashboard.ts';
import { VIEW_TOOL_META } from '../app-view/view-resource.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Open dashboard',
  description:
    "Open this conversation's live dashboard (created if needed) and get its URL to share with the user. " +
    'Call it first; afterwards pass the returned dashboard_id as "dashboard" on every mcpdash call. ' +
    'Example: {"title": "Q3 sales"} or, later in the conversation, {"dashboard": "<dashboard_id>"}.',
  inputSchema: z.object({
    dashboard: dashboardArg,
    title: z.string().min(1).max(200).optional().describe('Page title; sets or renames it.'),
    new: z.boolean().optional().describe('true = start a fresh, empty dashboard with a new URL instead of reopening the current one.'),
  }),
  outputSchema: z.object({ ...resultShape, created: z.boolean().describe('true when this call created the dashboard.'), widgets: z.number().int() }),
  annotations: { idempotentHint: true },
  // Hosts that render MCP Apps draw the live dashboard in the chat right under this call.
  _meta: VIEW_TOOL_META,
};

export function registerDashboardOpen(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'dashboard_open',
    CONFIG,
    (args, ctx) =>
      runTool(deps, 'dashboard_open', async () => {
        guardCall('dashboard_open', ctx, args);
        // A named dashboard exists (resolveDashboardId refuses any other); only the session's own default one and a
        // freshly minted id may be created.
        let id = args.new ? undefined : await resolveDashboardId(deps, ctx, args.dashboard);
        let mayCreate = id !== undefined && isOwnDefault(ctx, id);
        // The session's attached dashboard has expired since: a new one, never one recreated at the old id.
        if (id !== undefined && !mayCreate && args.dashboard === undefined && !deps.dashboards.exists(id)) id = undefined;
        if (!id) {
          id = crypto.randomUUID();
          mayCreate = true;
          if (ctx.sessionId) await deps.sessions.attach(ctx.sessionId, id);
        }
        const { doc, created } = await deps.dashboards.open(id, { title: args.title, createIfMissing: mayCreate });
        const what = created ? `Created dashboard "${doc.title}".` : `Opened dashboard "${doc.title}" with ${doc.widgets.length} widget(s).`;
        return okResult(deps, doc, `${what} Share the URL with the user; it updates live. Pass dashboard_id as "dashboard" on every later mcpdash call.`, {
          created,
          widgets: doc.widgets.length,
        });
      }),
  );
}
