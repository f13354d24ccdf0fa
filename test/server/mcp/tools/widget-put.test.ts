// widget_put through the real MCP endpoint: what a model is told about input that is refused or kept with a warning.
import { afterAll, describe, expect, test } from 'bun:test';
import { connectClient, removeTempDirs, startAppsStoppedAfterEach, type TestApp } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);

type Client = Awaited<ReturnType<typeof connectClient>>['client'];
interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; revision: number; warnings?: string[] };
}

const start = startAppsStoppedAfterEach();
const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;
const widgets = async (app: TestApp, id: string) =>
  ((await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { widgets: Record<string, unknown>[] }).widgets;

describe('widget_put', () => {
  test('x labels and series of different lengths are refused both ways, saying what to fix, and change nothing', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = (await call(client, 'dashboard_open', {})).structuredContent!.dashboard_id;
    const fewer = await call(client, 'widget_put', { dashboard: id, widgets: [{ id: 'b', kind: 'chart', type: 'bar', x: ['Q1', 'Q2', 'Q3', 'Q4'], series: [{ name: 'rev', data: [1, 2] }] }] });
    expect(fewer.isError).toBe(true);
    expect(fewer.content[0]!.text).toContain('series "rev" has 2 points but "x" has 4 labels: give exactly one value per x label (null where a label has no value, or drop the extra labels from "x")');
    const more = await call(client, 'widget_put', { dashboard: id, widgets: [{ id: 'b', kind: 'chart', type: 'bar', x: ['Q1', 'Q2', 'Q3'], series: [{ name: 'rev', data: [1, 2, 3, 4, 5] }] }] });
    expect(more.isError).toBe(true);
    expect(more.content[0]!.text).toContain('series "rev" has 5 points but "x" has 3 labels');
    expect(await widgets(app, id)).toEqual([]);
  });

  test('a malformed markdown table and table keys that match no column are kept, with a warning line each', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const result = await call(client, 'widget_put', {
      widgets: [
        { id: 'notes', kind: 'markdown', text: '| Asset | Weight |\n| ACME | 40 % |' },
        { id: 'holdings', kind: 'table', columns: [{ key: 'name' }, { key: 'value' }], rows: [{ name: 'ACME', Value: 10 }] },
      ],
    });
    expect(result.isError).toBeFalsy();
    const lines = result.content[0]!.text.split('\n');
    expect(lines).toContain(
      'Warning (the write was kept): markdown "notes": the lines at line 1 look like a table but are not one: a table needs a delimiter row right under its header with one cell per column, e.g. | --- | --- | (it shows as lines of pipes)',
    );
    expect(lines.some((line) => line.startsWith('Warning (the write was kept): table "holdings": row keys that match no column are not shown: "Value" (1 row)'))).toBe(true);
    expect(result.structuredContent!.warnings).toHaveLength(3);
    const id = result.structuredContent!.dashboard_id;
    expect((await widgets(app, id)).map((w) => w.id)).toEqual(['notes', 'holdings']);

    const appended = await call(client, 'data_append', { dashboard: id, widget: 'holdings', rows: [{ name: 'Foo', price: 3 }] });
    expect(appended.isError).toBeFalsy();
    expect(appended.content[0]!.text).toContain('Warning (the write was kept): table "holdings": row keys that match no column are not shown: "price" (1 row)');

    const clean = await call(client, 'widget_update', { dashboard: id, widget: 'notes', patch: { text: '| Asset | Weight |\n| --- | --- |\n| ACME | 40 % |' } });
    expect(clean.content[0]!.text).not.toContain('Warning');
    expect(clean.structuredContent!.warnings).toBeUndefined();
  });
});
