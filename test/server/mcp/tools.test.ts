// The dashboard tools through the real MCP endpoint with the real SDK client, LMDB in a temp dir.
import { afterAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/client';
import { connectClient, rawPost, rpcMessages, startAppsStoppedAfterEach, type TestApp, removeTempDirs } from '../helpers/test-app.ts';

afterAll(removeTempDirs);

const portfolio = JSON.parse(readFileSync(new URL('../../fixtures/portfolio.json', import.meta.url), 'utf8')) as { title: string; widgets: unknown[] };

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; url: string; revision: number; [key: string]: unknown };
}

const start = startAppsStoppedAfterEach();

const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as ToolResult;
const ok = async (client: Client, name: string, args: Record<string, unknown> = {}) => {
  const result = await call(client, name, args);
  if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
  return result;
};
const apiDoc = async (app: TestApp, id: string) => {
  const response = await fetch(`${app.url}/api/dashboard/${id}`);
  return { status: response.status, body: (await response.json()) as { revision: number; title: string; widgets: { id: string; kind: string; [k: string]: unknown }[] } };
};

const metric = (id: string, value = 1) => ({ id, kind: 'metric', value, label: id });

describe('dashboard tools', () => {
  test('lists exactly the tools of the contract, each with a description and an output schema', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const listed = (await client.listTools()).tools;
    // The in-chat view's own tools are listed to every client (tools/list never varies) but hidden from the model.
    const tools = listed.filter((t) => (t._meta as { ui?: { visibility?: string[] } } | undefined)?.ui?.visibility?.join() !== 'app');
    expect(listed.length - tools.length).toBe(3);
    expect(tools.map((t) => t.name).sort()).toEqual(
      ['dashboard_get', 'dashboard_history', 'dashboard_open', 'dashboard_restore', 'dashboard_set', 'dashboard_show', 'dashboard_snapshot', 'data_append', 'feedback_read', 'widget_put', 'widget_remove', 'widget_update'],
    );
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(40);
      expect(tool.description).toContain('Example');
      expect(tool.outputSchema).toBeDefined();
      for (const [field, schema] of Object.entries((tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>)) {
        expect(`${tool.name}.${field}: ${schema.description ?? ''}`.length).toBeGreaterThan(`${tool.name}.${field}: `.length);
      }
    }
  });

  test('widget_put and dashboard_set tell the model every kind, chart type, data shape and format, and give clients a widget schema', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const { tools } = await client.listTools();
    // The whole list stays small enough for a client to take on every connect (24,638 bytes before the help was
    // generated; the in-chat view's dashboard_show and three app-only tools add about 6 KB).
    expect(JSON.stringify({ tools }).length).toBeLessThan(45_000);
    const put = tools.find((t) => t.name === 'widget_put')!;
    const set = tools.find((t) => t.name === 'dashboard_set')!;
    const widgets = (tool: typeof put) => (tool.inputSchema.properties as Record<string, { description?: string; items?: { oneOf?: { properties: { kind: { const: string } } }[] } }>).widgets!;
    const help = widgets(put).description!;
    for (const kind of ['markdown', 'metric', 'table', 'chart', 'image', 'code', 'progress', 'log', 'choice', 'form']) expect(help).toContain(`kind "${kind}"`);
    for (const type of ['line', 'area', 'stacked-bar', 'scatter', 'pie', 'donut', 'heatmap', 'candlestick', 'gauge', 'radar', 'funnel']) expect(help).toContain(type);
    for (const words of ['radar: a number per axis named in x', 'gauge: a single number', 'without max a value from 0 to 1 is a fraction', '"compact"', '"bytes"', '"currency:EUR"', 'deltaFormat?', 'y?: Heatmap only: the row labels']) {
      expect(help).toContain(words);
    }
    for (const tool of [put, set]) expect(widgets(tool).items!.oneOf!.map((branch) => branch.properties.kind.const)).toEqual(['markdown', 'metric', 'table', 'chart', 'image', 'code', 'progress', 'log', 'choice', 'form']);
    expect(tools.find((t) => t.name === 'data_append')!.description).toContain('"points" to a chart series or to a metric');
  });

  test("dashboard_open gives the session's dashboard at /dashboard/<session id>, and results repeat id and url", async () => {
    const app = await start({ publicUrl: 'https://dash.example.com' });
    const { client, transport } = await connectClient(app.mcpUrl.replace('127.0.0.1', 'localhost'));
    const opened = await ok(client, 'dashboard_open', { title: 'Sales' });
    expect(opened.structuredContent!.dashboard_id).toBe(transport.sessionId!);
    expect(opened.structuredContent!.url).toBe(`https://dash.example.com/dashboard/${transport.sessionId}`);
    expect(opened.content[0]!.text).toContain(opened.structuredContent!.url);
    const put = await ok(client, 'widget_put', { widgets: [metric('revenue')] });
    expect(put.structuredContent!.dashboard_id).toBe(transport.sessionId!);
    expect(put.content[0]!.text).toContain(`/dashboard/${transport.sessionId}`);
  });

  test('a client that re-initializes every exchange keeps one dashboard by passing the id back', async () => {
    const app = await start();
    const first = await connectClient(app.mcpUrl);
    const id = (await ok(first.client, 'dashboard_open', { title: 'Churny' })).structuredContent!.dashboard_id;
    await first.client.close();
    for (let i = 0; i < 3; i++) {
      const { client } = await connectClient(app.mcpUrl); // a brand-new session each time
      const result = await ok(client, 'widget_put', { dashboard: id, widgets: [metric(`m${i}`, i)] });
      expect(result.structuredContent!.dashboard_id).toBe(id);
      // Attached: a later call in the same session without the argument lands on the same dashboard.
      const again = await ok(client, 'dashboard_get', {});
      expect(again.structuredContent!.dashboard_id).toBe(id);
      await client.close();
    }
    const { body } = await apiDoc(app, id);
    expect(body.widgets.map((w) => w.id)).toEqual(['m0', 'm1', 'm2']);
  });

  test('accepts the full dashboard URL as the dashboard argument', async () => {
    const app = await start();
    const a = await connectClient(app.mcpUrl);
    const opened = await ok(a.client, 'dashboard_open', {});
    const b = await connectClient(app.mcpUrl);
    const result = await ok(b.client, 'widget_put', { dashboard: opened.structuredContent!.url, widgets: [metric('x')] });
    expect(result.structuredContent!.dashboard_id).toBe(opened.structuredContent!.dashboard_id);
  });

  test('a client that never sends the session header works by id', async () => {
    const app = await start();
    const callRaw = async (id: number, name: string, args: Record<string, unknown>) => {
      const response = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
      const [message] = await rpcMessages(response);
      return message!.result as ToolResult;
    };
    const opened = await callRaw(1, 'dashboard_open', { title: 'No session' });
    const id = opened.structuredContent!.dashboard_id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const put = await callRaw(1, 'widget_put', { dashboard: id, widgets: [metric('a')] });
    expect(put.isError).toBeFalsy();
    const missing = await callRaw(1, 'widget_put', { widgets: [metric('b')] });
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toContain('dashboard_open');
    expect((await apiDoc(app, id)).body.widgets.map((w) => w.id)).toEqual(['a']);
  });

  test('after a restart the same URL shows the same content and the old session keeps writing to it', async () => {
    const first = await start();
    const { client, transport } = await connectClient(first.mcpUrl);
    const id = (await ok(client, 'dashboard_set', { title: 'Persisted', widgets: portfolio.widgets })).structuredContent!.dashboard_id;
    const before = await apiDoc(first, id);
    await first.stop();
    const second = await start({ dataDir: first.config.dataDir });
    const after = await apiDoc(second, id);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    const resumed = await connectClient(second.mcpUrl, transport.sessionId);
    const put = await ok(resumed.client, 'widget_put', { widgets: [metric('after-restart')] });
    expect(put.structuredContent!.dashboard_id).toBe(id);
    expect(put.structuredContent!.revision).toBe(before.body.revision + 1);
  });

  test('dashboard_set accepts the 20-widget example and the API serves charts as ECharts options', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const result = await ok(client, 'dashboard_set', { title: portfolio.title, widgets: portfolio.widgets });
    const { body } = await apiDoc(app, result.structuredContent!.dashboard_id);
    expect(body.widgets.length).toBe(portfolio.widgets.length);
    const charts = body.widgets.filter((w) => w.kind === 'chart');
    expect(charts.length).toBeGreaterThan(5);
    for (const chart of charts) expect(typeof chart.option).toBe('object');
  });

  test('widget_put places new widgets before/after others and replaces in place', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    await ok(client, 'widget_put', { widgets: [metric('a'), metric('c')] });
    await ok(client, 'widget_put', { widgets: [metric('b')], after: 'a' });
    await ok(client, 'widget_put', { widgets: [metric('first')], before: 'a' });
    const r = await ok(client, 'widget_put', { widgets: [metric('c', 99)] });
    const { body } = await apiDoc(app, r.structuredContent!.dashboard_id);
    expect(body.widgets.map((w) => w.id)).toEqual(['first', 'a', 'b', 'c']);
    expect(body.widgets[3]!.value).toBe(99);
  });

  test('widget_update merges a patch; widget_remove removes; dashboard_get returns a summary or one widget', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    await ok(client, 'widget_put', { widgets: [{ ...metric('rev', 10), unit: 'USD' }, metric('gone')] });
    await ok(client, 'widget_update', { widget: 'rev', patch: { value: 12, unit: null } });
    await ok(client, 'widget_remove', { widgets: ['gone'] });
    const one = await ok(client, 'dashboard_get', { widget: 'rev' });
    expect(one.structuredContent!.widget).toEqual({ id: 'rev', kind: 'metric', value: 12, label: 'rev' });
    const summary = await ok(client, 'dashboard_get', {});
    expect(JSON.stringify(summary.structuredContent!.summary)).toContain('rev');
    expect(JSON.stringify(summary.structuredContent!.summary)).not.toContain('gone');
  });

  test('data_append appends rows, points and lines, and keep_last makes a rolling window', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    await ok(client, 'widget_put', {
      widgets: [
        { id: 't', kind: 'table', columns: [{ key: 'n', type: 'number' }], rows: [{ n: 1 }] },
        { id: 'l', kind: 'log', lines: ['one'] },
        { id: 'c', kind: 'chart', type: 'line', x: ['a'], series: [{ name: 's', data: [1] }] },
      ],
    });
    await ok(client, 'data_append', { widget: 't', rows: [{ n: 2 }, { n: 3 }], keep_last: 2 });
    await ok(client, 'data_append', { widget: 'l', lines: ['two', 'three'] });
    const last = await ok(client, 'data_append', { widget: 'c', points: [['b', 2]] });
    const table = (await ok(client, 'dashboard_get', { widget: 't' })).structuredContent!.widget as { rows: unknown[] };
    expect(table.rows).toEqual([{ n: 2 }, { n: 3 }]);
    const log = (await ok(client, 'dashboard_get', { widget: 'l' })).structuredContent!.widget as { lines: string[] };
    expect(log.lines).toEqual(['one', 'two', 'three']);
    const chart = (await ok(client, 'dashboard_get', { widget: 'c' })).structuredContent!.widget as { x: string[]; series: { data: number[] }[] };
    expect(chart.x).toEqual(['a', 'b']);
    expect(chart.series[0]!.data).toEqual([1, 2]);
    expect(last.structuredContent!.revision).toBe(4);
  });

  describe('bad input never half-applies', () => {
    const cases: { name: string; tool: string; args: Record<string, unknown>; says: RegExp }[] = [
      { name: 'an invalid widget among valid ones', tool: 'widget_put', args: { widgets: [metric('fine'), { id: 'bad', kind: 'chart' }] }, says: /bad|chart/ },
      { name: 'an unknown kind', tool: 'widget_put', args: { widgets: [{ id: 'x', kind: 'sparkles' }] }, says: /kind/ },
      { name: 'an unknown widget id in widget_update', tool: 'widget_update', args: { widget: 'nope', patch: { value: 1 } }, says: /nope/ },
      { name: 'an unknown widget id in widget_remove', tool: 'widget_remove', args: { widgets: ['keep', 'nope'] }, says: /nope/ },
      { name: 'a patch that makes the widget invalid', tool: 'widget_update', args: { widget: 'keep', patch: { width: 13 } }, says: /width/ },
      { name: 'an image that is not a data URL', tool: 'widget_put', args: { widgets: [{ id: 'img', kind: 'image', src: 'https://evil.example/x.png', alt: 'x' }] }, says: /data/ },
      { name: 'an SVG smuggled as another type', tool: 'widget_put', args: { widgets: [{ id: 'img', kind: 'image', src: 'data:text/html;base64,PHNjcmlwdD4=', alt: 'x' }] }, says: /image/ },
      { name: 'more than 200 widgets', tool: 'widget_put', args: { widgets: Array.from({ length: 200 }, (_, i) => metric(`w${i}`)) }, says: /200/ },
      { name: 'a document over 4 MiB', tool: 'widget_put', args: { widgets: [{ id: 'huge', kind: 'log', lines: Array.from({ length: 2_500 }, () => 'x'.repeat(1_990)) }] }, says: /MiB|bytes|size/i },
      { name: 'data_append of rows to a log', tool: 'data_append', args: { widget: 'log', rows: [{ a: 1 }] }, says: /lines/ },
      { name: 'a stale expected_revision', tool: 'widget_put', args: { widgets: [metric('late')], expected_revision: 1 }, says: /revision/ },
      { name: 'a dashboard argument that is not an id or URL', tool: 'widget_put', args: { dashboard: 'my dashboard', widgets: [metric('a')] }, says: /UUID|URL/ },
    ];
    for (const c of cases) {
      test(`${c.name}: isError says what to fix, the stored document is untouched`, async () => {
        const app = await start();
        const { client } = await connectClient(app.mcpUrl);
        const setup = await ok(client, 'widget_put', { widgets: [{ ...metric('keep', 5) }, { id: 'log', kind: 'log', lines: ['a'] }] });
        await ok(client, 'widget_update', { widget: 'keep', patch: { value: 6 } });
        const id = setup.structuredContent!.dashboard_id;
        const before = await apiDoc(app, id);
        const result = await call(client, c.tool, c.args);
        expect(result.isError).toBe(true);
        expect(result.content[0]!.text).toMatch(c.says);
        const after = await apiDoc(app, id);
        expect(after.body).toEqual(before.body);
      });
    }
  });

  test('writes from many sessions to one dashboard never lose an update', async () => {
    const app = await start();
    const owner = await connectClient(app.mcpUrl);
    const opened = (await ok(owner.client, 'dashboard_open', {})).structuredContent!;
    const id = opened.dashboard_id;
    const clients = await Promise.all(Array.from({ length: 4 }, () => connectClient(app.mcpUrl)));
    await Promise.all(
      clients.flatMap(({ client }, c) => Array.from({ length: 10 }, (_, i) => ok(client, 'widget_put', { dashboard: id, widgets: [metric(`c${c}-${i}`)] }))),
    );
    const { body } = await apiDoc(app, id);
    expect(body.widgets.length).toBe(40);
    expect(body.revision).toBe(opened.revision + 40);
  });

  test('dashboard_history lists revisions and dashboard_restore brings one back as a new revision', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    await ok(client, 'widget_put', { widgets: [metric('a')] });
    const r2 = await ok(client, 'widget_put', { widgets: [metric('b')] });
    await ok(client, 'widget_remove', { widgets: ['a', 'b'] });
    const history = await ok(client, 'dashboard_history', {});
    const entries = history.structuredContent!.history as { revision: number; tool: string; summary: string }[];
    expect(entries.map((e) => e.tool).slice(0, 3)).toEqual(['widget_remove', 'widget_put', 'widget_put']);
    const restored = await ok(client, 'dashboard_restore', { revision: r2.structuredContent!.revision });
    expect(restored.structuredContent!.revision).toBe(r2.structuredContent!.revision + 2);
    const { body } = await apiDoc(app, restored.structuredContent!.dashboard_id);
    expect(body.widgets.map((w) => w.id)).toEqual(['a', 'b']);
  });

  test('history is bounded to the configured number of revisions', async () => {
    const app = await start({ historyLimit: 5 });
    const { client } = await connectClient(app.mcpUrl);
    for (let i = 0; i < 8; i++) await ok(client, 'widget_put', { widgets: [metric('a', i)] });
    const history = await ok(client, 'dashboard_history', { limit: 100 });
    expect((history.structuredContent!.history as unknown[]).length).toBe(5);
  });

  test('the dashboard is readable as the MCP resource mcpdash://dashboard/{id}', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'widget_put', { widgets: [metric('a')] })).structuredContent!.dashboard_id;
    const resource = await client.readResource({ uri: `mcpdash://dashboard/${id}` });
    const body = JSON.parse((resource.contents[0] as { text: string }).text);
    expect(body.id).toBe(id);
    expect(body.widgets[0].id).toBe('a');
  });

  test('reopening slides the expiry and the API shows the new expiresAt at once', async () => {
    const app = await start({ ttlMs: 3_600_000 });
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'widget_put', { widgets: [metric('a')] })).structuredContent!.dashboard_id;
    const before = (await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { expiresAt: string; revision: number };
    app.clock.advance(60_000);
    await ok(client, 'dashboard_open', {});
    const after = (await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { expiresAt: string; revision: number };
    expect(after.revision).toBe(before.revision);
    expect(Date.parse(after.expiresAt) - Date.parse(before.expiresAt)).toBeGreaterThanOrEqual(60_000);
  });

  test('dashboards expire with the sliding TTL: AI writes extend it, page views do not', async () => {
    const app = await start({ ttlMs: 60_000 }, { sweepIntervalMs: 3_600_000 });
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'widget_put', { widgets: [metric('a')] })).structuredContent!.dashboard_id;
    app.clock.advance(40_000);
    await ok(client, 'widget_put', { widgets: [metric('b')] });
    app.clock.advance(40_000);
    expect((await apiDoc(app, id)).status).toBe(200); // 40 s after the last write
    for (let i = 0; i < 3; i++) await fetch(`${app.url}/api/dashboard/${id}`); // views do not extend
    app.clock.advance(21_000);
    expect((await apiDoc(app, id)).status).toBe(410); // expired, said apart from "never here"
    await app.app.sweeper.sweep();
    expect(app.app.store.dashboards.get(id)).toBeUndefined();
  });
});
