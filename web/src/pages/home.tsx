// Home page: what mcpdash is, its version and MCP URL, and how to connect Claude to it.
import { createSignal, Show, type JSX } from 'solid-js';
import type { Api } from '../api/client';
import { createResolvedTheme } from '../lib/theme';
import { createHomeData } from './home.data';

export function Copyable(props: { text: string; label: string }): JSX.Element {
  const [copied, setCopied] = createSignal(false);
  const copy = (): void => {
    void navigator.clipboard?.writeText(props.text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <div class="copyable">
      <code>{props.text}</code>
      <button type="button" class="button" onClick={copy} aria-label={`Copy ${props.label}`}>{copied() ? 'Copied' : 'Copy'}</button>
    </div>
  );
}

/** The MCP URL and how to connect Claude.ai and Claude Code to it: on the public page and in the owner's console. */
export function ConnectSteps(props: { mcpUrl: string }): JSX.Element {
  return (
    <>
      <section class="card">
        <h2>MCP URL</h2>
        <Copyable text={props.mcpUrl} label="MCP URL" />
      </section>
      <section class="card">
        <h2>Connect Claude.ai</h2>
        <ol>
          <li>Open <strong>Settings → Connectors</strong>.</li>
          <li>Choose <strong>Add custom connector</strong>.</li>
          <li>Paste the MCP URL above and save.</li>
          <li>In a chat, ask for a dashboard: Claude calls <code>dashboard_open</code> and replies with its link.</li>
        </ol>
      </section>
      <section class="card">
        <h2>Connect Claude Code</h2>
        <Copyable text={`claude mcp add --transport http mcpdash ${props.mcpUrl}`} label="Claude Code command" />
      </section>
    </>
  );
}

/** `children` go after the connection steps (the console adds its sign-in there). */
export function HomePage(props: { api: Api; children?: JSX.Element }): JSX.Element {
  createResolvedTheme(() => 'auto');
  const info = createHomeData(props.api);
  const mcpUrl = (): string => info()?.mcpUrl ?? `${location.origin}/mcp`;
  return (
    <main class="home">
      <h1>mcpdash</h1>
      <p class="lead">
        A live dashboard for every AI conversation. Your assistant puts charts, tables, metrics and notes on a page
        at a stable address, and the page updates as the conversation goes on. Dashboards expire on their own after
        a period without activity.
      </p>
      <Show when={info()}>{(i) => <p class="muted">Version {i().version}</p>}</Show>
      <ConnectSteps mcpUrl={mcpUrl()} />
      {props.children}
    </main>
  );
}
