// The linux-arm64 binary (Raspberry Pi) under qemu user emulation: starts, keeps data, speaks MCP to the real SDK client.
import { afterAll, describe, expect, test } from 'bun:test';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { cleanupBinaries, makeTempDir, startBinary } from './helpers/spawn-binary.ts';

const ROOT = resolve(import.meta.dir, '..', '..');
const BUILT = join(ROOT, 'dist', 'mcpdash-linux-arm64');
const QEMU = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'];
const IN_CI = Boolean(process.env.CI);
const HAS_QEMU = Bun.which('qemu-aarch64') !== null;

// Outside CI a developer may not have qemu; in CI a missing qemu is a failure, never a skip.
if (!HAS_QEMU && !IN_CI) {
  console.warn('arm64 e2e SKIPPED: qemu-aarch64 is not installed (apt-get install -y qemu-user libc6-arm64-cross libstdc++6-arm64-cross)');
}

afterAll(cleanupBinaries);

describe.skipIf(!HAS_QEMU && !IN_CI)('linux-arm64 binary under qemu', () => {
  test('starts alone, creates its store, serves an MCP client and keeps what it writes', async () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` (builds every target) first`);
    const dir = makeTempDir();
    const binary = join(dir, 'mcpdash');
    copyFileSync(BUILT, binary);
    Bun.spawnSync(['chmod', '755', binary]);

    // Emulation makes start-up around 20x slower than native.
    const server = await startBinary({ binary, cwd: dir, dataDir: './d', wrapper: QEMU, timeoutMs: 60_000 });
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
    expect(statSync(join(dir, 'd')).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dir, 'd', 'data.mdb'))).toBe(true);

    const client = new Client({ name: 'arm64-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    expect(client.getServerVersion()?.name).toBe('mcpdash');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('dashboard_open');
    // A write goes through the arm64 lmdb addon; its page then answers over HTTP from the store.
    const opened = await client.callTool({ name: 'dashboard_open', arguments: { title: 'On a Pi' } });
    expect(opened.isError).toBeFalsy();
    const id = (opened.structuredContent as { dashboard_id: string }).dashboard_id;
    const doc = await fetch(`${server.baseUrl}/api/dashboard/${id}`);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { title: string }).title).toBe('On a Pi');
    await client.close();

    expect(await server.stop('SIGTERM')).toBe(0);
  }, 120_000);
});
