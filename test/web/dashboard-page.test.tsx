import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { DashboardPage } from '../../web/src/pages/dashboard';
import { HomePage } from '../../web/src/pages/home';
import { createFakeApi, sse, tick, view } from './fake-api';
import type { ServerInfo, WidgetView } from '../../web/src/api/types';

afterEach(cleanup);

const metric = (id: string, value: number): WidgetView => ({ id, kind: 'metric', title: `Metric ${id}`, label: id, value });
const opts = { backoffBaseMs: 20, backoffMaxMs: 40 };

async function readyPage(widgets: WidgetView[], info?: ServerInfo) {
  const api = createFakeApi(info);
  const r = render(() => <DashboardPage id="d1" api={api} options={opts} />);
  api.resolveDashboard({ ok: true, value: view(widgets) });
  await waitFor(() => expect(api.streams).toHaveLength(1));
  const stream = api.streams[0]!;
  stream.handlers.onOpen(200);
  stream.send(sse('snapshot', view(widgets), 1));
  return { api, stream, ...r };
}

describe('DashboardPage', () => {
  it('shows a loading state until the document arrives', async () => {
    const api = createFakeApi();
    render(() => <DashboardPage id="d1" api={api} options={opts} />);
    expect(screen.getByText(/Loading dashboard/)).toBeTruthy();
    api.resolveDashboard({ ok: true, value: view([metric('a', 1)]) });
    await screen.findByRole('heading', { level: 1, name: 'Test board' });
    expect(screen.queryByText(/Loading dashboard/)).toBeNull();
  });

  it('says the dashboard was not found, this server\'s real lifetime, and how to get a new one on a 404', async () => {
    const api = createFakeApi({ name: 'mcpdash', version: '1', mcpUrl: 'http://x/mcp', publicUrl: 'http://x', ttlMs: 5_000 });
    render(() => <DashboardPage id="nope" api={api} options={opts} />);
    api.resolveDashboard({ ok: false, status: 404 });
    await screen.findByRole('heading', { name: /not found/i });
    expect((await screen.findByText(/removed after/)).textContent).toContain('after 5 seconds without activity');
    expect(document.body.textContent).not.toContain('24 hours');
    expect(screen.getByText('dashboard_open')).toBeTruthy();
    expect(api.streams).toHaveLength(0);
  });

  it('says "expired" on a fresh load when the server answers 410, in the words a page that saw it expire uses', async () => {
    const info: ServerInfo = { name: 'mcpdash', version: '1', mcpUrl: 'http://x/mcp', publicUrl: 'http://x', ttlMs: 86_400_000 };
    const api = createFakeApi(info);
    const r = render(() => <DashboardPage id="old" api={api} options={opts} />);
    api.resolveDashboard({ ok: false, status: 410 });
    await screen.findByRole('heading', { name: 'This dashboard has expired' });
    await screen.findByText(/after 1 day without activity/);
    const onReload = r.container.textContent;
    cleanup();
    const live = await readyPage([metric('a', 1)], info);
    live.stream.send(sse('expired', { id: 'd1' }));
    await screen.findByRole('heading', { name: 'This dashboard has expired' });
    await waitFor(() => expect(live.container.textContent).toBe(onReload));
  });

  it('switches to the expired page when the stream says the dashboard expired', async () => {
    const { stream } = await readyPage([metric('a', 1)]);
    stream.send(sse('expired', { id: 'd1' }));
    await screen.findByRole('heading', { name: /has expired/ });
    expect(stream.closed).toBe(true);
  });

  it('re-renders only the changed widget: the unchanged widget keeps its DOM node', async () => {
    const { stream, container } = await readyPage([metric('a', 1), metric('b', 2)]);
    await screen.findByText('Metric a');
    const nodeA = container.querySelector('[data-widget-id="a"]');
    const numberA = nodeA!.querySelector('.metric-number');
    const nodeB = container.querySelector('[data-widget-id="b"]');
    stream.send(sse('update', { revision: 2, updatedAt: new Date().toISOString(), expiresAt: new Date().toISOString(), title: 'Test board', theme: 'light', order: ['a', 'b', 'c'], changed: [metric('b', 99), metric('c', 3)], removed: [] }, 2));
    await screen.findByText('Metric c');
    expect(container.querySelector('[data-widget-id="a"]')).toBe(nodeA);
    expect(nodeA!.querySelector('.metric-number')).toBe(numberA);
    expect(container.querySelector('[data-widget-id="b"]')).toBe(nodeB);
    expect(nodeB!.querySelector('.metric-number')?.textContent).toBe('99');
    expect([...container.querySelectorAll('[data-widget-id]')].map((e) => e.getAttribute('data-widget-id'))).toEqual(['a', 'b', 'c']);
  });

  it('removes and reorders widgets as the update says', async () => {
    const { stream, container } = await readyPage([metric('a', 1), metric('b', 2), metric('c', 3)]);
    await screen.findByText('Metric c');
    const nodeC = container.querySelector('[data-widget-id="c"]');
    stream.send(sse('update', { revision: 2, title: 'Renamed', theme: 'light', order: ['c', 'a'], changed: [], removed: ['b'] }, 2));
    await screen.findByRole('heading', { level: 1, name: 'Renamed' });
    expect([...container.querySelectorAll('[data-widget-id]')].map((e) => e.getAttribute('data-widget-id'))).toEqual(['c', 'a']);
    expect(container.querySelector('[data-widget-id="c"]')).toBe(nodeC);
  });

  it('shows an error box for a broken widget while the others render', async () => {
    const broken: WidgetView = { id: 'x', kind: 'metric', title: 'Broken', value: { not: 'a number' } };
    const odd: WidgetView = { id: 'y', kind: 'hologram', title: 'Odd' };
    await readyPage([metric('a', 1), broken, odd]);
    await screen.findByText('Metric a');
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(2);
    expect(alerts[0]!.textContent).toMatch(/"value" must be a number/);
    expect(alerts[1]!.textContent).toMatch(/unknown widget kind "hologram"/);
    expect(screen.getByText('Broken')).toBeTruthy();
  });

  it('replaces the error box once a fixed version of the widget arrives', async () => {
    const { stream } = await readyPage([{ id: 'x', kind: 'metric', title: 'Broken', value: [1, 2] }]);
    await screen.findByRole('alert');
    stream.send(sse('update', { revision: 2, title: 'Test board', theme: 'light', order: ['x'], changed: [metric('x', 7)], removed: [] }, 2));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(document.querySelector('[data-widget-id="x"] .metric-number')?.textContent).toBe('7');
    expect(document.title).toBe('Test board · mcpdash');
  });

  it('shows connection lost, then reconnects with Last-Event-ID and catches up without reload', async () => {
    const { api, stream, container } = await readyPage([metric('a', 1)]);
    await screen.findByText('Live');
    stream.handlers.onEnd(new Error('network down'));
    await screen.findByText(/Connection lost/);
    await waitFor(() => expect(api.streams).toHaveLength(2));
    const again = api.streams[1]!;
    expect(again.lastEventId).toBe('1');
    again.handlers.onOpen(200);
    again.send(sse('update', { revision: 2, title: 'Test board', theme: 'light', order: ['a'], changed: [metric('a', 42)], removed: [] }, 2));
    await screen.findByText('Live');
    expect(container.querySelector('[data-widget-id="a"] .metric-number')?.textContent).toBe('42');
  });

  it('waits as long as the server asks when it has too many open pages (429 with Retry-After)', async () => {
    const { api, stream } = await readyPage([metric('a', 1)]);
    stream.handlers.onEnd(new Error('dropped'));
    await waitFor(() => expect(api.streams).toHaveLength(2));
    api.streams[1]!.handlers.onOpen(429, 5_000);
    api.streams[1]!.handlers.onEnd();
    await screen.findByText(/retrying in [45] s/);
    // The back-off alone would retry within 40 ms here.
    await tick(200);
    expect(api.streams).toHaveLength(2);
  });

  it('ignores a malformed event and keeps following the stream', async () => {
    const { stream, container } = await readyPage([metric('a', 1)]);
    stream.send('event: update\ndata: {broken\n\n');
    stream.send(sse('update', { revision: 2, title: 'Test board', theme: 'light', order: ['a'], changed: [metric('a', 5)], removed: [] }, 2));
    await tick();
    await waitFor(() => expect(container.querySelector('[data-widget-id="a"] .metric-number')?.textContent).toBe('5'));
  });
});

