// data_append through the real MCP endpoint: what a streamed chart holds after calls shaped as the tool text shows.
import { afterAll, describe, expect, test } from 'bun:test';
import { connectClient, removeTempDirs, startAppsStoppedAfterEach, type TestApp } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);

type Client = Awaited<ReturnType<typeof connectClient>>['client'];
interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; revision: number };
}

const start = startAppsStoppedAfterEach();

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;
const ok = async (client: Client, name: string, args: Record<string, unknown>) => {
  const result = await call(client, name, args);
  if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
  return result;
};
const stored = async (app: TestApp, id: string, widget: string) => {
  const body = (await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { widgets: { id: string; x?: unknown[]; series?: { name: string; data: unknown[] }[] }[] };
  return body.widgets.find((w) => w.id === widget)!;
};
const label = (i: number) => `12:${String(i).padStart(2, '0')}`;

describe('data_append', () => {
  test('a two-series line chart streamed one series per call, 50 calls: each x once, one point per series per x', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'widget_put', {
      widgets: [{ id: 'latency', kind: 'chart', type: 'line', series: [{ name: 'p50', data: [] }, { name: 'p95', data: [] }] }],
    })).structuredContent!.dashboard_id;
    for (let i = 0; i < 25; i++) {
      await ok(client, 'data_append', { dashboard: id, widget: 'latency', series: 'p50', points: [[label(i), 80 + i]] });
      await ok(client, 'data_append', { dashboard: id, widget: 'latency', series: 'p95', points: [[label(i), 180 + i]] });
    }
    const chart = await stored(app, id, 'latency');
    expect(chart.x).toEqual(Array.from({ length: 25 }, (_, i) => label(i)));
    expect(chart.series!.map((s) => s.data)).toEqual([
      Array.from({ length: 25 }, (_, i) => 80 + i),
      Array.from({ length: 25 }, (_, i) => 180 + i),
    ]);
  });

  test('one call with [x, y1, y2] feeds every series; a series left out of a label holds an explicit null', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await ok(client, 'widget_put', {
      widgets: [{ id: 'latency', kind: 'chart', type: 'line', x: ['12:00'], series: [{ name: 'p50', data: [80] }, { name: 'p95', data: [180] }] }],
    })).structuredContent!.dashboard_id;
    await ok(client, 'data_append', { dashboard: id, widget: 'latency', points: [['12:01', 81, 181]] });
    await ok(client, 'data_append', { dashboard: id, widget: 'latency', series: 'p95', points: [['12:02', 182]] });
    const chart = await stored(app, id, 'latency');
    expect(chart.x).toEqual(['12:00', '12:01', '12:02']);
    expect(chart.series!.map((s) => s.data)).toEqual([[80, 81, null], [180, 181, 182]]);
  });

  test('the tool text shows the exact shape for one series and for many', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const tool = (await client.listTools()).tools.find((t) => t.name === 'data_append')!;
    expect(tool.description).toContain('"series": "p95", "points": [["12:05", 182]]');
    expect(tool.description).toContain('"points": [["12:05", 80, 182]]');
    expect(tool.description).toContain('metric');
  });
});
