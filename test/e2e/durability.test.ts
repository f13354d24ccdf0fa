// The compiled binary keeps sessions and dashboards across kill -9, as after a power cut.
import { afterAll, describe, expect, test } from 'bun:test';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { cleanupBinaries, startBinary } from './helpers/spawn-binary.ts';

afterAll(cleanupBinaries);

async function connect(mcpUrl: string, sessionId?: string) {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), sessionId ? { sessionId } : {});
  const client = new Client({ name: 'e2e', version: '1' });
  await client.connect(transport);
  return { client, transport };
}

type Result = { isError?: boolean; content: { text: string }[]; structuredContent: { dashboard_id: string; url: string; revision: number } };

describe('mcpdash binary durability', () => {
  test('kill -9 then restart on the same data dir: the session is served and its dashboard is intact', async () => {
    const first = await startBinary();
    const { client, transport } = await connect(first.mcpUrl);
    const sessionId = transport.sessionId!;
    const put = (await client.callTool({ name: 'widget_put', arguments: { widgets: [{ id: 'n', kind: 'metric', value: 42 }] } })) as unknown as Result;
    expect(put.isError).toBeFalsy();
    const id = put.structuredContent.dashboard_id;
    expect(await first.kill9()).toBe(137);

    const second = await startBinary({ dataDir: first.dataDir });
    const resumed = await connect(second.mcpUrl, sessionId);
    const got = (await resumed.client.callTool({ name: 'dashboard_get', arguments: { widget: 'n' } })) as unknown as Result;
    expect(got.isError).toBeFalsy();
    expect(got.structuredContent.dashboard_id).toBe(id);
    const page = await fetch(`${second.baseUrl}/api/dashboard/${id}`);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { widgets: { value: number }[] }).widgets[0]!.value).toBe(42);

    // DELETE ends the session for good, across another restart.
    expect((await fetch(second.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } })).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
    const third = await startBinary({ dataDir: first.dataDir });
    const gone = await fetch(third.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    expect(gone.status).toBe(404);
  });
});
