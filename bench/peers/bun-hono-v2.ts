// Peer 3: the naive SDK v2 server for the 2026-07-28 era: createMcpHandler on Bun + Hono, a fresh McpServer per
// request from the factory, nothing persisted, no checks in front (what the SDK's serving guide shows).
// bun run bench/peers/bun-hono-v2.ts [port]   (prints "MCP URL: ...")
import { Hono } from 'hono';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';

const SIMPLE_TEXT = 'This is a simple text response for testing.';

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: 'peer-bun-hono-v2', version: '1.0.0' });
  server.registerTool('test_simple_text', { description: 'Returns a fixed text' }, async () => ({
    content: [{ type: 'text', text: SIMPLE_TEXT }],
  }));
  return server;
});

const app = new Hono();
app.all('/mcp', (c) => handler.fetch(c.req.raw));

const server = Bun.serve({ hostname: '127.0.0.1', port: Number(process.argv[2] ?? 0), fetch: app.fetch, idleTimeout: 60 });
console.log(`MCP URL: http://127.0.0.1:${server.port}/mcp`);
process.on('SIGTERM', () => {
  void server.stop(true);
  process.exit(0);
});
