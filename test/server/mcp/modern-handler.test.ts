// The 2026-07-28 handler reuses finished servers: fewer builds, and no request sees another's client identity.
import { describe, expect, test } from 'bun:test';
import { McpServer } from '@modelcontextprotocol/server';
import { createModernHandler } from '../../../server/mcp/modern-handler.ts';

const envelope = (clientInfo?: { name: string; version: string }) => ({
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  ...(clientInfo ? { 'io.modelcontextprotocol/clientInfo': clientInfo } : {}),
});

function request(id: number, clientInfo?: { name: string; version: string }): Request {
  return new Request('http://127.0.0.1/mcp', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'whoami',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'whoami', arguments: {}, _meta: envelope(clientInfo) } }),
  });
}

describe('createModernHandler', () => {
  test('serves sequential requests from one reused server, and a request without clientInfo sees none', async () => {
    let built = 0;
    const handler = createModernHandler({
      createServer: () => {
        built++;
        const server = new McpServer({ name: 't', version: '1' });
        server.registerTool('whoami', { description: 'the client as the server sees it' }, async () => ({
          content: [{ type: 'text', text: JSON.stringify(server.server.getClientVersion() ?? null) }],
        }));
        return server;
      },
    });
    const answer = async (response: Response) => ((await response.json()) as { result: { content: { text: string }[] } }).result.content[0]!.text;
    expect(await answer(await handler.fetch(request(1, { name: 'first', version: '1' })))).toBe('{"name":"first","version":"1"}');
    expect(await answer(await handler.fetch(request(2)))).toBe('null');
    expect(await answer(await handler.fetch(request(3, { name: 'third', version: '3' })))).toBe('{"name":"third","version":"3"}');
    expect(built).toBe(1);
    await handler.close();
  });

  test('concurrent requests get servers of their own', async () => {
    let built = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handler = createModernHandler({
      createServer: () => {
        built++;
        const server = new McpServer({ name: 't', version: '1' });
        server.registerTool('whoami', { description: 'waits for the gate' }, async () => {
          await gate;
          return { content: [{ type: 'text', text: 'ok' }] };
        });
        return server;
      },
    });
    const pending = [handler.fetch(request(1)), handler.fetch(request(2))];
    await Bun.sleep(20);
    release();
    const responses = await Promise.all(pending);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(built).toBe(2);
    await handler.close();
  });
});
