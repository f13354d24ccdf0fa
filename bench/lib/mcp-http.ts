// Minimal raw MCP-over-HTTP client calls for the benchmark (no SDK client: its own overhead would be measured).
export const PROTOCOL_VERSION = '2025-11-25';

export function mcpHeaders(sessionId?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': PROTOCOL_VERSION,
    ...(sessionId ? { 'mcp-session-id': sessionId } : {}),
  };
}

export const INITIALIZE_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcpdash-bench', version: '1.0.0' } },
});
const INITIALIZED_BODY = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

/** The JSON-RPC bodies the throughput cases send; ids are unique per request so no peer sees a clash. */
export const REQUEST_BODIES = {
  ping: (id: number | string) => `{"jsonrpc":"2.0","id":${id},"method":"ping"}`,
  'tools/call': (id: number | string) => `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"test_simple_text","arguments":{}}}`,
} as const;
export type BenchMethod = keyof typeof REQUEST_BODIES;

const now = () => performance.timeOrigin + performance.now();

/** One tools/call over raw HTTP; returns the structured result and when (epoch ms) its answer had fully arrived. */
export async function callTool(mcpUrl: string, sessionId: string, name: string, args: unknown, id: number | string) {
  const started = now();
  const response = await fetch(mcpUrl, {
    method: 'POST',
    headers: mcpHeaders(sessionId),
    body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } }),
  });
  const text = await response.text();
  const answered = now();
  const line = text.split('\n').find((l) => l.startsWith('data: '));
  type Structured = { revision: number; dashboard_id: string; url: string };
  const message = JSON.parse(line?.slice(6) ?? '{}') as { result?: { isError?: boolean; structuredContent?: Structured } };
  if (!message.result || message.result.isError) throw new Error(`${name} failed: ${text.slice(0, 300)}`);
  return { ms: answered - started, answered, structured: message.result.structuredContent! };
}

/** initialize + notifications/initialized; returns the session id. Throws with the server's answer on failure. */
export async function openSession(mcpUrl: string): Promise<string> {
  const init = await fetch(mcpUrl, { method: 'POST', headers: mcpHeaders(), body: INITIALIZE_BODY });
  const text = await init.text();
  const sessionId = init.headers.get('mcp-session-id');
  if (init.status !== 200 || !sessionId || !text.includes('"result"')) {
    throw new Error(`initialize failed: HTTP ${init.status} ${text.slice(0, 300)}`);
  }
  const ack = await fetch(mcpUrl, { method: 'POST', headers: mcpHeaders(sessionId), body: INITIALIZED_BODY });
  await ack.arrayBuffer();
  if (ack.status !== 202) throw new Error(`notifications/initialized failed: HTTP ${ack.status}`);
  return sessionId;
}

/** One initialize attempt; true when the server answered it with a session. For start-up polling. */
export async function tryInitialize(mcpUrl: string): Promise<boolean> {
  try {
    const response = await fetch(mcpUrl, { method: 'POST', headers: mcpHeaders(), body: INITIALIZE_BODY });
    const text = await response.text();
    return response.status === 200 && text.includes('"result"');
  } catch {
    return false;
  }
}

/** VmRSS of a process in MiB, from /proc (Linux only). */
export async function rssMiB(pid: number): Promise<number> {
  const status = await Bun.file(`/proc/${pid}/status`).text();
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
