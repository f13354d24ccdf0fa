// The in-chat view: the dashboard's own widgets (the page's components, unchanged) in a narrow column, with a small
// header that opens the full page, goes fullscreen and exports through the host where it offers them.
import { createEffect, createMemo, Match, Show, Switch, type JSX } from 'solid-js';
import { MessageBox } from '../components/message-box';
import { WidgetGrid } from '../components/widget-grid';
import { DownloadContext, safeFilename, type Downloader } from '../lib/download';
import { createResolvedTheme } from '../lib/theme';
import { GonePage } from '../pages/gone';
import { DashboardContext, ThemeContext, useDashboard } from '../state/dashboard-context';
import type { BridgeApi } from './bridge-api';
import { hostDownloader, openFullPage, toggleFullscreen } from './host-actions';
import type { Host } from './host';
import { createViewData } from './view.data';

function ViewHeader(props: { host: Host; url: () => string | undefined; downloader: Downloader | undefined }): JSX.Element {
  const data = useDashboard();
  const meta = () => data.store.meta();
  const exportJson = (): void => {
    const doc = data.store.toJSON();
    if (doc) props.downloader?.save(new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' }), `${safeFilename(doc.title)}.json`);
  };
  const fullscreen = () => props.host.context().displayMode === 'fullscreen';
  return (
    <header class="view-head">
      <h1 class="view-title">{meta()?.title ?? 'Dashboard'}</h1>
      <div class="view-actions">
        <Show when={data.connection() === 'reconnecting'}>
          <span class="conn conn-lost" role="status"><span class="dot" aria-hidden="true" /> Reconnecting…</span>
        </Show>
        <Show when={props.url()}>
          {(url) => (
            <button type="button" class="button" onClick={() => void openFullPage(props.host, url())}>Open full page</button>
          )}
        </Show>
        <Show when={props.host.canFullscreen()}>
          <button type="button" class="button" onClick={() => void toggleFullscreen(props.host)}>{fullscreen() ? 'Exit full screen' : 'Full screen'}</button>
        </Show>
        <Show when={props.downloader}>
          <button type="button" class="button" onClick={exportJson}>JSON</button>
        </Show>
      </div>
      <Show when={meta()?.description}>{(d) => <p class="page-desc view-desc">{d()}</p>}</Show>
    </header>
  );
}

function ViewGrid(): JSX.Element {
  return <WidgetGrid class="view-grid" emptyHint="The assistant's charts, tables and notes appear here as soon as it writes them." />;
}

/** One dashboard, live, once the host said which. */
export function DashboardView(props: { id: string; host: Host; api: BridgeApi; url: () => string | undefined }): JSX.Element {
  const data = createViewData(props.id, props.api, props.host.tornDown);
  // The dashboard's own theme wins when it sets one; "auto" follows the host's light/dark, then the system's.
  const theme = createResolvedTheme(() => {
    const own = data.store.meta()?.theme ?? 'auto';
    return own !== 'auto' ? own : (props.host.context().theme ?? 'auto');
  });
  const downloader = createMemo(() => (props.host.canDownload() ? hostDownloader(props.host) : undefined));
  createEffect(() => document.documentElement.toggleAttribute('data-fullscreen', props.host.context().displayMode === 'fullscreen'));
  return (
    <DashboardContext.Provider value={data}>
      <ThemeContext.Provider value={theme}>
        <DownloadContext.Provider value={downloader() ?? null}>
          <Switch>
            <Match when={data.status() === 'loading'}>
              <div class="page-state view-state" role="status" aria-live="polite">
                <div class="spinner" aria-hidden="true" />
                <p>Loading dashboard…</p>
              </div>
            </Match>
            <Match when={data.status() === 'not-found' || data.status() === 'expired'}>
              <GonePage expired={data.status() === 'expired'} about={false} />
            </Match>
            <Match when={data.status() === 'ready'}>
              <div class="page view">
                <ViewHeader host={props.host} url={props.url} downloader={downloader()} />
                <ViewGrid />
                <MessageBox />
              </div>
            </Match>
          </Switch>
        </DownloadContext.Provider>
      </ThemeContext.Provider>
    </DashboardContext.Provider>
  );
}
