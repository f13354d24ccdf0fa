// Starts a real mcpdash process (compiled binary or sources) on a free port and stops it: shared by the
// conformance runner and the benchmark, so both exercise the server exactly as a user starts it.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnServer, type ServerProcess } from './spawn-server.ts';

export const ROOT = resolve(import.meta.dir, '..', '..');
export const BINARY = join(ROOT, 'dist', 'mcpdash');

export type McpdashProcess = ServerProcess & { dataDir: string };

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
  const server = await spawnServer([...cmd, '--port', '0', '--data-dir', dataDir, ...(options.extraArgs ?? [])], label, {
    cwd: ROOT,
    timeoutMs: options.timeoutMs,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  });
  return { ...server, dataDir };
}
