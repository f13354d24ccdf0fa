// The in-chat view with a stand-in host and bridge: draws the loaded document with the page's widgets, applies the
// changes a wait returns, shows the page's gone state, backs off on errors, stops on teardown, follows the theme,
// and offers exports only where the host can save files.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { createRoot, createSignal } from 'solid-js';
import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps';
import type { DashboardView as Doc, WidgetView } from '../../../web/src/api/types';
import type { BridgeApi, Change } from '../../../web/src/view/bridge-api';
import type { Host } from '../../../web/src/view/host';
import { createViewData } from '../../../web/src/view/view.data';
import { DashboardView } from '../../../web/src/view/view-page';

afterEach(() => cleanup());

const doc = (widgets: WidgetView[], extra: Partial<Doc> = {}): Doc => ({
  id: 'd1',
  title: 'Sales',
  theme: 'auto',
  feedback: true,
  widgets,
  revision: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  expiresAt: '2026-01-02T00:00:00Z',
  ...extra,
});
const metric = (id: string, label: string): WidgetView => ({ id, kind: 'metric', value: 1, label });

/** A bridge whose waits are answered by the test, one at a time. */
function fakeBridge(first: Change) {
  const waits: { after: number; signal: AbortSignal; answer: (c: Change) => void }[] = [];
  const api: BridgeApi = {
    load: async () => first,
    wait: (_d, _v, after, signal) => new Promise((answer) => waits.push({ after, signal, answer })),
    postFeedback: async () => ({ ok: true, id: 1, at: '' }),
  };
  return { api, waits };
}

function fakeHost(options: { download?: boolean; theme?: 'light' | 'dark' } = {}) {
  const [context, setContext] = createSignal<McpUiHostContext>({ theme: options.theme });
  const [tornDown, setTornDown] = createSignal(false);
  const asked: string[] = [];
  const host = {
    app: { openLink: async (p: { url: string }) => asked.push(p.url), downloadFile: async () => asked.push('download'), requestDisplayMode: async () => ({}) },
    context,
    dashboardRef: () => 'd1',
    dashboardUrl: () => 'https://dash.example.com/dashboard/d1',
    tornDown,
    canDownload: () => options.download ?? false,
    canFullscreen: () => false,
    canUpdateModelContext: () => false,
  } as unknown as Host;
  return { host, setContext, setTornDown, asked };
}

