// Peer 1: the MCP SDK's own stateful Streamable HTTP server on Node + Express, as its docs show it
// (createMcpExpressApp + one StreamableHTTPServerTransport per session in a Map, nothing persisted).
// Plain JS so the system Node runs it: node bench/peers/node-express.mjs [port]   (prints "MCP URL: ...")
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

const SIMPLE_TEXT = 'This is a simple text response for testing.';

function createServer() {
  const server = new McpServer({ name: 'peer-node-express', version: '1.0.0' });
  server.registerTool('test_simple_text', { description: 'Returns a fixed text' }, async () => ({
    content: [{ type: 'text', text: SIMPLE_TEXT }],
  }));
  return server;
}

const transports = new Map();
const app = createMcpExpressApp();

app.post('/mcp', async (req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  let transport = typeof sessionId === 'string' ? transports.get(sessionId) : undefined;
  if (!transport) {
    if (sessionId !== undefined || !isInitializeRequest(req.body)) {
      res.status(sessionId === undefined ? 400 : 404).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Bad session' }, id: null });
      return;
    }
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => transports.set(id, transport),
    });
    transport.onclose = () => transport.sessionId && transports.delete(transport.sessionId);
    await createServer().connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

const sessionRoute = async (req, res) => {
  const transport = transports.get(req.headers['mcp-session-id']);
  if (!transport) return void res.status(404).end();
  await transport.handleRequest(req, res);
};
app.get('/mcp', sessionRoute);
app.delete('/mcp', sessionRoute);

const listener = app.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`MCP URL: http://127.0.0.1:${listener.address().port}/mcp`);
});
// Same keep-alive budget as the Bun servers, so idle benchmark connections are not cut mid-run.
listener.keepAliveTimeout = 60_000;
process.on('SIGTERM', () => listener.close(() => process.exit(0)));
