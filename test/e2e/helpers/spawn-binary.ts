// Starts the compiled binary the way a user does and waits for its startup line; shared by the e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface StartBinaryOptions {
  /** Path to the executable, relative to the repo root or absolute. */
  binary?: string;
  /** Extra flags after `--port 0 --data-dir <dir>`. */
  args?: string[];
  /** Environment variables for the server (over the test's own, whose MCPDASH_* are dropped). */
  env?: Record<string, string>;
  /** Reuse a data dir (e.g. to test a restart; relative to cwd); `<fresh temp dir>/data` otherwise. */
  dataDir?: string;
  /** Command to run the binary through, e.g. ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']. */
  wrapper?: string[];
  /** Working directory of the process; defaults to the temp dir that holds the data dir. */
  cwd?: string;
  /** How long to wait for the startup line (emulated arm64 needs longer). */
  timeoutMs?: number;
}

export interface RunningBinary {
  baseUrl: string;
  mcpUrl: string;
  dataDir: string;
  proc: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  stdout(): string;
  /** Sends `signal` and resolves with the exit code (128+n when killed by signal n). */
  stop(signal?: NodeJS.Signals): Promise<number>;
  /** Kills it without a chance to clean up, like a power cut. */
  kill9(): Promise<number>;
}

const REPO_ROOT = resolve(import.meta.dir, '..', '..', '..');
const MCP_URL_LINE = /MCP URL:\s+(\S+)/;
const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/**
 * Kills every binary this file started and removes its temp dirs. Call it from `afterAll` in each
 * test file: bun test fires neither 'exit' nor 'beforeExit' per file, so a hook here would not run.
 */
export async function cleanupBinaries(): Promise<void> {
  const exits = [...live].map((proc) => new Promise((done) => (proc.exitCode !== null || proc.signalCode !== null ? done(null) : proc.once('exit', done))));
  for (const proc of live) proc.kill('SIGKILL');
  await Promise.all(exits);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

// Last resort outside bun test (scripts that import this helper): no server outlives its parent.
process.on('exit', () => {
  for (const proc of live) proc.kill('SIGKILL');
});

/** The test's environment minus MCPDASH_* settings from the developer's shell, so only `env` configures the server. */
function inheritedEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MCPDASH_')));
}

/** A fresh temp dir, removed by cleanupBinaries(). */
export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcpdash-'));
  tempDirs.add(dir);
  return dir;
}

export function startBinary(options: StartBinaryOptions = {}): Promise<RunningBinary> {
  const binary = resolve(REPO_ROOT, options.binary ?? 'dist/mcpdash');
  const cwd = options.cwd ?? (options.dataDir ? resolve(options.dataDir, '..') : makeTempDir());
  // Relative data dirs are passed through as given (like a user typing ./d) and resolved for the caller.
  const dataArg = options.dataDir ?? join(cwd, 'data');
  const dataDir = resolve(cwd, dataArg);
  const argv = [...(options.wrapper ?? []), binary, '--port', '0', '--data-dir', dataArg, ...(options.args ?? [])];
  const timeoutMs = options.timeoutMs ?? 15_000;

  const proc = spawn(argv[0]!, argv.slice(1), {
    cwd,
    env: { ...inheritedEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  let output = '';
  proc.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((done) =>
    proc.on('exit', (code, signal) => {
      live.delete(proc);
      done(code ?? 128 + (SIGNALS[signal ?? ''] ?? 0));
    }),
  );

  const stopWith = async (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    return exited;
  };

  return new Promise<RunningBinary>((ready, fail) => {
    const failWith = (why: string) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      fail(new Error(`${why}: ${argv.join(' ')}\n--- output ---\n${output || '(none)'}`));
    };
    const timer = setTimeout(() => failWith(`no "MCP URL:" line within ${timeoutMs} ms`), timeoutMs);
    proc.on('error', (error) => failWith(`could not start (${error.message})`));
    exited.then((code) => failWith(`exited with code ${code} before it was ready`));
    const check = () => {
      const match = MCP_URL_LINE.exec(output);
      if (!match) return;
      proc.stdout!.off('data', check);
      clearTimeout(timer);
      const mcpUrl = match[1]!;
      ready({
        baseUrl: mcpUrl.replace(/\/mcp$/, ''),
        mcpUrl,
        dataDir,
        proc,
        stdout: () => output,
        stop: (signal = 'SIGTERM') => stopWith(signal),
        kill9: () => stopWith('SIGKILL'),
      });
    };
    proc.stdout!.on('data', check);
  });
}
