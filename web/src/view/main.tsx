// Entry of the in-chat view (the MCP App document ui://mcpdash/dashboard): connects to the host, waits for the tool
// result that names the dashboard, then draws it with the page's own widgets.
import { Show, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import type { FeedbackInput } from '../api/types';
import { bridgeApi, type BridgeApi } from './bridge-api';
import { connectHost, type Host } from './host';
import { tellModel } from './host-actions';
import { answerSummary } from './answer-summary';
import { DashboardView } from './view-page';
import '../styles.css';
import './view.css';

/** Sends through the host, then tells the host's model what was answered (where the host takes model context). */
function withModelContext(api: BridgeApi, host: Host): BridgeApi {
  const recent: FeedbackInput[] = [];
  return {
    ...api,
    async postFeedback(dashboard, input) {
      const result = await api.postFeedback(dashboard, input);
      if (result.ok) {
        recent.push(input);
        if (recent.length > 5) recent.shift();
        void tellModel(host, dashboard, answerSummary(recent));
      }
      return result;
    },
  };
}

/** Links in markdown and tables open through the host: a sandboxed frame cannot open windows itself. */
function routeLinks(host: Host): void {
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!anchor || !/^https?:/.test(anchor.href)) return;
    event.preventDefault();
    void host.app.openLink({ url: anchor.href }).catch(() => undefined);
  });
}

function Root(props: { host: Host }): JSX.Element {
  const api = withModelContext(bridgeApi(props.host.app), props.host);
  return (
    <Show
      when={props.host.dashboardRef()}
      keyed
      fallback={
        <div class="page-state view-state" role="status" aria-live="polite">
          <Show when={!props.host.failed()} fallback={<p>The assistant's call did not open a dashboard, so there is nothing to show here.</p>}>
            <div class="spinner" aria-hidden="true" />
            <p>Opening the dashboard…</p>
          </Show>
        </div>
      }
    >
      {(id) => <DashboardView id={id} host={props.host} api={api} url={props.host.dashboardUrl} />}
    </Show>
  );
}

void connectHost().then((host) => {
  routeLinks(host);
  render(() => <Root host={host} />, document.getElementById('root')!);
});
