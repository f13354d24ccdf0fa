// Time from process start to the first answered initialize, idle RSS after start, and the binary's size.
import { statSync } from 'node:fs';
import { rssMiB, tryInitialize } from '../lib/mcp-http.ts';
import { BINARY, ROOT } from '../lib/mcpdash-process.ts';
import { fmt, formatTable, median, type BenchContext, type SectionResult } from '../lib/context.ts';
import { freePort, type BenchTarget } from '../lib/targets.ts';

const RUNS = 5;
const START_TIMEOUT_MS = 20_000;
/** Let the process settle after its first answer before reading its memory. */
const SETTLE_MS = 1_000;

interface StartRun {
  startMs: number;
  idleRssMiB: number;
}

async function startOnce(target: BenchTarget): Promise<StartRun> {
  const port = freePort();
  const url = `http://127.0.0.1:${port}/mcp`;
  const { cmd, cleanup } = target.launch(port);
  const started = performance.now();
  const proc = Bun.spawn(cmd, { cwd: ROOT, stdout: 'ignore', stderr: 'ignore' });
  try {
    for (;;) {
      if (await tryInitialize(url)) break;
      if (proc.exitCode !== null) throw new Error(`${target.key} exited with ${proc.exitCode} before answering initialize`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`${target.key} did not answer initialize within ${START_TIMEOUT_MS} ms`);
      await Bun.sleep(2);
    }
    const startMs = performance.now() - started;
    await Bun.sleep(SETTLE_MS);
    return { startMs, idleRssMiB: await rssMiB(proc.pid) };
  } finally {
    proc.kill('SIGTERM');
    await proc.exited;
    cleanup?.();
  }
}

export const name = 'startup';

export async function run(ctx: BenchContext): Promise<SectionResult> {
  const results: Record<string, { startMs: number; idleRssMiB: number; runs: StartRun[] }> = {};
  // Start-up is the same with auth on (measured in the throughput section); its initialize would need a token.
  const targets = ctx.targets.filter((t) => !t.authorize);
  for (const target of targets) {
    const runs: StartRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(target));
    results[target.key] = { startMs: median(runs.map((r) => r.startMs)), idleRssMiB: median(runs.map((r) => r.idleRssMiB)), runs };
    ctx.log(`  ${target.key.padEnd(12)} start ${fmt.ms(results[target.key]!.startMs)} ms  idle RSS ${fmt.mib(results[target.key]!.idleRssMiB)} MiB`);
  }
  const binaryMiB = statSync(BINARY).size / (1024 * 1024);
  const lines = formatTable(
    ['server', 'start -> initialize ms', 'idle RSS MiB'],
    targets.map((t) => [t.key, fmt.ms(results[t.key]!.startMs), fmt.mib(results[t.key]!.idleRssMiB)]),
  );
  lines.push(
    '',
    `dist/mcpdash binary size: ${fmt.mib(binaryMiB)} MiB`,
    `median of ${RUNS} starts: spawn, poll initialize every 2 ms until it is answered; RSS (VmRSS) read ${SETTLE_MS} ms later.`,
  );
  return { title: 'Start-up, idle memory, binary size', lines, raw: { servers: results, binaryBytes: statSync(BINARY).size } };
}
