// The owner console at /: signed out, what this server is, how to connect and a sign-in (never a dashboard
// title); signed in, the dashboards, connected clients, static tokens and data used, with delete and revoke, and
// still the MCP URL and how to connect.
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Api, ConsoleOverview, OwnerApi } from '../api/client';
import { useNow } from '../lib/clock';
import { relativeTime } from '../../../server/dashboard/present/format.ts';
import { createResolvedTheme } from '../lib/theme';
import { createConsoleData, type ConsoleData } from './console.data';
import { ConnectSteps, Copyable, HomePage } from './home';
import { PasswordLockouts } from './console-lockouts';
import './console.css';

/** A destructive button that asks once more before acting. */
function ConfirmButton(props: { label: string; confirm: string; name: string; onConfirm: () => Promise<void> }): JSX.Element {
  const [armed, setArmed] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const click = async (): Promise<void> => {
    if (!armed()) return void setArmed(true);
    setBusy(true);
    await props.onConfirm();
    setBusy(false);
    setArmed(false);
  };
  return (
    <button type="button" class="button danger" disabled={busy()} aria-label={`${armed() ? props.confirm : props.label} ${props.name}`} onClick={click} onBlur={() => setArmed(false)}>
      {armed() ? props.confirm : props.label}
    </button>
  );
}

function SignIn(props: { data: ConsoleData }): JSX.Element {
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    if (await props.data.signIn(password())) setPassword('');
    setBusy(false);
  };
  return (
    <section class="card" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Owner sign-in</h2>
      <Show
        when={props.data.session()?.passwordSet !== false}
        fallback={<p class="muted">No owner password is set yet. Open the setup link the server printed at start, or run <code>mcpdash owner reset</code> for a new one.</p>}
      >
        <form class="owner-form" onSubmit={submit}>
          {/* Lets password managers file the password under a name. */}
          <input type="text" name="username" autocomplete="username" value="mcpdash owner" readonly hidden />
          <label for="owner-password">Owner password</label>
          <input id="owner-password" type="password" autocomplete="current-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} required />
          <button type="submit" class="button primary" disabled={busy() || password() === ''}>Sign in</button>
        </form>
      </Show>
      <Show when={props.data.error()}>{(message) => <p class="form-error" role="alert">{message()}</p>}</Show>
    </section>
  );
}

function AccessHelp(props: { mcpUrl: string }): JSX.Element {
  return (
    <section class="card">
      <h2>Who may connect</h2>
      <p class="muted">
        Only clients the owner approved can write. When Claude.ai or Claude Code connects, it opens a consent page
        here: the owner types the password and clicks Approve. People you share a dashboard link with can watch it,
        never change it.
      </p>
      <h2>Claude Code or scripts with a token</h2>
      <p class="muted">Claude Code can sign in with OAuth like Claude.ai, or use a static token made on the server:</p>
      <Copyable text="mcpdash token create laptop --data-dir <data dir>" label="token command" />
      <Copyable text={`claude mcp add --transport http mcpdash ${props.mcpUrl} --header "Authorization: Bearer <token>"`} label="Claude Code command with a token" />
    </section>
  );
}

const bytes = (n: number): string => (n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KiB` : n < 1024 ** 3 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024 ** 3).toFixed(2)} GiB`);

/** A card with a table of items (or a line saying there are none), each row ending in its action. */
function ListCard<T>(props: { id: string; title: JSX.Element; items: T[]; empty: JSX.Element; columns: string[]; row: (item: T) => JSX.Element; children?: JSX.Element }): JSX.Element {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <Show when={props.items.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <table class="console-table">
          <thead>
            <tr>
              <For each={props.columns}>{(column) => <th>{column}</th>}</For>
              <th><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody><For each={props.items}>{(item) => props.row(item)}</For></tbody>
        </table>
        {props.children}
      </Show>
    </section>
  );
}

function Dashboards(props: { overview: ConsoleOverview; data: ConsoleData; now: number }): JSX.Element {
  const list = () => props.overview.dashboards;
  return (
    <ListCard
      id="dashboards-title"
      title={<>Dashboards <span class="count">{list().total}</span></>}
      items={list().items}
      empty="No dashboards right now. They appear when an assistant calls dashboard_open."
      columns={['Title', 'Last change', 'Expires']}
      row={(d) => (
        <tr>
          <td><a href={`/dashboard/${encodeURIComponent(d.id)}`} target="_blank" rel="noopener noreferrer">{d.title}</a></td>
          <td title={d.updatedAt}>{relativeTime(d.updatedAt, props.now)}</td>
          <td title={d.expiresAt}>{relativeTime(d.expiresAt, props.now)}</td>
          <td class="actions"><ConfirmButton label="Delete" confirm="Really delete" name={d.title} onConfirm={() => props.data.deleteDashboard(d.id)} /></td>
        </tr>
      )}
    >
      <Show when={list().total > list().items.length}><p class="muted">Showing the {list().items.length} most recently changed of {list().total}.</p></Show>
    </ListCard>
  );
}

