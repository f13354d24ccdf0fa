// Guards the SDK private fields that session rebuilding relies on: fails loudly on an SDK upgrade that renames them.
import { describe, expect, test } from 'bun:test';
import { McpServer, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import { rehydrateSession, SDK_PRIVATE_FIELDS } from '../../../../server/mcp/session/sdk-internals.ts';

const record = (id: string) => ({
  id,
  createdAt: 0,
  lastSeenAt: 0,
  expiresAt: 1,
  protocolVersion: '2025-06-18',
  clientInfo: { name: 'c', version: '2' },
  clientCapabilities: { sampling: {} },
});

describe('rehydrateSession', () => {
  test('the SDK still has the private fields it relies on', () => {
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => 'x' });
    const server = new McpServer({ name: 't', version: '1' });
    for (const field of SDK_PRIVATE_FIELDS.transport) expect(Object.keys(transport)).toContain(field);
    // The server's fields are assigned at initialize; the public getters read them back.
    rehydrateSession(transport, server, record('11111111-1111-4111-8111-111111111111'));
    expect(server.server.getClientCapabilities()).toEqual({ sampling: {} });
    expect(server.server.getClientVersion()).toEqual({ name: 'c', version: '2' });
    expect(server.server.getNegotiatedProtocolVersion()).toBe('2025-06-18');
    expect(transport.sessionId).toBe('11111111-1111-4111-8111-111111111111');
  });

  test('a rehydrated transport accepts its session id and rejects others', async () => {
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => 'x' });
    const server = new McpServer({ name: 't', version: '1' });
    rehydrateSession(transport, server, record('abc'));
    await server.connect(transport);
    const post = (sessionId: string) =>
      transport.handleRequest(
        new Request('http://localhost/mcp', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
        }),
      );
    const ok = await post('abc');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('"result":{}');
    expect((await post('other')).status).toBe(404);
  });
});
