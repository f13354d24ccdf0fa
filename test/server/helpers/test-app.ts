// Starts the real app (LMDB in a fresh temp dir, real HTTP on a free port) for tests; a controllable clock.
import { afterEach } from 'bun:test';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { buildApp, type AppOptions } from '../../../server/app.ts';
import { parseCli, type Config } from '../../../server/config.ts';
import { silentLogger } from '../../../server/logger.ts';

import { removeTempDirs, tempDataDir } from './temp-dir.ts';

export { removeTempDirs, tempDataDir };

export function testConfig(overrides: Partial<Config> = {}): Config {
  const cli = parseCli([], {});
  if (cli.kind !== 'run') throw new Error('unreachable');
  return { ...cli.config, port: 0, dataDir: tempDataDir(), ...overrides };
}

export interface TestApp {
  url: string;
  mcpUrl: string;
  port: number;
  config: Config;
  app: ReturnType<typeof buildApp>;
  /** Real time plus whatever the test skipped ahead with advance(). */
  clock: { now(): number; advance(ms: number): void };
  stop(): Promise<void>;
}

export async function startTestApp(overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  let offset = 0;
  const clock = {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
  const app = buildApp(config, silentLogger, { now: clock.now, ...options });
  const server = Bun.serve({ port: config.port, hostname: config.host, fetch: app.http.fetch, idleTimeout: 60 });
  app.setPort(server.port!);
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    mcpUrl: `${url}/mcp`,
    port: server.port!,
    config,
    app,
    clock,
    async stop() {
      server.stop(true);
      await app.close();
    },
  };
}

export async function connectClient(mcpUrl: string, sessionId?: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), sessionId ? { sessionId } : {});
  const client = new Client({ name: 'mcpdash-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

/** A v2 SDK client that negotiates the protocol era: pinned to 2026-07-28, or 'auto' (probe, else fall back). */
export async function connectModernClient(mcpUrl: string, mode: 'auto' | { pin: string } = { pin: '2026-07-28' }): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl));
  const client = new Client({ name: 'mcpdash-test-2026', version: '1.0.0' }, { versionNegotiation: { mode } });
  await client.connect(transport);
  return { client, transport };
}

export const JSON_AND_SSE = 'application/json, text/event-stream';

/** The `_meta` envelope every 2026-07-28 request carries (protocol version, client info, capabilities). */
export const modernMeta = (capabilities: Record<string, unknown> = {}) => ({
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw-2026', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': capabilities,
});

/** A raw 2026-07-28 request: envelope in params._meta and the standard Mcp-* headers. */
export function modernPost(mcpUrl: string, id: number | string, method: string, params: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  const name = typeof params.name === 'string' ? params.name : typeof params.uri === 'string' ? params.uri : undefined;
  return rawPost(
    mcpUrl,
    { jsonrpc: '2.0', id, method, params: { ...params, _meta: modernMeta() } },
    { 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(name !== undefined ? { 'mcp-name': name } : {}), ...headers },
  );
}

/** A raw JSON-RPC POST to /mcp, for the status-code cases the SDK client hides. */
export function rawPost(mcpUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(mcpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: JSON_AND_SSE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const initializeBody = (id: number | string = 1) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

/** Parse the JSON-RPC messages out of an SSE (or JSON) response body. */
export async function rpcMessages(response: Response): Promise<Array<{ id?: unknown; result?: any; error?: any }>> {
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').includes('application/json')) return [JSON.parse(text)];
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line.length > 6)
    .map((line) => JSON.parse(line.slice(6)));
}

/** startTestApp for a test file whose tests start several apps: each one is stopped after its test. */
export function startAppsStoppedAfterEach(): (...args: Parameters<typeof startTestApp>) => Promise<TestApp> {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
  });
  return async (...args) => {
    const app = await startTestApp(...args);
    apps.push(app);
    return app;
  };
}
