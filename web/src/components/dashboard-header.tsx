// Page header: title, description, "updated 5 s ago", expiry, connection state and the JSON download.
import { createEffect, Match, Show, Switch, type JSX } from 'solid-js';
import { useNow } from '../lib/clock';
import { downloadText, safeFilename } from '../lib/download';
import { relativeTime } from '../../../server/dashboard/present/format.ts';
import { useDashboard } from '../state/dashboard-context';

function ConnectionBadge(): JSX.Element {
  const data = useDashboard();
  const now = useNow();
  const seconds = (): number => Math.max(0, Math.ceil(((data.retryAt() ?? now()) - now()) / 1000));
  return (
    <Switch>
      <Match when={data.connection() === 'live'}>
        <span class="conn conn-live" title="Receiving updates live">
          <span class="dot" aria-hidden="true" /> Live
        </span>
      </Match>
      <Match when={data.connection() === 'connecting'}>
        <span class="conn conn-connecting"><span class="dot" aria-hidden="true" /> Connecting…</span>
      </Match>
      <Match when={data.connection() === 'reconnecting'}>
        <span class="conn conn-lost" role="status">
          <span class="dot" aria-hidden="true" /> Connection lost
          <Show when={data.retryAt()}> · retrying in {seconds()} s</Show>{' '}
          <button type="button" class="link-button" onClick={() => data.reconnectNow()}>Retry now</button>
        </span>
      </Match>
    </Switch>
  );
}

export function DashboardHeader(): JSX.Element {
  const data = useDashboard();
  const now = useNow();
  const meta = () => data.store.meta();
  createEffect(() => {
    // The tab title tells several open dashboards apart.
    document.title = `${meta()?.title ?? 'Dashboard'} · mcpdash`;
  });
  const download = (): void => {
    const doc = data.store.toJSON();
    if (doc) downloadText(JSON.stringify(doc, null, 2) + '\n', `${safeFilename(doc.title)}.json`, 'application/json');
  };
  return (
    <header class="page-head">
      <div class="page-head-main">
        <h1>{meta()?.title ?? 'Dashboard'}</h1>
        <Show when={meta()?.description}>{(d) => <p class="page-desc">{d()}</p>}</Show>
      </div>
      <div class="page-head-side">
        <ConnectionBadge />
        <Show when={meta()}>
          {(m) => (
            <p class="page-times">
              <span title={m().updatedAt}>updated {relativeTime(m().updatedAt, now())}</span>
              {' · '}
              <span title={m().expiresAt}>expires {relativeTime(m().expiresAt, now())} if unused</span>
            </p>
          )}
        </Show>
        <button type="button" class="button" onClick={download}>Download JSON</button>
      </div>
    </header>
  );
}
