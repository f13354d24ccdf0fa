// Minimal raw MCP-over-HTTP client calls for the benchmark (no SDK client: its own overhead would be measured).
export const PROTOCOL_VERSION = '2025-11-25';
export const MODERN_PROTOCOL_VERSION = '2026-07-28';

export function mcpHeaders(sessionId?: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...extra,
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

/** The per-request envelope a 2026-07-28 client puts in every request's params._meta. */
const MODERN_META = JSON.stringify({
  'io.modelcontextprotocol/protocolVersion': MODERN_PROTOCOL_VERSION,
  'io.modelcontextprotocol/clientInfo': { name: 'mcpdash-bench', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
});

/**
 * The JSON-RPC bodies the throughput cases send; ids are unique per request so no peer sees a clash.
 * `ping` and `tools/call` are 2025-era requests on one session; `tools/call 2026` is a stateless 2026-07-28 request.
 */
export const REQUEST_BODIES = {
  ping: (id: number | string) => `{"jsonrpc":"2.0","id":${id},"method":"ping"}`,
  'tools/call': (id: number | string) => `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"test_simple_text","arguments":{}}}`,
  'tools/call 2026': (id: number | string) =>
    `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"test_simple_text","arguments":{},"_meta":${MODERN_META}}}`,
} as const;
export type BenchMethod = keyof typeof REQUEST_BODIES;

/** Whether a case runs on a 2025-era session (initialize first) or sends self-contained 2026-07-28 requests. */
export const isModernMethod = (method: BenchMethod) => method === 'tools/call 2026';

/** The headers of one benchmark request: session headers for 2025 cases, the standard Mcp-* headers for 2026. */
export function requestHeaders(method: BenchMethod, sessionId?: string, extra: Record<string, string> = {}): Record<string, string> {
  if (!isModernMethod(method)) return mcpHeaders(sessionId, extra);
  return {
    ...extra,
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': MODERN_PROTOCOL_VERSION,
    'mcp-method': 'tools/call',
    'mcp-name': 'test_simple_text',
  };
}

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
export async function openSession(mcpUrl: string, extraHeaders: Record<string, string> = {}): Promise<string> {
  const init = await fetch(mcpUrl, { method: 'POST', headers: mcpHeaders(undefined, extraHeaders), body: INITIALIZE_BODY });
  const text = await init.text();
  const sessionId = init.headers.get('mcp-session-id');
  if (init.status !== 200 || !sessionId || !text.includes('"result"')) {
    throw new Error(`initialize failed: HTTP ${init.status} ${text.slice(0, 300)}`);
  }
  const ack = await fetch(mcpUrl, { method: 'POST', headers: mcpHeaders(sessionId, extraHeaders), body: INITIALIZED_BODY });
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

/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100 on Linux in practice). */
const CLOCK_TICKS = Number(Bun.spawnSync(['getconf', 'CLK_TCK']).stdout.toString().trim()) || 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. On a shared machine this is the
 * steadier figure: other work slows a server's wall clock, much less the CPU each request costs it.
 */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await Bun.file(`/proc/${pid}/stat`).text();
  // Fields after the ")" that ends the command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
