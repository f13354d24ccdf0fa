// The "Protocol facts" table of DESIGN.md, one test per row, against the real app over real HTTP.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { connectClient, initializeBody, rawPost, rpcMessages, startTestApp, JSON_AND_SSE, type TestApp, removeTempDirs } from '../helpers/test-app.ts';

afterAll(removeTempDirs);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A tool that tells the caller which session the handler saw, and echoes its input after a delay. */
const probe = (server: McpServer) => {
  server.registerTool(
    'probe',
    { description: 'test probe', inputSchema: { tag: z.string(), delayMs: z.number().optional() } },
    async ({ tag, delayMs }, extra) => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { content: [{ type: 'text', text: JSON.stringify({ tag, sessionId: extra.sessionId ?? null }) }] };
    },
  );
};

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function initialize(t: TestApp): Promise<string> {
  const response = await rawPost(t.mcpUrl, initializeBody());
  expect(response.status).toBe(200);
  await response.text();
  return response.headers.get('mcp-session-id')!;
}

const callProbe = (t: TestApp, sessionId: string | undefined, id: number | string, tag: string, delayMs = 0) =>
  rawPost(
    t.mcpUrl,
    { jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'probe', arguments: { tag, delayMs } } },
    sessionId ? { 'mcp-session-id': sessionId } : {},
  );

const probeResult = async (response: Response) => {
  const [message] = await rpcMessages(response);
  return { id: message!.id, ...JSON.parse(message!.result.content[0].text) } as { id: unknown; tag: string; sessionId: string | null };
};

