// Ids are credentials: the binary's logs (debug level included) never carry a full session or dashboard id.
import { afterAll, describe, expect, test } from 'bun:test';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { cleanupBinaries, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';

let bin: RunningBinary | undefined;
afterAll(cleanupBinaries);

describe('mcpdash binary logs', () => {
  test('log lines show an 8-character id prefix, never a full session or dashboard id', async () => {
    bin = await startBinary({ args: ['--log-level', 'debug'] });
    const transport = new StreamableHTTPClientTransport(new URL(bin.mcpUrl));
    const client = new Client({ name: 'e2e', version: '1' });
    await client.connect(transport);
    const sessionId = transport.sessionId!;
    const fresh = (await client.callTool({ name: 'dashboard_open', arguments: { new: true } })) as unknown as { structuredContent: { dashboard_id: string } };
    const dashboardId = fresh.structuredContent.dashboard_id;
    await client.callTool({ name: 'widget_put', arguments: { dashboard: dashboardId, widgets: [{ id: 'a', kind: 'markdown', text: 'hi' }] } });
    await fetch(`${bin.baseUrl}/api/dashboard/${dashboardId}`);
    await fetch(`${bin.baseUrl}/dashboard/${dashboardId}`);
    await fetch(bin.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } });
    // Stop first: everything it will ever log (shutdown included) is then in the output.
    expect(await bin.stop()).toBe(0);
    const output = bin.stdout();
    expect(output).toContain(sessionId.slice(0, 8));
    expect(output).toContain('status=200');
    expect(output).not.toContain(sessionId);
    expect(output).not.toContain(dashboardId);
  });
});
