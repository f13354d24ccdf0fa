// The compiled binary as a user runs it: alone in an empty directory, no node_modules, flags and signals.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { cleanupBinaries, makeTempDir, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';

const ROOT = resolve(import.meta.dir, '..', '..');
// The file people download (x64 baseline build) when `npm run build` made it, else this machine's dist/mcpdash.
const RELEASE = join(ROOT, 'dist', `mcpdash-linux-${process.arch}`);
const BUILT = process.arch === 'x64' && existsSync(RELEASE) ? RELEASE : join(ROOT, 'dist', 'mcpdash');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const UI_BUILT = existsSync(join(ROOT, 'web', 'dist', 'index.html'));

/** A copy of the binary alone in a fresh empty directory: nothing from the checkout can help it. */
function isolatedBinary(): { dir: string; binary: string } {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build:local\` first`);
  const dir = makeTempDir();
  const binary = join(dir, 'mcpdash');
  copyFileSync(BUILT, binary); // keeps the executable mode
  return { dir, binary };
}

function run(binary: string, args: string[], cwd: string) {
  const result = Bun.spawnSync([binary, ...args], { cwd, stdout: 'pipe', stderr: 'pipe', timeout: 20_000 });
  return { code: result.exitCode, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

// Copying a 110 MB binary and starting it takes well under a second, except on a loaded 2-core CI box.
setDefaultTimeout(30_000);
afterAll(cleanupBinaries);

describe('compiled binary', () => {
  let dir: string;
  let binary: string;
  let server: RunningBinary;

  beforeAll(async () => {
    ({ dir, binary } = isolatedBinary());
    // Stray config files where it is started must not change it (compile-time autoload is off):
    // either one, if read, would stop the server from starting.
    writeFileSync(join(dir, '.env'), 'MCPDASH_TTL=not-a-duration\n');
    writeFileSync(join(dir, 'bunfig.toml'), 'preload = ["./missing-preload.ts"]\n');
    server = await startBinary({ binary, cwd: dir, dataDir: './d' });
  });


  test('prints the MCP URL and serves /healthz with its version, ignoring .env and bunfig.toml beside it', async () => {
    expect(server.mcpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: VERSION });
  });

  test('serves the embedded page at / (or the "UI not built" page)', async () => {
    const res = await fetch(`${server.baseUrl}/`);
    expect(res.status).toBe(200);
    const body = await res.text();
    if (!UI_BUILT && res.headers.get('content-type')?.startsWith('text/plain')) {
      expect(body).toContain('UI not built');
      return;
    }
    expect(res.headers.get('content-type')).toStartWith('text/html');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The page's own script comes out of the binary too, cacheable forever.
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch asks for gzip: the embedded compressed copy goes over the wire (and is decoded here).
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect((await asset.text()).length).toBeGreaterThan(100);
  });

  test('serves the same page for a dashboard URL, with 404 while no dashboard has that id', async () => {
    const res = await fetch(`${server.baseUrl}/dashboard/3f2c9a7e-1b4d-4c8e-9a0f-6d5e4c3b2a19`);
    // The page still comes (it explains what happened); the status tells a script the same.
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<div id="root">');
  });

  test('creates its LMDB store in an owner-only data dir', () => {
    const dataDir = join(dir, 'd');
    expect(server.dataDir).toBe(dataDir);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dataDir, 'data.mdb'))).toBe(true);
  });

  test('answers an MCP client: initialize and list tools', async () => {
    const client = new Client({ name: 'binary-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('dashboard_open');
    await client.close();
  });

  test('exits 0 on SIGTERM', async () => {
    const { dir: otherDir, binary: other } = isolatedBinary();
    const instance = await startBinary({ binary: other, cwd: otherDir, dataDir: './d' });
    expect(await instance.stop('SIGTERM')).toBe(0);
  });
});

describe('compiled binary flags', () => {
  let dir: string;
  let binary: string;

  beforeAll(() => {
    ({ dir, binary } = isolatedBinary());
  });

  test('--help exits 0 and lists the flags', () => {
    const { code, stdout } = run(binary, ['--help'], dir);
    expect(code).toBe(0);
    for (const flag of ['--port', '--host', '--data-dir', '--public-url', '--ttl', '--help', '--version']) {
      expect(stdout).toContain(flag);
    }
  });

  test('--version prints the version', () => {
    const { code, stdout } = run(binary, ['--version'], dir);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`mcpdash ${VERSION}`);
  });

  test('a bad flag value exits 2 with one line naming the flag and writes nothing', () => {
    const { code, stdout, stderr } = run(binary, ['--port', 'x', '--data-dir', './d'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--port');
    expect(existsSync(join(dir, 'd'))).toBe(false);
    expect(existsSync(join(dir, 'mcpdash-data'))).toBe(false);
  });
});
