// The dashboard page: loading, gone, or the header plus the widget grid, live.
import { Match, Show, Switch, type JSX } from 'solid-js';
import type { Api } from '../api/client';
import { DashboardHeader } from '../components/dashboard-header';
import { MessageBox } from '../components/message-box';
import { WidgetGrid } from '../components/widget-grid';
import { createResolvedTheme } from '../lib/theme';
import { DashboardContext, ThemeContext } from '../state/dashboard-context';
import { createDashboardData, type DataOptions } from './dashboard.data';
import { GonePage } from './gone';

function Grid(): JSX.Element {
  return <WidgetGrid emptyHint="Ask the assistant to put charts, tables or notes on this dashboard. They appear here as soon as it writes them." />;
}

export function DashboardPage(props: { id: string; api: Api; options?: DataOptions }): JSX.Element {
  const data = createDashboardData(props.id, props.api, props.options);
  const theme = createResolvedTheme(() => data.store.meta()?.theme ?? 'auto');
  return (
    <DashboardContext.Provider value={data}>
      <ThemeContext.Provider value={theme}>
        <Switch>
          <Match when={data.status() === 'loading'}>
            <div class="page-state" role="status" aria-live="polite">
              <div class="spinner" aria-hidden="true" />
              <p>Loading dashboard…</p>
              <Show when={data.connection() === 'reconnecting'}>
                <p class="conn conn-lost">Cannot reach the server; retrying…</p>
              </Show>
            </div>
          </Match>
          <Match when={data.status() === 'not-found' || data.status() === 'expired'}>
            <GonePage expired={data.status() === 'expired'} api={props.api} />
          </Match>
          <Match when={data.status() === 'ready'}>
            <div class="page">
              <DashboardHeader />
              <Grid />
              <MessageBox />
              <footer class="page-foot">mcpdash · this page updates by itself; no need to reload</footer>
            </div>
          </Match>
        </Switch>
      </ThemeContext.Provider>
    </DashboardContext.Provider>
  );
}
