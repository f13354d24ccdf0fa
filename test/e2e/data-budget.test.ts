// The compiled binary under a small data budget (MCPDASH_MAX_DATA): writes past it are refused with a tool error that
// says why, the page keeps its last content, and after a restart the budget is still measured from what is on disk.
import { afterAll, describe, expect, test } from 'bun:test';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { prose } from '../fixtures/prose.ts';
import { cleanupBinaries, startBinary } from './helpers/spawn-binary.ts';

afterAll(cleanupBinaries);

type Result = { isError?: boolean; content: { text: string }[]; structuredContent?: { dashboard_id: string; revision: number } };

async function connect(mcpUrl: string) {
  const client = new Client({ name: 'e2e', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl)));
  return client;
}

describe('mcpdash binary data budget', () => {
  test('refuses writes past MCPDASH_MAX_DATA with a tool error, keeps the page, and still knows after a restart', async () => {
    const first = await startBinary({ env: { MCPDASH_MAX_DATA: '2mb' } });
    const client = await connect(first.mcpUrl);
    const put = (i: number, dashboard?: string) =>
      client.callTool({ name: 'widget_put', arguments: { ...(dashboard ? { dashboard } : {}), widgets: [{ id: `notes-${i}`, kind: 'markdown', text: prose(90_000, i) }] } }) as Promise<Result>;
    const id = (await put(0)).structuredContent!.dashboard_id;
    let refusal: Result | undefined;
    let before = '';
    for (let i = 1; i < 60 && !refusal; i++) {
      before = await (await fetch(`${first.baseUrl}/api/dashboard/${id}`)).text();
      const result = await put(i, id);
      if (result.isError) refusal = result;
    }
    expect(refusal).toBeDefined();
    expect(refusal!.content[0]!.text).toMatch(/^widget_put failed: the server's data budget is full: .+ of 2\.00 MiB is in use/);
    expect(refusal!.content[0]!.text).toContain('owner console');
    expect(await (await fetch(`${first.baseUrl}/api/dashboard/${id}`)).text()).toBe(before);

    expect(await first.kill9()).toBe(137);
    const second = await startBinary({ dataDir: first.dataDir, env: { MCPDASH_MAX_DATA: '2mb' } });
    const again = await connect(second.mcpUrl);
    const retry = (await again.callTool({ name: 'widget_put', arguments: { dashboard: id, widgets: [{ id: 'more', kind: 'markdown', text: prose(90_000, 99) }] } })) as Result;
    expect(retry.isError).toBe(true);
    expect(retry.content[0]!.text).toContain("the server's data budget is full");
    expect(await (await fetch(`${second.baseUrl}/api/dashboard/${id}`)).text()).toBe(before);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 120_000);
});
