// JSON nesting on /mcp: tool arguments (merge patches, widget fields, points) past the bound are an isError result
// naming it, in both eras, whatever the depth; anything else too deep is invalid params; nothing is changed.
import { afterAll, describe, expect, test } from 'bun:test';
import { connectClient, connectModernClient, initializeBody, modernMeta, rawPost, removeTempDirs, rpcMessages, startAppsStoppedAfterEach, type TestApp } from '../helpers/test-app.ts';

afterAll(removeTempDirs);
const start = startAppsStoppedAfterEach();

/** `{"a":{"a":...1...}}` as text: a 100,000-deep value cannot go through JSON.stringify (it recurses). */
const deepText = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepValue = (depth: number) => JSON.parse(deepText(depth)) as unknown;

const doc = async (app: TestApp, id: string) => (await fetch(`${app.url}/api/dashboard/${id}`)).json();

async function sessionWithMetric(app: TestApp): Promise<{ sessionId: string; id: string }> {
  const init = await rawPost(app.mcpUrl, initializeBody());
  await init.text();
  const sessionId = init.headers.get('mcp-session-id')!;
  const put = await rawPost(
    app.mcpUrl,
    { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'widget_put', arguments: { widgets: [{ id: 'm', kind: 'metric', value: 1 }] } } },
    { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' },
  );
  expect((await rpcMessages(put))[0]!.result.isError).toBeFalsy();
  return { sessionId, id: sessionId };
}

describe('JSON nesting bound on /mcp', () => {
  test('a 100,000-deep widget_update patch is an isError result naming the bound and the place, in both eras', async () => {
    const app = await start();
    const { sessionId, id } = await sessionWithMetric(app);
    const before = await doc(app, id);
    const args = `{"dashboard":"${id}","widget":"m","patch":{"note":${deepText(100_000)}}}`;
    const legacy = await rawPost(app.mcpUrl, `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"widget_update","arguments":${args}}}`, {
      'mcp-session-id': sessionId,
      'mcp-protocol-version': '2025-11-25',
    });
    const modern = await rawPost(
      app.mcpUrl,
      `{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"widget_update","arguments":${args},"_meta":${JSON.stringify(modernMeta())}}}`,
      { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'widget_update' },
    );
    for (const response of [legacy, modern]) {
      expect(response.status).toBe(200);
      const { result } = (await rpcMessages(response))[0]!;
      expect(result.isError).toBe(true);
      expect(result.content[0].text).toContain('arguments.patch.note.a.a');
      expect(result.content[0].text).toContain('more than 64 levels deep');
      expect(result.content[0].text).not.toContain('internal error');
    }
    expect(await doc(app, id)).toEqual(before);
  });

  test('widget fields, chart points and whole widgets past the bound are refused by the SDK client path too, and nothing changes', async () => {
    const app = await start();
    for (const connect of [connectClient, connectModernClient]) {
      const { client } = await connect(app.mcpUrl);
      const opened = (await client.callTool({ name: 'dashboard_open', arguments: {} })) as { structuredContent: { dashboard_id: string } };
      const id = opened.structuredContent.dashboard_id;
      await client.callTool({ name: 'widget_put', arguments: { dashboard: id, widgets: [{ id: 'c', kind: 'chart', type: 'line', x: [1], series: [{ name: 's', data: [1] }] }] } });
      const before = await doc(app, id);
      const calls = [
        { name: 'widget_put', arguments: { dashboard: id, widgets: [{ id: 'o', kind: 'chart', option: { series: [deepValue(500)] } }] } },
        { name: 'data_append', arguments: { dashboard: id, widget: 'c', points: [[2, deepValue(500)]] } },
        { name: 'dashboard_set', arguments: { dashboard: id, widgets: [deepValue(70)] } },
        { name: 'widget_update', arguments: { dashboard: id, widget: 'c', patch: { option: deepValue(65) } } },
      ];
      for (const call of calls) {
        const result = (await client.callTool(call)) as { isError?: boolean; content: { text: string }[] };
        expect({ tool: call.name, isError: result.isError }).toEqual({ tool: call.name, isError: true });
        expect(result.content[0]!.text).toContain('the limit for any JSON input is 64 levels');
      }
      expect(await doc(app, id)).toEqual(before);
      await client.close();
    }
  });

  test('a 100,000-deep value outside tool arguments (initialize capabilities) is invalid params naming the bound, not a 500', async () => {
    const app = await start();
    const body = `{"jsonrpc":"2.0","id":9,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"x":${deepText(100_000)}},"clientInfo":{"name":"raw","version":"1"}}}`;
    const response = await rawPost(app.mcpUrl, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    const answer = (await response.json()) as { id: number; error: { code: number; message: string } };
    expect(answer.id).toBe(9);
    expect(answer.error.code).toBe(-32602);
    expect(answer.error.message).toContain('message.params.capabilities.x.a');
    expect(answer.error.message).toContain('more than 64 levels deep');
    // The server is fine afterwards.
    const { client } = await connectClient(app.mcpUrl);
    expect((await client.listTools()).tools.length).toBeGreaterThan(5);
  });
});
