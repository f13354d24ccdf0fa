// The ceiling: a bare Bun.serve that parses the JSON-RPC body and answers a canned result, SSE-framed like the SDK
// servers answer a POST (one `event: message` then end of stream). No MCP library, no session checks beyond
// handing out an id: nothing an MCP server built on Bun could be faster than.
// bun run bench/peers/bare-bun.ts [port]   (prints "MCP URL: ...")

const SIMPLE_TEXT = 'This is a simple text response for testing.';
const SESSION_ID = crypto.randomUUID();

function resultFor(method: string): unknown {
  switch (method) {
    case 'initialize':
      return { protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'peer-bare-bun', version: '1.0.0' } };
    case 'tools/call':
      return { content: [{ type: 'text', text: SIMPLE_TEXT }] };
    case 'tools/list':
      return { tools: [{ name: 'test_simple_text', description: 'Returns a fixed text', inputSchema: { type: 'object' } }] };
    default:
      return {};
  }
}

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.argv[2] ?? 0),
  idleTimeout: 60,
  async fetch(request) {
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    const message = (await request.json()) as { id?: string | number; method: string };
    if (message.id === undefined) return new Response(null, { status: 202, headers: { 'mcp-session-id': SESSION_ID } });
    const data = JSON.stringify({ result: resultFor(message.method), jsonrpc: '2.0', id: message.id });
    return new Response(`event: message\ndata: ${data}\n\n`, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'mcp-session-id': SESSION_ID },
    });
  },
});
console.log(`MCP URL: http://127.0.0.1:${server.port}/mcp`);
process.on('SIGTERM', () => {
  void server.stop(true);
  process.exit(0);
});
