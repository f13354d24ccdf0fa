// The page for an unknown or expired dashboard: what happened and how to get a new one.
import type { JSX } from 'solid-js';

/** `about`: false where the server's home page cannot be opened (the in-chat view). */
export function GonePage(props: { expired: boolean; about?: boolean }): JSX.Element {
  return (
    <main class="page-state gone">
      <h1>{props.expired ? 'This dashboard has expired' : 'Dashboard not found'}</h1>
      <p>
        {props.expired
          ? 'It was removed after a period without activity from the assistant.'
          : 'There is no dashboard at this address. The link may be mistyped, or the dashboard expired.'}{' '}
        Dashboards are kept while the conversation uses them and expire after inactivity (24 hours by default).
      </p>
      <p>
        To get a new one, ask the assistant to call <code>dashboard_open</code> again; it replies with a fresh link.
      </p>
      {props.about !== false && <p><a href="/">About this mcpdash server</a></p>}
    </main>
  );
}
