// Sessions survive restarts and eviction from memory; deleted ones stay gone; memory stays bounded.
import { afterAll, describe, expect, test } from 'bun:test';
import type { McpServer } from '@modelcontextprotocol/server';
import { connectClient, initializeBody, rawPost, rpcMessages, startAppsStoppedAfterEach, removeTempDirs } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);

const whoami = (server: McpServer) => {
  server.registerTool('whoami', { description: 'session id seen by the handler' }, async (extra) => ({
    content: [{ type: 'text', text: extra.sessionId ?? 'none' }],
  }));
};

const start = startAppsStoppedAfterEach();

describe('durable sessions', () => {
  test('a session from before a restart is served after it, and handlers see the same session id', async () => {
    const first = await start({}, { plugins: [whoami] });
    const { client, transport } = await connectClient(first.mcpUrl);
    const sessionId = transport.sessionId!;
    await client.close();
    await first.stop();

    const second = await start({ dataDir: first.config.dataDir }, { plugins: [whoami] });
    const resumed = await connectClient(second.mcpUrl, sessionId);
    const result = (await resumed.client.callTool({ name: 'whoami', arguments: {} })) as { content: { text: string }[] };
    expect(result.content[0]!.text).toBe(sessionId);
    // A client resuming by id never saw initialize, so the SDK client would not even ask: list over the wire.
    const [listed] = await rpcMessages(await rawPost(second.mcpUrl, { jsonrpc: '2.0', id: 9, method: 'tools/list' }, { 'mcp-session-id': sessionId }));
    expect(listed!.result.tools.map((t: { name: string }) => t.name)).toContain('whoami');
  });

  test('a deleted session stays gone across a restart', async () => {
    const first = await start();
    const init = await rawPost(first.mcpUrl, initializeBody());
    const sessionId = init.headers.get('mcp-session-id')!;
    await init.text();
    expect((await fetch(first.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } })).status).toBe(200);
    await first.stop();

    const second = await start({ dataDir: first.config.dataDir });
    const response = await rawPost(second.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping' }, { 'mcp-session-id': sessionId });
    expect(response.status).toBe(404);
  });

  test('idle sessions are dropped from memory and rebuilt from LMDB on their next request', async () => {
    const app = await start({ idleEvictMs: 300 }, { plugins: [whoami] });
    const init = await rawPost(app.mcpUrl, initializeBody());
    const sessionId = init.headers.get('mcp-session-id')!;
    await init.text();
    expect(app.app.cache.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(app.app.cache.size).toBe(0);
    const { client } = await connectClient(app.mcpUrl, sessionId);
    const result = (await client.callTool({ name: 'whoami', arguments: {} })) as { content: { text: string }[] };
    expect(result.content[0]!.text).toBe(sessionId);
    expect(app.app.cache.size).toBe(1);
    await client.close();
  });

  test('a session with an open GET stream stays in memory until the stream closes', async () => {
    const app = await start({ idleEvictMs: 300 });
    const init = await rawPost(app.mcpUrl, initializeBody());
    const sessionId = init.headers.get('mcp-session-id')!;
    await init.text();
    const controller = new AbortController();
    const stream = await fetch(app.mcpUrl, { headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId }, signal: controller.signal });
    expect(stream.status).toBe(200);
    // Keep reading, as a real client does (an unread body may be collected and its connection closed).
    const reading = stream.body!.pipeTo(new WritableStream()).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(app.app.cache.size).toBe(1);
    controller.abort();
    await reading;
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(app.app.cache.size).toBe(0);
  });

  test('memory holds only recently active sessions, not every session ever created', async () => {
    const app = await start({ idleEvictMs: 200 });
    for (let i = 0; i < 200; i++) {
      const response = await rawPost(app.mcpUrl, initializeBody(i));
      await response.text();
    }
    expect(app.app.cache.size).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(app.app.cache.size).toBe(0);
  });

  test('the sweeper removes expired session records and leaves live ones', async () => {
    const app = await start({ ttlMs: 60_000 }, { sweepIntervalMs: 3_600_000 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await rawPost(app.mcpUrl, initializeBody(i));
      ids.push(response.headers.get('mcp-session-id')!);
      await response.text();
    }
    app.clock.advance(30_000);
    const late = await rawPost(app.mcpUrl, initializeBody(9));
    const liveId = late.headers.get('mcp-session-id')!;
    await late.text();
    app.clock.advance(31_000);
    expect(await app.app.sweeper.sweep()).toBe(5);
    for (const id of ids) expect(app.app.store.sessions.get(id)).toBeUndefined();
    expect(app.app.store.sessions.get(liveId)).toBeDefined();
    // Only the live session's index entry remains.
    expect([...app.app.store.expiry.getKeys({})].map((key) => key[2])).toEqual([liveId]);
  });
});
