// The compiled binary's words when something is wrong on the command line or around it: each names the verb, path,
// port or flag at fault and the fix (never a bare "EEXIST" or "Permission denied"), a second server on one data
// dir is refused while a restart after kill -9 is not, and the loopback banner does not send Claude.ai to 127.0.0.1.
import { afterAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanupBinaries, makeTempDir, startBinary } from './helpers/spawn-binary.ts';

setDefaultTimeout(60_000);
afterAll(cleanupBinaries);

const BINARY = resolve(import.meta.dir, '..', '..', 'dist', 'mcpdash');

function run(args: string[], options: { cwd?: string; wrapper?: string[]; binary?: string } = {}) {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: build it first (npx bun run scripts/build.ts)`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MCPDASH_')));
  const result = Bun.spawnSync([...(options.wrapper ?? []), options.binary ?? BINARY, ...args], { cwd: options.cwd ?? makeTempDir(), env, stdout: 'pipe', stderr: 'pipe', timeout: 20_000 });
  return { code: result.exitCode, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

describe('command-line words of the binary', () => {
  test('`mcpdash token` without a verb names the verbs it takes and a whole example', () => {
    const { code, stderr } = run(['token']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("mcpdash: 'token' needs a verb: create, list or revoke (for example: mcpdash token create <name> [--scope write|append|read] [--data-dir <dir>]; see mcpdash token --help)");
  });

  test('a file given as --data-dir names the path and says to pass a directory', () => {
    const dir = makeTempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    const { code, stderr } = run(['--port', '0', '--data-dir', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`--data-dir ${file} is a file, not a directory: pass a directory`);
    expect(stderr).not.toContain('EEXIST');
  });

  test('a store it cannot write names the directory and the flag, not lmdb\'s "Attempting to setup locks"', async () => {
    // A store made by another user: as root, run the binary as nobody; otherwise the store's files are read-only.
    const dir = makeTempDir();
    chmodSync(dir, 0o755);
    const dataDir = join(dir, 'data');
    const first = await startBinary({ dataDir });
    await first.stop();
    const asRoot = process.getuid?.() === 0;
    let binary = BINARY;
    if (asRoot) {
      binary = join(dir, 'mcpdash');
      copyFileSync(BINARY, binary);
      chmodSync(dataDir, 0o755);
      for (const name of ['data.mdb', 'lock.mdb', 'server.lock']) if (existsSync(join(dataDir, name))) chmodSync(join(dataDir, name), 0o644);
    } else {
      for (const name of ['data.mdb', 'lock.mdb', 'server.lock']) if (existsSync(join(dataDir, name))) chmodSync(join(dataDir, name), 0o444);
    }
    const wrapper = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const { code, stderr } = run(['--port', '0', '--data-dir', dataDir], { cwd: dir, wrapper, binary });
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot write to --data-dir ${dataDir} (permission denied)`);
    expect(stderr).toContain('or pass another --data-dir');
    expect(stderr).not.toContain('Attempting to setup locks');
  });

  test('a port in use suggests another port or --port 0', async () => {
    const first = await startBinary();
    const port = new URL(first.baseUrl).port;
    const { code, stderr } = run(['--port', port, '--data-dir', join(makeTempDir(), 'other')]);
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(stderr).toContain('--port 0 for any free port');
    await first.stop();
  });

  test('a second server on the same data dir is refused with the first one\'s pid; after kill -9 a restart starts', async () => {
    const first = await startBinary();
    const second = run(['--port', '0', '--data-dir', first.dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`another mcpdash server (pid ${first.proc.pid}) is already running with --data-dir ${first.dataDir}`);
    expect(second.stdout).not.toContain('MCP URL');
    // The commands still work beside it (LMDB is multi-process; only servers are one per directory).
    expect(run(['token', 'list', '--data-dir', first.dataDir]).code).toBe(0);
    await first.kill9();
    const restarted = await startBinary({ dataDir: first.dataDir });
    expect((await fetch(`${restarted.baseUrl}/healthz`)).status).toBe(200);
    await restarted.stop();
  });

  test('on loopback, the banner tells Claude.ai users to use a tunnel and --public-url, not to paste 127.0.0.1', async () => {
    const server = await startBinary();
    const banner = server.stdout();
    expect(banner).toContain(`Claude.ai cannot reach ${new URL(server.baseUrl).host}`);
    expect(banner).toContain('--public-url https://<tunnel-host>');
    expect(banner).not.toContain('paste the MCP URL');
    await server.stop();
  });
});
