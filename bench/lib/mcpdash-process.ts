// Starts a real mcpdash process (compiled binary or sources) on a free port and stops it: shared by the
// conformance runner and the benchmark, so both exercise the server exactly as a user starts it.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dir, '..', '..');
export const BINARY = join(ROOT, 'dist', 'mcpdash');

export interface McpdashProcess {
  pid: number;
  mcpUrl: string;
  baseUrl: string;
  dataDir: string;
  /** What was started, for the report: "dist/mcpdash" or "bun run server/main.ts". */
  label: string;
  /** Everything the process wrote so far (stdout + stderr), for error messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Newest modification time (ms) of any file under the directories the binary embeds. */
function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['server', 'web']) walk(join(ROOT, dir));
  return newest;
}

/** True when dist/mcpdash exists and no server/web source changed after it was built. */
export function binaryIsFresh(): boolean {
  return existsSync(BINARY) && statSync(BINARY).mtimeMs >= newestSourceMtime();
}

export type LaunchMode = 'auto' | 'binary' | 'source';

export function mcpdashCommand(mode: LaunchMode): { cmd: string[]; label: string } {
  const useBinary = mode === 'binary' || (mode === 'auto' && binaryIsFresh());
  if (useBinary) {
    if (!existsSync(BINARY)) throw new Error('dist/mcpdash does not exist: run `bun run scripts/build.ts` first');
    return { cmd: [BINARY], label: 'dist/mcpdash' };
  }
  // process.execPath is the Bun running this script.
  return { cmd: [process.execPath, 'run', join(ROOT, 'server', 'main.ts')], label: 'bun run server/main.ts' };
}

export interface StartOptions {
  mode?: LaunchMode;
  extraArgs?: string[];
  /** How long to wait for the "MCP URL:" line. */
  timeoutMs?: number;
}

/** Spawn mcpdash with --port 0 and a fresh temporary data dir; resolves once it prints its MCP URL. */
export async function startMcpdash(options: StartOptions = {}): Promise<McpdashProcess> {
  const { cmd, label } = mcpdashCommand(options.mode ?? 'auto');
  const dataDir = mkdtempSync(join(tmpdir(), 'mcpdash-'));
  const proc = Bun.spawn([...cmd, '--port', '0', '--data-dir', dataDir, ...(options.extraArgs ?? [])], {
    cwd: ROOT,
    stdout: 'pipe',
    stderr: 'pipe',
  });
  let output = '';
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) output += decoder.decode(chunk, { stream: true });
  };
  void collect(proc.stdout);
  void collect(proc.stderr);

  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await proc.exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const match = /MCP URL:\s+(\S+)/.exec(output);
    if (match?.[1]) {
      const mcpUrl = match[1];
      return { pid: proc.pid, mcpUrl, baseUrl: new URL(mcpUrl).origin, dataDir, label, output: () => output, stop };
    }
    if (proc.exitCode !== null || Date.now() > deadline) {
      await stop();
      const why = proc.exitCode !== null ? `exited with ${proc.exitCode}` : 'printed no MCP URL in time';
      throw new Error(`${label} ${why}:\n${output.trim()}`);
    }
    await Bun.sleep(20);
  }
}
