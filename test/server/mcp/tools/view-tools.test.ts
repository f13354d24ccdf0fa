// The in-chat view's side of MCP: the UI extension declared in both eras, the ui:// resource, dashboard_show, and the
// app-only tools (load, wait for the next revision, send an answer) through the real endpoint and SDK client.
import { afterAll, describe, expect, test } from 'bun:test';
import type { Client } from '@modelcontextprotocol/client';
import { authAppsStoppedAfterEach } from '../../helpers/oauth-flow.ts';
import {
  connectClient,
  connectModernClient,
  modernPost,
  rawPost,
  initializeBody,
  rpcMessages,
  removeTempDirs,
  startAppsStoppedAfterEach,
} from '../../helpers/test-app.ts';

afterAll(removeTempDirs);
const start = startAppsStoppedAfterEach();
const { startAuth } = authAppsStoppedAfterEach();

type Result = { isError?: boolean; content: { type: string; text: string }[]; structuredContent?: Record<string, any> };
const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as Result;
const ok = async (client: Client, name: string, args: Record<string, unknown> = {}) => {
  const result = await call(client, name, args);
  if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
  return result;
};
const choice = { id: 'pick', kind: 'choice', prompt: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };

describe('in-chat view over MCP', () => {
  test('declares the UI extension in the initialize result and in server/discover', async () => {
    const app = await start();
    const [init] = await rpcMessages(await rawPost(app.mcpUrl, initializeBody()));
    expect(init!.result.capabilities.extensions['io.modelcontextprotocol/ui']).toEqual({ mimeTypes: ['text/html;profile=mcp-app'] });
    const [discovered] = await rpcMessages(await modernPost(app.mcpUrl, 1, 'server/discover'));
    expect(discovered!.result.capabilities.extensions['io.modelcontextprotocol/ui']).toBeDefined();
  });

  test('dashboard_open and dashboard_show point at ui://mcpdash/dashboard; the view tools are app-only; both eras list the same tools', async () => {
    const app = await start();
    const legacy = (await connectClient(app.mcpUrl)).client;
    const modern = (await connectModernClient(app.mcpUrl)).client;
    const [a, b] = [await legacy.listTools(), await modern.listTools()];
    const shape = (tools: typeof a.tools) => tools.map((t) => ({ name: t.name, meta: t._meta })).sort((x, y) => x.name.localeCompare(y.name));
    expect(shape(a.tools)).toEqual(shape(b.tools));
    const byName = new Map(a.tools.map((t) => [t.name, t]));
    for (const name of ['dashboard_open', 'dashboard_show']) expect((byName.get(name)!._meta as any).ui.resourceUri).toBe('ui://mcpdash/dashboard');
    for (const name of ['view_load', 'view_wait', 'view_send']) expect((byName.get(name)!._meta as any).ui.visibility).toEqual(['app']);
  });

  test('the UI resource is one HTML document of the app profile with a CSP that allows no other origin', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const { resources } = await client.listResources();
    expect(resources.find((r) => r.uri === 'ui://mcpdash/dashboard')?.mimeType).toBe('text/html;profile=mcp-app');
    const read = await client.readResource({ uri: 'ui://mcpdash/dashboard' });
    const content = read.contents[0] as { mimeType: string; text: string; _meta: any };
    expect(content.mimeType).toBe('text/html;profile=mcp-app');
    expect(content.text).toStartWith('<!doctype html>');
    expect(content._meta.ui.csp).toEqual({ connectDomains: [], resourceDomains: [] });
  });

  test('dashboard_show answers with the same short text and URL a client without apps can use', async () => {
    const app = await start({ publicUrl: 'https://dash.example.com' });
    const { client } = await connectModernClient(app.mcpUrl);
    const opened = await ok(client, 'dashboard_open', { title: 'Sales' });
    const id = opened.structuredContent!.dashboard_id as string;
    const shown = await ok(client, 'dashboard_show', { dashboard: id });
    expect(shown.content[0]!.text).toContain(`https://dash.example.com/dashboard/${id}`);
    expect(shown.structuredContent).toEqual({ dashboard_id: id, url: `https://dash.example.com/dashboard/${id}`, revision: opened.structuredContent!.revision, widgets: 0 });
  });

  test('view_wait returns only the changed widgets of the next write, and "unchanged" when none comes', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'dashboard_open')).structuredContent!.dashboard_id as string;
    await ok(client, 'widget_put', { dashboard: id, widgets: [{ id: 'm1', kind: 'metric', value: 1 }, { id: 'm2', kind: 'metric', value: 2 }] });
    const loaded = await ok(client, 'view_load', { dashboard: id });
    expect(loaded.structuredContent!.document.widgets.map((w: { id: string }) => w.id)).toEqual(['m1', 'm2']);
    const after = loaded.structuredContent!.revision as number;

    const quiet = await ok(client, 'view_wait', { dashboard: id, view: 'abcdef12', after, wait_seconds: 0.2 });
    expect(quiet.structuredContent).toMatchObject({ status: 'unchanged', revision: after });

    const other = (await connectClient(app.mcpUrl)).client;
    const waiting = call(client, 'view_wait', { dashboard: id, view: 'abcdef12', after, wait_seconds: 10 });
    const t = performance.now();
    await Bun.sleep(100);
    await ok(other, 'widget_update', { dashboard: id, widget: 'm2', patch: { value: 5 } });
    const changed = await waiting;
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(changed.structuredContent!.status).toBe('update');
    expect(changed.structuredContent!.update.changed).toEqual([expect.objectContaining({ id: 'm2', value: 5 })]);
    expect(changed.structuredContent!.update.order).toEqual(['m1', 'm2']);
  });

  test('view_wait after several writes merges them; a view far behind gets the whole document', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'dashboard_open')).structuredContent!.dashboard_id as string;
    const start0 = (await ok(client, 'view_load', { dashboard: id })).structuredContent!.revision as number;
    await ok(client, 'widget_put', { dashboard: id, widgets: [{ id: 'a', kind: 'metric', value: 1 }] });
    await ok(client, 'widget_put', { dashboard: id, widgets: [{ id: 'b', kind: 'metric', value: 2 }] });
    await ok(client, 'widget_remove', { dashboard: id, widgets: ['a'] });
    const merged = await ok(client, 'view_wait', { dashboard: id, view: 'abcdef12', after: start0, wait_seconds: 1 });
    expect(merged.structuredContent!.update.order).toEqual(['b']);
    expect(merged.structuredContent!.update.changed.map((w: { id: string }) => w.id)).toEqual(['b']);
    const stale = await ok(client, 'view_wait', { dashboard: id, view: 'abcdef12', after: 0, wait_seconds: 1 });
    expect(['update', 'document']).toContain(stale.structuredContent!.status);
  });

  test('an answer sent from the view reaches feedback_read once, marked as from the view; a bad one is refused', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'dashboard_open')).structuredContent!.dashboard_id as string;
    await ok(client, 'widget_put', { dashboard: id, widgets: [choice] });
    const sent = await ok(client, 'view_send', { dashboard: id, event: { kind: 'choice', widget: 'pick', data: { selected: ['b'] }, viewer: 'abcdef12' } });
    expect(sent.structuredContent!.id).toBe(1);
    const refused = await call(client, 'view_send', { dashboard: id, event: { kind: 'choice', widget: 'pick', data: { selected: ['zzz'] }, viewer: 'abcdef12' } });
    expect(refused.isError).toBe(true);
    const read = await ok(client, 'feedback_read', { dashboard: id });
    expect(read.structuredContent!.events).toEqual([expect.objectContaining({ kind: 'choice', widget: 'pick', data: { selected: ['b'] }, source: 'view' })]);
    expect(read.content[0]!.text).toContain('in-chat view');
    expect((await ok(client, 'feedback_read', { dashboard: id })).structuredContent!.events).toEqual([]);
  });

  test('a waiting view hears of an answer given elsewhere (page or another view) with the inbox state', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'dashboard_open')).structuredContent!.dashboard_id as string;
    await ok(client, 'widget_put', { dashboard: id, widgets: [choice] });
    const after = (await ok(client, 'view_load', { dashboard: id })).structuredContent!.revision as number;
    const waiting = ok(client, 'view_wait', { dashboard: id, view: 'watcher1', after, wait_seconds: 10 });
    await Bun.sleep(100);
    const response = await fetch(`${app.url}/api/dashboard/${id}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ kind: 'choice', widget: 'pick', data: { selected: ['a'] }, viewer: 'pageview1' }),
    });
    expect(response.status).toBeLessThan(300);
    const woken = await waiting;
    expect(woken.structuredContent!.status).toBe('inbox');
    expect(woken.structuredContent!.inbox.answers).toEqual([expect.objectContaining({ widget: 'pick', data: { selected: ['a'] } })]);
  });

  test('a view that calls view_wait too often is told to retry later, and a gone dashboard says so', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'dashboard_open')).structuredContent!.dashboard_id as string;
    let refused: Result | undefined;
    for (let i = 0; i < 130 && !refused; i++) {
      const r = await call(client, 'view_wait', { dashboard: id, view: 'hammer01', after: 999, wait_seconds: 0 });
      if (r.isError) refused = r;
    }
    expect(refused?.content[0]!.text).toContain('retry in');
    const gone = await ok(client, 'view_load', { dashboard: crypto.randomUUID() });
    expect(gone.structuredContent!.status).toBe('gone');
  });

  test('with auth on, the view tools need a token like every other tool: without one nothing is read or sent', async () => {
    const app = await startAuth();
    const token = await app.app.auth.staticTokens.create('laptop');
    const auth = { authorization: `Bearer ${token}` };
    const tool = (name: string, args: Record<string, unknown>, headers: Record<string, string>) =>
      modernPost(app.mcpUrl, 1, 'tools/call', { name, arguments: args }, headers);
    const [opened] = await rpcMessages(await tool('dashboard_open', {}, auth));
    const id = opened!.result.structuredContent.dashboard_id as string;
    await tool('widget_put', { dashboard: id, widgets: [choice] }, auth);
    expect((await tool('view_load', { dashboard: id }, {})).status).toBe(401);
    const send = { dashboard: id, event: { kind: 'choice', widget: 'pick', data: { selected: ['a'] }, viewer: 'abcdef12' } };
    expect((await tool('view_send', send, {})).status).toBe(401);
    const [loaded] = await rpcMessages(await tool('view_load', { dashboard: id }, auth));
    expect(loaded!.result.structuredContent.status).toBe('document');
    const [read] = await rpcMessages(await tool('feedback_read', { dashboard: id }, auth));
    expect(read!.result.structuredContent.events).toEqual([]);
  });
});