describe('/mcp endpoint', () => {
  test('initialize without a session id mints a UUIDv4 and persists the record before answering', async () => {
    app = await startTestApp({}, { plugins: [probe] });
    const response = await rawPost(app.mcpUrl, initializeBody());
    const sessionId = response.headers.get('mcp-session-id');
    expect(response.status).toBe(200);
    expect(sessionId).toMatch(UUID_V4);
    // Visible ASCII only (0x21-0x7E), as the spec requires.
    expect(/^[\x21-\x7e]+$/.test(sessionId!)).toBe(true);
    const record = app.app.sessions.get(sessionId!, Date.now());
    expect(record?.clientInfo?.name).toBe('raw');
    expect(record?.protocolVersion).toBe('2025-11-25');
    const [message] = await rpcMessages(response);
    expect(message?.result.serverInfo.name).toBe('mcpdash');
  });

  test('serves a live session and the tool handler sees its session id', async () => {
    app = await startTestApp({}, { plugins: [probe] });
    const { client, transport } = await connectClient(app.mcpUrl);
    const result = (await client.callTool({ name: 'probe', arguments: { tag: 'a' } })) as { content: { text: string }[] };
    expect(JSON.parse(result.content[0]!.text).sessionId).toBe(transport.sessionId!);
    await client.close();
  });

  test('returns 404 with a JSON-RPC error for an unknown session id', async () => {
    app = await startTestApp();
    const response = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping' }, { 'mcp-session-id': crypto.randomUUID() });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { jsonrpc: string; error: { code: number; message: string } };
    expect(body.jsonrpc).toBe('2.0');
    expect(body.error.message).toContain('Session not found');
  });

  test('returns 404 for a malformed session id', async () => {
    app = await startTestApp();
    const response = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping' }, { 'mcp-session-id': 'not-a-session' });
    expect(response.status).toBe(404);
  });

  test('returns 404 for an expired session even before the sweeper runs', async () => {
    app = await startTestApp({ ttlMs: 60_000 }, { sweepIntervalMs: 3_600_000 });
    const sessionId = await initialize(app);
    expect((await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping' }, { 'mcp-session-id': sessionId })).status).toBe(200);
    app.clock.advance(61_000);
    const response = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'ping' }, { 'mcp-session-id': sessionId });
    expect(response.status).toBe(404);
  });

  test('activity slides the expiry forward', async () => {
    app = await startTestApp({ ttlMs: 60_000 }, { sweepIntervalMs: 3_600_000 });
    const sessionId = await initialize(app);
    for (let i = 0; i < 3; i++) {
      app.clock.advance(40_000);
      const response = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: i, method: 'ping' }, { 'mcp-session-id': sessionId });
      expect(response.status).toBe(200);
      await response.text();
    }
    // The slide is written behind the answer; wait for that commit.
    await app.app.store.root.committed;
    // 120 s after creation, 40 s after the last request: still alive with a 60 s TTL.
    expect(app.app.sessions.get(sessionId, app.clock.now())).toBeDefined();
  });

  test('DELETE ends the session and later requests get 404', async () => {
    app = await startTestApp();
    const sessionId = await initialize(app);
    const deleted = await fetch(app.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } });
    expect(deleted.status).toBe(200);
    expect(app.app.sessions.get(sessionId, Date.now())).toBeUndefined();
    const after = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping' }, { 'mcp-session-id': sessionId });
    expect(after.status).toBe(404);
  });

  test('serves a non-initialize request without a session id (Claude.ai does not always echo it)', async () => {
    app = await startTestApp({}, { plugins: [probe] });
    const response = await callProbe(app, undefined, 3, 'no-session');
    expect(response.status).toBe(200);
    expect(await probeResult(response)).toEqual({ id: 3, tag: 'no-session', sessionId: null });
  });

  test('--strict-sessions answers 400 to a non-initialize request without a session id', async () => {
    app = await startTestApp({ strictSessions: true });
    const response = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('Mcp-Session-Id');
  });

  test('returns 403 for an Origin that is not allowed, and serves allowed ones', async () => {
    app = await startTestApp({ publicUrl: 'https://dash.example.com', allowedOrigins: ['https://claude.ai'] });
    const evil = await rawPost(app.mcpUrl, initializeBody(), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    for (const origin of ['https://claude.ai', 'https://dash.example.com', `http://localhost:${app.port}`]) {
      const ok = await rawPost(app.mcpUrl, initializeBody(), { origin });
      expect(ok.status).toBe(200);
      await ok.text();
    }
  });

  test('returns 403 for a Host that is not allowed while bound to localhost, naming --public-url', async () => {
    app = await startTestApp();
    const response = await rawPost(app.mcpUrl, initializeBody(), { host: 'attacker.example' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('--public-url');
  });

  test('serves the --public-url host, as a tunnel forwards it', async () => {
    app = await startTestApp({ publicUrl: 'https://abc.trycloudflare.com' });
    const response = await rawPost(app.mcpUrl, initializeBody(), { host: 'abc.trycloudflare.com' });
    expect(response.status).toBe(200);
    await response.text();
  });

  test('returns 400 for an unsupported MCP-Protocol-Version and serves a missing one', async () => {
    app = await startTestApp();
    const sessionId = await initialize(app);
    const bad = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping' }, { 'mcp-session-id': sessionId, 'mcp-protocol-version': '1999-01-01' });
    expect(bad.status).toBe(400);
    const missing = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'ping' }, { 'mcp-session-id': sessionId });
    expect(missing.status).toBe(200);
    await missing.text();
    for (const version of ['2025-11-25', '2025-06-18', '2025-03-26']) {
      const ok = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 3, method: 'ping' }, { 'mcp-session-id': sessionId, 'mcp-protocol-version': version });
      expect(ok.status).toBe(200);
      await ok.text();
    }
  });

  test('returns 406 when a POST does not accept both JSON and SSE', async () => {
    app = await startTestApp();
    const response = await rawPost(app.mcpUrl, initializeBody(), { accept: 'application/json' });
    expect(response.status).toBe(406);
  });

  test('returns 413 for a body over the limit, declared or streamed', async () => {
    app = await startTestApp({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ ...initializeBody(), padding: 'x'.repeat(4096) });
    expect((await rawPost(app.mcpUrl, big)).status).toBe(413);
    const streamed = await fetch(app.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: JSON_AND_SSE },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
    });
    expect(streamed.status).toBe(413);
  });

  test('returns 400 with a JSON-RPC parse error for a body that is not JSON', async () => {
    app = await startTestApp();
    const response = await rawPost(app.mcpUrl, '{not json');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32700);
  });

  test('GET without a session answers 405; GET with a session opens an SSE stream', async () => {
    app = await startTestApp();
    expect((await fetch(app.mcpUrl, { headers: { accept: 'text/event-stream' } })).status).toBe(405);
    const sessionId = await initialize(app);
    const controller = new AbortController();
    const stream = await fetch(app.mcpUrl, { headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId }, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();
  });

  test('concurrent requests reusing one JSON-RPC id on one session each get their own answer', async () => {
    app = await startTestApp({}, { plugins: [probe] });
    const sessionId = await initialize(app);
    // Same id 1 for all; delays make them overlap and finish out of order.
    const tags = Array.from({ length: 24 }, (_, i) => `req-${i}`);
    const results = await Promise.all(tags.map((tag, i) => callProbe(app!, sessionId, 1, tag, (24 - i) * 3).then(probeResult)));
    expect(results.map((r) => r.tag)).toEqual(tags);
    expect(results.every((r) => r.id === 1 && r.sessionId === sessionId)).toBe(true);
  });

  test('a batch with duplicate ids gets one answer per request with the client ids', async () => {
    app = await startTestApp({}, { plugins: [probe] });
    const sessionId = await initialize(app);
    const batch = ['x', 'y'].map((tag) => ({ jsonrpc: '2.0', id: 'same', method: 'tools/call', params: { name: 'probe', arguments: { tag } } }));
    const response = await rawPost(app.mcpUrl, batch, { 'mcp-session-id': sessionId });
    const messages = await rpcMessages(response);
    expect(messages.map((m) => m.id)).toEqual(['same', 'same']);
    expect(messages.map((m) => JSON.parse(m.result.content[0].text).tag).sort()).toEqual(['x', 'y']);
  });
});
