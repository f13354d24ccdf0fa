// The one list of what mcpdash offers a model: every dashboard tool and the dashboard resource, as one server plugin.
import type { McpServer } from '@modelcontextprotocol/server';
import type { ServerPlugin } from '../server.ts';
import type { ToolDeps } from './shared.ts';
import { registerDashboardOpen } from './dashboard-open.ts';
import { registerDashboardSet } from './dashboard-set.ts';
import { registerWidgetPut } from './widget-put.ts';
import { registerWidgetUpdate } from './widget-update.ts';
import { registerWidgetRemove } from './widget-remove.ts';
import { registerDataAppend } from './data-append.ts';
import { registerDashboardGet } from './dashboard-get.ts';
import { registerDashboardHistory } from './dashboard-history.ts';
import { registerDashboardRestore } from './dashboard-restore.ts';
import { registerDashboardSnapshot } from './dashboard-snapshot.ts';
import { registerFeedbackRead } from './feedback-read.ts';
import { registerDashboardResource } from './dashboard-resource.ts';
import { registerDashboardShow } from './dashboard-show.ts';
import { registerViewTools } from './view-tools.ts';
import { registerViewResource } from '../app-view/view-resource.ts';

export const TOOL_NAMES = [
  'dashboard_open',
  'dashboard_set',
  'widget_put',
  'widget_update',
  'widget_remove',
  'data_append',
  'dashboard_get',
  'dashboard_history',
  'dashboard_restore',
  'dashboard_snapshot',
  'feedback_read',
  'dashboard_show',
] as const;

export function dashboardTools(deps: ToolDeps): ServerPlugin {
  return (server: McpServer) => {
    registerDashboardOpen(server, deps);
    registerDashboardSet(server, deps);
    registerWidgetPut(server, deps);
    registerWidgetUpdate(server, deps);
    registerWidgetRemove(server, deps);
    registerDataAppend(server, deps);
    registerDashboardGet(server, deps);
    registerDashboardHistory(server, deps);
    registerDashboardRestore(server, deps);
    registerDashboardSnapshot(server, deps);
    registerFeedbackRead(server, deps);
    registerDashboardResource(server, deps);
    registerDashboardShow(server, deps);
    registerViewTools(server, deps);
    registerViewResource(server);
  };
}