describe('in-chat view', () => {
  it('draws the loaded document with the page widgets, then applies the changed widgets a wait returns', async () => {
    const { api, waits } = fakeBridge({ status: 'document', document: doc([metric('a', 'Alpha'), metric('b', 'Beta')]), inbox: { answers: [] } });
    const { host } = fakeHost();
    render(() => <DashboardView id="d1" host={host} api={api} url={host.dashboardUrl} />);
    await screen.findByText('Alpha');
    expect(screen.getByRole('heading', { name: 'Sales' })).toBeTruthy();
    await waitFor(() => expect(waits).toHaveLength(1));
    expect(waits[0]!.after).toBe(3);
    waits[0]!.answer({
      status: 'update',
      update: { revision: 4, updatedAt: '', expiresAt: '', title: 'Sales', theme: 'auto', feedback: true, order: ['b'], changed: [metric('b', 'Beta two')], removed: ['a'] },
      inbox: { answers: [] },
    });
    await screen.findByText('Beta two');
    expect(screen.queryByText('Alpha')).toBeNull();
    await waitFor(() => expect(waits).toHaveLength(2));
    expect(waits[1]!.after).toBe(4);
  });

  it("shows the page's expired state when the dashboard goes away, and waits no more", async () => {
    const { api, waits } = fakeBridge({ status: 'document', document: doc([metric('a', 'Alpha')]), inbox: { answers: [] } });
    const { host } = fakeHost();
    render(() => <DashboardView id="d1" host={host} api={api} url={host.dashboardUrl} />);
    await waitFor(() => expect(waits).toHaveLength(1));
    waits[0]!.answer({ status: 'gone' });
    await screen.findByRole('heading', { name: 'This dashboard has expired' });
    await new Promise((r) => setTimeout(r, 400));
    expect(waits).toHaveLength(1);
  });

  it('teardown cancels the pending wait and starts no other', async () => {
    const { api, waits } = fakeBridge({ status: 'document', document: doc([metric('a', 'Alpha')]), inbox: { answers: [] } });
    const { host, setTornDown } = fakeHost();
    render(() => <DashboardView id="d1" host={host} api={api} url={host.dashboardUrl} />);
    await waitFor(() => expect(waits).toHaveLength(1));
    setTornDown(true);
    expect(waits[0]!.signal.aborted).toBe(true);
    waits[0]!.answer({ status: 'unchanged', revision: 3 });
    await new Promise((r) => setTimeout(r, 400));
    expect(waits).toHaveLength(1);
  });

  it('backs off after a failed wait instead of calling again at once', async () => {
    let calls = 0;
    const api: BridgeApi = {
      load: async () => ({ status: 'document', document: doc([]), inbox: {} }),
      wait: async () => {
        calls++;
        return { status: 'retry' };
      },
      postFeedback: async () => ({ ok: true, id: 1, at: '' }),
    };
    const [stopped, setStopped] = createSignal(false);
    createRoot((dispose) => {
      createViewData('d1', api, stopped, { maxBackoffMs: 200, minIntervalMs: 0 });
      setTimeout(() => {
        setStopped(true);
        dispose();
      }, 700);
    });
    await new Promise((r) => setTimeout(r, 800));
    // 1 s, 2 s, ... capped at 200 ms here: about 4 tries in 700 ms, never hundreds.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(6);
  });

  it('follows the host theme unless the dashboard sets its own', async () => {
    const { api } = fakeBridge({ status: 'document', document: doc([metric('a', 'Alpha')]), inbox: {} });
    const { host, setContext } = fakeHost({ theme: 'dark' });
    render(() => <DashboardView id="d1" host={host} api={api} url={host.dashboardUrl} />);
    await screen.findByText('Alpha');
    expect(document.documentElement.dataset.theme).toBe('dark');
    setContext({ theme: 'light' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    cleanup();
    const own = fakeBridge({ status: 'document', document: doc([metric('a', 'Alpha')], { theme: 'dark' }), inbox: {} });
    render(() => <DashboardView id="d1" host={host} api={own.api} url={host.dashboardUrl} />);
    await screen.findByText('Alpha');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('offers CSV and JSON exports only where the host saves files; the full page opens through the host', async () => {
    const table: WidgetView = { id: 't', kind: 'table', title: 'Rows', columns: [{ key: 'a' }], rows: [{ a: 1 }] };
    const without = fakeBridge({ status: 'document', document: doc([table]), inbox: {} });
    const plain = fakeHost();
    render(() => <DashboardView id="d1" host={plain.host} api={without.api} url={plain.host.dashboardUrl} />);
    await screen.findByText('Rows');
    expect(screen.queryByRole('button', { name: 'CSV' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'JSON' })).toBeNull();
    screen.getByRole('button', { name: 'Open full page' }).click();
    await waitFor(() => expect(plain.asked).toEqual(['https://dash.example.com/dashboard/d1']));
    cleanup();
    const saving = fakeHost({ download: true });
    render(() => <DashboardView id="d1" host={saving.host} api={fakeBridge({ status: 'document', document: doc([table]), inbox: {} }).api} url={saving.host.dashboardUrl} />);
    await screen.findByText('Rows');
    screen.getByRole('button', { name: 'CSV' }).click();
    await waitFor(() => expect(saving.asked).toEqual(['download']));
    expect(screen.getByRole('button', { name: 'JSON' })).toBeTruthy();
  });
});
