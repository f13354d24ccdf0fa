// Both protocol eras on one /mcp URL with no configuration: SDK v2 clients pinned to 2026-07-28, in 'auto' mode,
// and in 2025 'legacy' mode keep one dashboard across reconnects and a restart by passing `dashboard`.
import { afterAll, describe, expect, test } from 'bun:test';
import type { Client } from '@modelcontextprotocol/client';
import {
  connectClient,
  connectModernClient,
  initializeBody,
  modernPost,
  rawPost,
  removeTempDirs,
  rpcMessages,
  startAppsStoppedAfterEach,
} from '../helpers/test-app.ts';

afterAll(removeTempDirs);
const start = startAppsStoppedAfterEach();

type ToolResult = { content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };
const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

/** Open a dashboard, add a widget, and return its id and URL as the results reported them. */
async function buildDashboard(client: Client): Promise<{ id: string; url: string }> {
  const opened = await call(client, 'dashboard_open', { title: 'Eras' });
  expect(opened.isError).toBeUndefined();
  const id = opened.structuredContent!.dashboard_id as string;
  const put = await call(client, 'widget_put', { dashboard: id, widgets: [{ id: 'note', kind: 'markdown', text: 'first' }] });
  expect(put.structuredContent!.dashboard_id).toBe(id);
  return { id, url: opened.structuredContent!.url as string };
}

describe('both protocol eras on one endpoint', () => {
  for (const mode of [{ pin: '2026-07-28' }, 'auto'] as const) {
    const label = typeof mode === 'string' ? "'auto'" : 'pinned to 2026-07-28';
    test(`a v2 client ${label} builds a dashboard and keeps it across a reconnect and a restart by passing dashboard`, async () => {
      const first = await start();
      const { client, transport } = await connectModernClient(first.mcpUrl, mode);
      expect(client.getProtocolEra()).toBe('modern');
      expect(transport.sessionId).toBeUndefined();
      const { id, url } = await buildDashboard(client);
      expect(url).toBe(`${first.url}/dashboard/${id}`);
      await client.close();

      // A new connection: no session to fall back on, the id carries the conversation.
      const again = await connectModernClient(first.mcpUrl, mode);
      const appended = await call(again.client, 'widget_put', { dashboard: id, widgets: [{ id: 'second', kind: 'markdown', text: 'more' }] });
      expect(appended.structuredContent).toMatchObject({ dashboard_id: id, revision: 3 });
      await again.client.close();
      await first.stop();

      const second = await start({ dataDir: first.config.dataDir });
      const resumed = await connectModernClient(second.mcpUrl, mode);
      const got = await call(resumed.client, 'dashboard_get', { dashboard: url });
      expect(got.structuredContent!.dashboard_id).toBe(id);
      const summary = got.structuredContent!.summary as { widgets: { id: string }[] };
      expect(summary.widgets.map((w) => w.id)).toEqual(['note', 'second']);
      await resumed.client.close();
    });
  }

  test('without a session, dashboard_open mints a new dashboard each time and later calls need the id', async () => {
    const app = await start();
    const { client } = await connectModernClient(app.mcpUrl);
    const a = await call(client, 'dashboard_open', {});
    const b = await call(client, 'dashboard_open', {});
    expect(a.structuredContent!.dashboard_id).not.toBe(b.structuredContent!.dashboard_id);
    expect(a.content[0]!.text).toContain(`dashboard_id: ${a.structuredContent!.dashboard_id as string}`);
    const lost = await call(client, 'widget_put', { widgets: [{ id: 'x', kind: 'markdown', text: 'x' }] });
    expect(lost.isError).toBe(true);
    expect(lost.content[0]!.text).toContain('pass its dashboard_id as "dashboard"');
    await client.close();
  });

  test('a 2025-era client in legacy mode gets a durable session and its dashboard is /dashboard/<session id>', async () => {
    const app = await start();
    const { client, transport } = await connectClient(app.mcpUrl);
    expect(client.getProtocolEra()).toBe('legacy');
    const { id } = await buildDashboard(client);
    expect(id).toBe(transport.sessionId!);
    await client.close();
  });

  test('a client that initializes after a 2026 probe gets the 2025 behaviour', async () => {
    const app = await start();
    const probe = await modernPost(app.mcpUrl, 1, 'server/discover');
    expect(probe.status).toBe(200);
    const [discovered] = await rpcMessages(probe);
    expect(discovered!.result.supportedVersions).toContain('2026-07-28');
    expect(probe.headers.get('mcp-session-id')).toBeNull();
    const init = await rawPost(app.mcpUrl, initializeBody(2));
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toMatch(/^[0-9a-f-]{36}$/);
    const [initialized] = await rpcMessages(init);
    expect(initialized!.result.protocolVersion).toBe('2025-11-25');
  });

  test('--strict-sessions applies to 2025-era requests only', async () => {
    const app = await start({ strictSessions: true });
    const legacy = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(legacy.status).toBe(400);
    const modern = await modernPost(app.mcpUrl, 2, 'tools/list');
    expect(modern.status).toBe(200);
    const [listed] = await rpcMessages(modern);
    expect(listed!.result.tools.map((t: { name: string }) => t.name)).toContain('dashboard_open');
    expect(listed!.result).toMatchObject({ resultType: 'complete', cacheScope: expect.any(String), ttlMs: expect.any(Number) });
  });

  test('reads the dashboard resource in the 2026 era, and an unknown one is a -32602 error naming the uri', async () => {
    const app = await start();
    const { client } = await connectModernClient(app.mcpUrl);
    const { id } = await buildDashboard(client);
    const read = await client.readResource({ uri: `mcpdash://dashboard/${id}` });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ id, title: 'Eras' });
    await client.close();
    const missing = `mcpdash://dashboard/${crypto.randomUUID()}`;
    const [answer] = await rpcMessages(await modernPost(app.mcpUrl, 3, 'resources/read', { uri: missing }));
    expect(answer!.error).toMatchObject({ code: -32602, data: { uri: missing } });
  });

  test('a 2026 request whose Mcp-Method header disagrees with its body is refused with -32020 and runs nothing', async () => {
    const app = await start();
    const response = await modernPost(app.mcpUrl, 4, 'tools/call', { name: 'dashboard_open', arguments: {} }, { 'mcp-method': 'tools/list' });
    expect(response.status).toBe(400);
    const [answer] = await rpcMessages(response);
    expect(answer!.error.code).toBe(-32020);
    expect(app.app.store.dashboards.getKeysCount()).toBe(0);
  });
});
