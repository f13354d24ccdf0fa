// dashboard_restore through the real MCP endpoint: a stream of appends does not push the layout out of reach.
import { afterAll, describe, expect, test } from 'bun:test';
import { connectClient, removeTempDirs, startAppsStoppedAfterEach } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);

type Client = Awaited<ReturnType<typeof connectClient>>['client'];
interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; revision: number; history?: { revision: number; tool: string; summary: string }[] };
}

const start = startAppsStoppedAfterEach();

const ok = async (client: Client, name: string, args: Record<string, unknown>) => {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
  return result;
};

describe('dashboard_restore', () => {
  test('after 1,000 appends the layout revision is still in history and restores', async () => {
    // A stream of 1,000 calls is more than the default 600 per minute per client.
    const app = await start({ mcpRatePerMinute: 10_000 });
    const { client } = await connectClient(app.mcpUrl);
    const layout = await ok(client, 'dashboard_set', {
      title: 'Live',
      widgets: [
        { id: 'latency', kind: 'chart', type: 'line', series: [{ name: 'p50', data: [] }, { name: 'p95', data: [] }] },
        { id: 'notes', kind: 'markdown', text: 'Streaming latency' },
      ],
    });
    const id = layout.structuredContent!.dashboard_id;
    const layoutRevision = layout.structuredContent!.revision;
    for (let i = 0; i < 1000; i++) {
      await ok(client, 'data_append', { dashboard: id, widget: 'latency', points: [[`t${i}`, i, 2 * i]], keep_last: 120 });
    }
    const history = (await ok(client, 'dashboard_history', { dashboard: id })).structuredContent!.history!;
    expect(history.map((h) => h.revision)).toContain(layoutRevision);
    expect(history[0]!.summary).toContain('the last of 1000 appends in a row');
    // A coalesced append is gone from history, and the refusal lists what is there (the numbers have gaps).
    const gone = (await client.callTool({ name: 'dashboard_restore', arguments: { dashboard: id, revision: layoutRevision + 500 } })) as ToolResult;
    expect(gone.isError).toBe(true);
    expect(gone.content[0]!.text).toContain(`it keeps revisions ${layoutRevision + 1000}, ${layoutRevision}`);
    const restored = await ok(client, 'dashboard_restore', { dashboard: id, revision: layoutRevision });
    expect(restored.structuredContent!.revision).toBe(layoutRevision + 1001);
    const body = (await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { widgets: { id: string; series?: { data: unknown[] }[] }[] };
    expect(body.widgets.map((w) => w.id)).toEqual(['latency', 'notes']);
    expect(body.widgets[0]!.series!.map((s) => s.data)).toEqual([[], []]);
  }, 120_000);
});
