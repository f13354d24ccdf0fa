// The view's link to its host (MCP Apps, see host-link.ts): connects, follows the host context
// (theme, display mode) as signals, and wraps what the host may offer (links, fullscreen, downloads, model context).
import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps';
import { HostLink } from './host-link';
import { createSignal, type Accessor } from 'solid-js';
import { VERSION_LABEL } from './version';

export interface Host {
  app: HostLink;
  context: Accessor<McpUiHostContext>;
  /** The dashboard id from the tool result (or the tool input while the call still runs). */
  dashboardRef: Accessor<string | undefined>;
  /** The dashboard's page, from the tool result. */
  dashboardUrl: Accessor<string | undefined>;
  canDownload(): boolean;
  canFullscreen(): boolean;
  canUpdateModelContext(): boolean;
  /** The tool call failed or was cancelled before naming a dashboard: nothing to show. */
  failed: Accessor<boolean>;
  /** Teardown asked: stop everything that talks to the server. */
  tornDown: Accessor<boolean>;
}

const refFrom = (value: unknown): string | undefined => {
  const v = value as { dashboard_id?: unknown; dashboard?: unknown } | undefined;
  if (typeof v?.dashboard_id === 'string') return v.dashboard_id;
  if (typeof v?.dashboard === 'string') return v.dashboard;
  return undefined;
};

export async function connectHost(): Promise<Host> {
  // autoResize: the view reports its height on every layout change, so the host shows it without an inner scrollbar.
  const app = new HostLink({ name: 'mcpdash', version: VERSION_LABEL }, { availableDisplayModes: ['inline', 'fullscreen'] });
  const [context, setContext] = createSignal<McpUiHostContext>({});
  const [dashboardRef, setDashboardRef] = createSignal<string>();
  const [dashboardUrl, setDashboardUrl] = createSignal<string>();
  const [tornDown, setTornDown] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  app.ontoolinput = (params) => {
    const ref = refFrom(params.arguments);
    if (ref && !dashboardRef()) setDashboardRef(ref);
  };
  app.ontoolresult = (result) => {
    // Results always carry dashboard_id; a failed call has none and leaves the view where it was.
    const ref = refFrom(result.structuredContent);
    const url = (result.structuredContent as { url?: unknown } | undefined)?.url;
    if (typeof url === 'string' && /^https?:\/\//.test(url)) setDashboardUrl(url);
    if (ref) setDashboardRef(ref);
    else if (result.isError && !dashboardRef()) setFailed(true);
  };
  app.ontoolcancelled = () => {
    if (!dashboardRef()) setFailed(true);
  };
  app.onhostcontextchanged = (change) => setContext((current) => ({ ...current, ...change }));
  app.onteardown = () => setTornDown(true);
  await app.connect({ autoResize: true });
  setContext(app.getHostContext() ?? {});
  const caps = () => app.getHostCapabilities() ?? {};
  return {
    app,
    context,
    dashboardRef,
    dashboardUrl,
    failed,
    tornDown,
    canDownload: () => caps().downloadFile !== undefined,
    canFullscreen: () => (context().availableDisplayModes ?? []).includes('fullscreen'),
    canUpdateModelContext: () => caps().updateModelContext !== undefined,
  };
}
