// Spawns a server process and waits for the "MCP URL: <url>" line every server here prints (mcpdash and peers).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export interface ServerProcess {
  pid: number;
  mcpUrl: string;
  baseUrl: string;
  /** What was started, for reports: e.g. "dist/mcpdash" or "node bench/peers/node-express.mjs". */
  label: string;
  /** Headers every request to it must carry (a bearer token when the server requires one). */
  headers?: Record<string, string>;
  /** Everything the process wrote so far (stdout + stderr), for error messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface SpawnOptions {
  cwd: string;
  /** How long to wait for the "MCP URL:" line. */
  timeoutMs?: number;
  /** Runs after the process has exited (e.g. remove its data dir). */
  cleanup?: () => void;
}

export async function spawnServer(cmd: string[], label: string, options: SpawnOptions): Promise<ServerProcess> {
  // Output goes to a file, not a pipe: a server logging every request must not cost the benchmark process CPU.
  const logDir = mkdtempSync(join(tmpdir(), 'mcpdash-bench-log-'));
  const logFile = join(logDir, 'output.log');
  const proc = Bun.spawn(cmd, { cwd: options.cwd, stdout: Bun.file(logFile), stderr: Bun.file(logFile) });
  const output = () => {
    try {
      const text = readFileSync(logFile, 'utf8');
      return text.length > 20_000 ? `${text.slice(0, 10_000)}\n...\n${text.slice(-10_000)}` : text;
    } catch {
      return '';
    }
  };

  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await proc.exited;
      clearTimeout(killer);
    }
    rmSync(logDir, { recursive: true, force: true });
    options.cleanup?.();
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const match = /MCP URL:\s+(\S+)/.exec(output());
    if (match?.[1]) {
      const mcpUrl = match[1];
      return { pid: proc.pid, mcpUrl, baseUrl: new URL(mcpUrl).origin, label, output, stop };
    }
    if (proc.exitCode !== null || Date.now() > deadline) {
      const text = output().trim();
      await stop();
      const why = proc.exitCode !== null ? `exited with ${proc.exitCode}` : 'printed no MCP URL in time';
      throw new Error(`${label} ${why}:\n${text}`);
    }
    await Bun.sleep(5);
  }
}