describe('HomePage', () => {
  it('shows the version, the MCP URL and the Claude Code command', async () => {
    const api = createFakeApi({ name: 'mcpdash', version: '0.1.0', mcpUrl: 'https://dash.example/mcp', publicUrl: 'https://dash.example' });
    render(() => <HomePage api={api} />);
    await screen.findByText('Version 0.1.0');
    expect(screen.getByText('https://dash.example/mcp')).toBeTruthy();
    expect(screen.getByText('claude mcp add --transport http mcpdash https://dash.example/mcp')).toBeTruthy();
    expect(screen.getByText(/Add custom connector/)).toBeTruthy();
  });
});

describe('DashboardPage without a server', () => {
  it('keeps retrying and says so when neither the document nor the stream can be reached', async () => {
    const api = createFakeApi();
    api.getDashboard = () => Promise.reject(new TypeError('Failed to fetch'));
    render(() => <DashboardPage id="d1" api={api} options={opts} />);
    await waitFor(() => expect(api.streams).toHaveLength(1));
    api.streams[0]!.handlers.onEnd(new TypeError('Failed to fetch'));
    await screen.findByText(/Cannot reach the server/);
    await waitFor(() => expect(api.streams).toHaveLength(2));
    api.streams[1]!.handlers.onOpen(200);
    api.streams[1]!.send(sse('snapshot', view([metric('a', 1)]), 1));
    await screen.findByText('Metric a');
  });
});