function Access(props: { overview: ConsoleOverview; data: ConsoleData; now: number }): JSX.Element {
  const when = (iso: string | null) => (iso ? relativeTime(iso, props.now) : 'never');
  return (
    <>
      <ListCard
        id="clients-title"
        title="Connected clients"
        items={props.overview.clients}
        empty="No OAuth client has been approved yet."
        columns={['Name', 'Redirects to', 'Last use']}
        row={(client) => (
          <tr>
            <td>{client.name}<Show when={client.kind === 'cimd'}><div class="muted small">{client.id}</div></Show></td>
            <td>{client.redirectHosts.join(', ')}</td>
            <td>{when(client.lastUsedAt)}</td>
            <td class="actions"><ConfirmButton label="Revoke" confirm="Really revoke" name={client.name} onConfirm={() => props.data.revokeClient(client.id)} /></td>
          </tr>
        )}
      />
      <ListCard
        id="tokens-title"
        title="Static tokens"
        items={props.overview.tokens}
        empty={<>None. Create one on the server: <code>mcpdash token create &lt;name&gt;</code></>}
        columns={['Name', 'Scope', 'Created', 'Last use']}
        row={(token) => (
          <tr>
            <td>{token.name}</td>
            <td>{token.scope}</td>
            <td>{when(token.createdAt)}</td>
            <td>{when(token.lastUsedAt)}</td>
            <td class="actions"><ConfirmButton label="Revoke" confirm="Really revoke" name={token.name} onConfirm={() => props.data.revokeToken(token.name)} /></td>
          </tr>
        )}
      />
    </>
  );
}

function DataUsed(props: { usage: ConsoleOverview['usage'] }): JSX.Element {
  const share = () => (props.usage.budgetBytes ? Math.min(1, props.usage.usedBytes / props.usage.budgetBytes) : undefined);
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <p>
        {bytes(props.usage.usedBytes)} used
        <Show when={props.usage.budgetBytes}>{(budget) => <> of {bytes(budget())} ({Math.round((share() ?? 0) * 100)} %)</>}</Show>
      </p>
      <Show when={share() !== undefined}>
        <div class="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((share() ?? 0) * 100)}>
          <div class="progress-fill" style={{ width: `${(share() ?? 0) * 100}%` }} />
        </div>
      </Show>
    </section>
  );
}

function OwnerConsole(props: { data: ConsoleData }): JSX.Element {
  const now = useNow();
  const mcpUrl = (): string => props.data.session()?.mcpUrl ?? `${location.origin}/mcp`;
  return (
    <main class="home console">
      <header class="console-head">
        <h1>mcpdash</h1>
        <span class="muted">owner console</span>
        <button type="button" class="button" onClick={() => void props.data.signOut()}>Sign out</button>
      </header>
      <Show when={props.data.session()?.auth === false}>
        <p class="notice">Auth is off: /mcp accepts requests without a token. Start the server with <code>--auth on</code> to require your approval.</p>
      </Show>
      <Show when={props.data.error()}>{(message) => <p class="form-error" role="alert">{message()}</p>}</Show>
      <Show when={props.data.overview()} fallback={<p class="muted">Loading…</p>}>
        {(overview) => (
          <>
            <PasswordLockouts attempts={overview().passwordAttempts} now={now()} />
            <Dashboards overview={overview()} data={props.data} now={now()} />
            <Access overview={overview()} data={props.data} now={now()} />
            <DataUsed usage={overview().usage} />
          </>
        )}
      </Show>
      {/* Signed in, the owner still needs the URL and the steps: connecting another client is why many come here. */}
      <ConnectSteps mcpUrl={mcpUrl()} />
      <Show when={props.data.session()?.auth}>
        <AccessHelp mcpUrl={mcpUrl()} />
      </Show>
    </main>
  );
}

export function ConsolePage(props: { api: Api; owner: OwnerApi }): JSX.Element {
  createResolvedTheme(() => 'auto');
  const data = createConsoleData(props.owner);
  return (
    <Show when={data.session()?.signedIn} fallback={
      <HomePage api={props.api}>
        <Show when={data.session()?.auth}>
          <AccessHelp mcpUrl={data.session()?.mcpUrl ?? `${location.origin}/mcp`} />
        </Show>
        <SignIn data={data} />
      </HomePage>
    }>
      <OwnerConsole data={data} />
    </Show>
  );
}
