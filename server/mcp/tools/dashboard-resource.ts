// mcpdash://dashboard/{id}: the dashboard as JSON, for clients that read resources.
import { ResourceNotFoundError, ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import { isDashboardId } from '../../dashboard/target.ts';
import { toView } from '../../dashboard/view.ts';
import { dashboardUrl, type ToolDeps } from './shared.ts';

export function registerDashboardResource(server: McpServer, deps: ToolDeps): void {
  server.registerResource(
    'dashboard',
    new ResourceTemplate('mcpdash://dashboard/{id}', { list: undefined }),
    { title: 'Dashboard', description: 'A live dashboard document as JSON (the same data the page shows).', mimeType: 'application/json' },
    async (uri, variables) => {
      const id = String(variables.id ?? '').toLowerCase();
      const doc = isDashboardId(id) ? deps.dashboards.get(id) : undefined;
      // SEP-2164: a miss is a -32602 error carrying the uri, never an empty contents list.
      if (!doc) throw new ResourceNotFoundError(uri.href, `Resource not found: no live dashboard ${uri.href.slice(0, 120)} (unknown or expired)`);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ ...toView(doc), url: dashboardUrl(deps, id) }) }] };
    },
  );
}
