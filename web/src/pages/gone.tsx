// The page for an unknown or expired dashboard: what happened and how to get a new one, with this server's real
// lifetime (--ttl, from /api/info), the same words whether the page saw it expire or was loaded afterwards.
import { createResource, Show, type JSX } from 'solid-js';
import type { Api } from '../api/client';
import { formatDuration } from '../../../server/dashboard/present/format.ts';

/** `about`: false where the server's home page cannot be opened (the in-chat view); `api` reads the real --ttl. */
export function GonePage(props: { expired: boolean; api?: Api; about?: boolean }): JSX.Element {
  const [info] = createResource(
    () => props.api,
    async (api) => {
      const res = await api.getInfo().catch(() => undefined);
      return res?.ok ? res.value : undefined;
    },
  );
  const lifetime = (): string => {
    const ttl = info()?.ttlMs;
    return typeof ttl === 'number' && ttl > 0 ? `after ${formatDuration(ttl)}` : 'after a while';
  };
  return (
    <main class="page-state gone">
      <h1>{props.expired ? 'This dashboard has expired' : 'Dashboard not found'}</h1>
      <p>
        {props.expired
          ? 'It was removed: the assistant had not used it for a while, or the owner of this server deleted it.'
          : 'There is no dashboard at this address: the link may be mistyped, or the dashboard expired and was removed.'}
      </p>
      <Show when={!info.loading}>
        <p class="gone-ttl">Dashboards on this server are removed {lifetime()} without activity from the assistant.</p>
      </Show>
      <p>
        To get a new one, ask the assistant to call <code>dashboard_open</code> again; it replies with a fresh link.
      </p>
      {props.about !== false && <p><a href="/">About this mcpdash server</a></p>}
    </main>
  );
}
