// The compiled binary from an attacker's chair, MCP side: no dashboard at a client-chosen id, a nesting bound that
// answers instead of overflowing, owner-only data files, retries applied once across kill -9, and scoped tokens.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { cleanupBinaries, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';

setDefaultTimeout(60_000);
afterAll(cleanupBinaries);

const BINARY = resolve(import.meta.dir, '..', '..', 'dist', 'mcpdash');
const PASSWORD = 'attack owner password';

interface ToolResult {
  isError?: boolean;
  content: { text: string }[];
  structuredContent?: { dashboard_id: string; revision: number; already_applied?: boolean };
}

async function connect(server: RunningBinary, token: string, era: '2025' | '2026' = '2025'): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(server.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  const client = era === '2025' ? new Client({ name: 'e2e', version: '1' }) : new Client({ name: 'e2e', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(transport);
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

function createToken(dataDir: string, name: string, ...flags: string[]): string {
  const created = Bun.spawnSync([BINARY, 'token', 'create', name, ...flags, '--data-dir', dataDir], { stdout: 'pipe', stderr: 'pipe' });
  expect(created.exitCode).toBe(0);
  return /mcpd_st_[\w-]+/.exec(created.stdout.toString())![0];
}

describe('mcpdash binary under attack (MCP side)', () => {
  let server: RunningBinary;
  let writeToken: string;

  beforeAll(async () => {
    server = await startBinary({ args: ['--auth', 'on'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
    writeToken = createToken(server.dataDir, 'laptop');
  });

  test('guessable ids: no tool creates a dashboard at an id the client chose, in either era', async () => {
    for (const era of ['2025', '2026'] as const) {
      const client = await connect(server, writeToken, era);
      for (const id of ['123e4567-e89b-12d3-a456-426614174000', '11111111-1111-1111-1111-111111111111']) {
        for (const [tool, args] of [
          ['dashboard_open', {}],
          ['widget_put', { widgets: [{ id: 'x', kind: 'metric', value: 1 }] }],
          ['dashboard_set', { title: 'Mine' }],
          ['data_append', { widget: 'x', lines: ['a'] }],
        ] as const) {
          const result = await call(client, tool, { ...args, dashboard: id });
          expect(result.isError).toBe(true);
          expect(result.content[0]!.text).toContain('Omit "dashboard"');
        }
        expect((await fetch(`${server.baseUrl}/api/dashboard/${id}`)).status).toBe(404);
      }
      await client.close();
    }
  });

  test('depth: a 100,000-deep widget_update patch is an isError naming the 64-level bound, not an internal error', async () => {
    const client = await connect(server, writeToken, '2026');
    const id = (await call(client, 'widget_put', { dashboard: (await call(client, 'dashboard_open', {})).structuredContent!.dashboard_id, widgets: [{ id: 'm', kind: 'metric', value: 1 }] })).structuredContent!.dashboard_id;
    await client.close();
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const response = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${writeToken}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: `{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"widget_update","arguments":{"dashboard":"${id}","widget":"m","patch":{"note":${deep}}}}}`,
    });
    const text = await response.text();
    expect(text).toContain('"isError":true');
    expect(text).toContain('more than 64 levels deep');
    expect(text).not.toContain('internal error');
    const page = (await (await fetch(`${server.baseUrl}/api/dashboard/${id}`)).json()) as { revision: number };
    expect(page.revision).toBe(2);
  });

  test('file mode: everything in the data dir is owner-only (0600 files in a 0700 dir)', () => {
    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(server.dataDir);
    expect(files).toContain('data.mdb');
    expect(files).toContain('lock.mdb');
    for (const name of files) expect({ name, mode: statSync(join(server.dataDir, name)).mode & 0o777 }).toEqual({ name, mode: 0o600 });
  });

  test('scopes: an append token feeds a dashboard it is given and can change or create nothing else; a read token only reads', async () => {
    const owner = await connect(server, writeToken);
    const id = (await call(owner, 'dashboard_open', { title: 'Feed' })).structuredContent!.dashboard_id;
    await call(owner, 'widget_put', { dashboard: id, widgets: [{ id: 'log', kind: 'log', lines: ['start'] }] });
    const feeder = await connect(server, createToken(server.dataDir, 'feeder', '--scope', 'append'));
    expect((await call(feeder, 'data_append', { dashboard: id, widget: 'log', lines: ['fed'] })).isError).toBeFalsy();
    expect((await call(feeder, 'dashboard_get', { dashboard: id })).isError).toBeFalsy();
    for (const [tool, args] of [
      ['widget_put', { dashboard: id, widgets: [{ id: 'x', kind: 'metric', value: 1 }] }],
      ['dashboard_restore', { dashboard: id, revision: 1 }],
      ['feedback_read', { dashboard: id }],
      ['dashboard_open', {}],
    ] as const) {
      const result = await call(feeder, tool, args);
      expect({ tool, isError: result.isError }).toEqual({ tool, isError: true });
      expect(result.content[0]!.text).toContain('"append" scope');
    }
    const reader = await connect(server, createToken(server.dataDir, 'viewer', '--scope=read'), '2026');
    expect((await call(reader, 'dashboard_get', { dashboard: id })).isError).toBeFalsy();
    expect((await call(reader, 'data_append', { dashboard: id, widget: 'log', lines: ['no'] })).isError).toBe(true);
    const page = (await (await fetch(`${server.baseUrl}/api/dashboard/${id}`)).json()) as { widgets: { lines: string[] }[] };
    expect(page.widgets.map((w) => w.lines)).toEqual([['start', 'fed']]);
    const listed = Bun.spawnSync([BINARY, 'token', 'list', '--data-dir', server.dataDir], { stdout: 'pipe' }).stdout.toString();
    expect(listed).toMatch(/feeder\s+append/);
    expect(listed).toMatch(/viewer\s+read/);
    expect(listed).toMatch(/laptop\s+write/);
  });

  test('request_id: a data_append retried after kill -9 and a restart is applied once', async () => {
    const first = await startBinary({ args: ['--auth', 'on'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
    const token = createToken(first.dataDir, 'script');
    const client = await connect(first, token, '2026');
    const id = (await call(client, 'dashboard_open', {})).structuredContent!.dashboard_id;
    await call(client, 'widget_put', { dashboard: id, widgets: [{ id: 'log', kind: 'log', lines: [] }] });
    const args = { dashboard: id, widget: 'log', lines: ['once'], request_id: '9f0c-retry-1' };
    const applied = await call(client, 'data_append', args);
    expect(applied.structuredContent!.revision).toBe(3);
    // The answer may never have reached the client: the server dies, comes back, the client retries.
    expect(await first.kill9()).toBe(137);
    const second = await startBinary({ dataDir: first.dataDir, args: ['--auth', 'on'], env: { MCPDASH_OWNER_PASSWORD: PASSWORD } });
    const again = await connect(second, token, '2026');
    const retry = await call(again, 'data_append', args);
    expect(retry.isError).toBeFalsy();
    expect(retry.structuredContent).toMatchObject({ revision: 3, already_applied: true });
    const page = (await (await fetch(`${second.baseUrl}/api/dashboard/${id}`)).json()) as { revision: number; widgets: { lines: string[] }[] };
    expect(page).toMatchObject({ revision: 3, widgets: [{ lines: ['once'] }] });
    const changed = await call(again, 'data_append', { ...args, lines: ['twice'] });
    expect(changed.isError).toBe(true);
    expect(changed.content[0]!.text).toContain('already used for a different call');
  });
});
