// Two widely used 2025-era clients build a dashboard on the compiled binary: the MCP Inspector CLI (one process per
// call, so no session in common) and mcp-remote (the stdio bridge Claude Desktop users put in front of HTTP servers).
import { afterAll, describe, expect, test } from 'bun:test';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { cleanupBinaries, makeTempDir, startBinary } from './helpers/spawn-binary.ts';

afterAll(cleanupBinaries);

const ROOT = resolve(import.meta.dir, '..', '..');
const INSPECTOR = join(ROOT, 'node_modules', '@modelcontextprotocol', 'inspector-cli', 'build', 'index.js');
const MCP_REMOTE = join(ROOT, 'node_modules', 'mcp-remote', 'dist', 'proxy.js');

/** Runs the Inspector CLI once; it prints the method's result as JSON. */
function inspector(mcpUrl: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    // It reads its own package.json through a path relative to the working directory: start it where that holds.
    const proc = spawn('node', [INSPECTOR, mcpUrl, ...args], { cwd: dirname(INSPECTOR), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('exit', (code) => done({ code: code ?? 1, out }));
  });
}

const jsonOf = (out: string) => JSON.parse(out.slice(out.indexOf('{'))) as { structuredContent: { dashboard_id: string; revision: number; url: string } };

describe('other MCP clients against the binary', () => {
  test('the MCP Inspector CLI opens a dashboard and puts a widget on it by passing the id back', async () => {
    const server = await startBinary();
    const opened = await inspector(server.mcpUrl, ['--method', 'tools/call', '--tool-name', 'dashboard_open', '--tool-arg', 'title=From the Inspector']);
    expect(opened.code).toBe(0);
    const { dashboard_id: id, url } = jsonOf(opened.out).structuredContent;
    expect(url).toBe(`${server.baseUrl}/dashboard/${id}`);
    const put = await inspector(server.mcpUrl, [
      '--method', 'tools/call', '--tool-name', 'widget_put', '--tool-arg', `dashboard=${id}`,
      'widgets=[{"id":"note","kind":"markdown","text":"hello from the inspector"}]',
    ]);
    expect(put.code).toBe(0);
    expect(jsonOf(put.out).structuredContent).toMatchObject({ dashboard_id: id, revision: 2 });
    const page = (await (await fetch(`${server.baseUrl}/api/dashboard/${id}`)).json()) as { title: string; widgets: { text: string }[] };
    expect(page.title).toBe('From the Inspector');
    expect(page.widgets[0]!.text).toBe('hello from the inspector');
  }, 60_000);

  test('mcp-remote bridges stdio to the binary and builds a dashboard in one session', async () => {
    const server = await startBinary();
    const home = makeTempDir();
    // Its token cache goes to a throwaway home, never the developer's.
    const proc = spawn('node', [MCP_REMOTE, server.mcpUrl, '--allow-http', '--transport', 'http-only'], {
      env: { ...process.env, HOME: home, MCP_REMOTE_CONFIG_DIR: join(home, '.mcp-auth') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const answers = new Map<number, { result?: { structuredContent?: Record<string, unknown> } }>();
    let buffer = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const message = JSON.parse(line) as { id?: number; result?: { structuredContent?: Record<string, unknown> } };
        if (typeof message.id === 'number') answers.set(message.id, message);
      }
    });
    const answer = async (id: number) => {
      for (let i = 0; i < 200 && !answers.has(id); i++) await Bun.sleep(50);
      return answers.get(id);
    };
    const send = (message: unknown) => proc.stdin!.write(`${JSON.stringify(message)}\n`);
    try {
      send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'desktop', version: '1' } } });
      expect(await answer(1)).toBeDefined();
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'dashboard_open', arguments: { title: 'Through mcp-remote' } } });
      const opened = (await answer(2))!.result!.structuredContent!;
      send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'widget_put', arguments: { widgets: [{ id: 'm', kind: 'metric', value: 7 }] } } });
      // No dashboard argument: the session it opened is the one it writes to.
      expect((await answer(3))!.result!.structuredContent).toMatchObject({ dashboard_id: opened.dashboard_id, revision: 2 });
      const page = (await (await fetch(`${server.baseUrl}/api/dashboard/${opened.dashboard_id as string}`)).json()) as { widgets: { value: number }[] };
      expect(page.widgets[0]!.value).toBe(7);
    } finally {
      proc.kill('SIGKILL');
    }
  }, 60_000);
});
