// Peer 2: the straightforward Bun + Hono MCP server: one WebStandardStreamableHTTPServerTransport per session in
// a Map, nothing persisted, no session layer of its own.
// bun run bench/peers/bun-hono.ts [port]   (prints "MCP URL: ...")
import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const SIMPLE_TEXT = 'This is a simple text response for testing.';

function createServer(): McpServer {
  const server = new McpServer({ name: 'peer-bun-hono', version: '1.0.0' });
  server.registerTool('test_simple_text', { description: 'Returns a fixed text' }, async () => ({
    content: [{ type: 'text', text: SIMPLE_TEXT }],
  }));
  return server;
}

const transports = new Map<string, WebStandardStreamableHTTPServerTransport>();
const app = new Hono();

app.all('/mcp', async (c) => {
  const sessionId = c.req.header('mcp-session-id');
  const existing = sessionId === undefined ? undefined : transports.get(sessionId);
  if (existing) return existing.handleRequest(c.req.raw);
  if (sessionId !== undefined) return c.json({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }, 404);
  if (c.req.method !== 'POST') return c.json({ jsonrpc: '2.0', error: { code: -32000, message: 'No session' }, id: null }, 400);
  const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => crypto.randomUUID(),
    onsessioninitialized: (id) => {
      transports.set(id, transport);
    },
    onsessionclosed: (id) => {
      transports.delete(id);
    },
  });
  await createServer().connect(transport);
  return transport.handleRequest(c.req.raw);
});

const server = Bun.serve({ hostname: '127.0.0.1', port: Number(process.argv[2] ?? 0), fetch: app.fetch, idleTimeout: 60 });
console.log(`MCP URL: http://127.0.0.1:${server.port}/mcp`);
process.on('SIGTERM', () => {
  void server.stop(true);
  process.exit(0);
});
