// mcpdash's memory with many sessions: create N (initialize + notifications/initialized each), let them go idle
// past --idle-evict, and read RSS before, at the end of creation, and once they have been evicted from memory.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, rssMiB } from '../lib/mcp-http.ts';
import { createSessions, ping, settledRss } from '../lib/sessions.ts';
import { fmt, type BenchContext, type SectionResult } from '../lib/context.ts';
import { TARGETS } from '../lib/targets.ts';
import { spawnServer } from '../lib/spawn-server.ts';
import { ROOT } from '../lib/mcpdash-process.ts';

const IDLE_EVICT = '2s';
// Long enough for two eviction passes and the collection after them (memory returns in steps, not at once).
const WAIT_AFTER_MS = 10_000;

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

export const name = 'sessions-memory';

export async function run(ctx: BenchContext): Promise<SectionResult> {
  const n = ctx.options.sessions;
  // As users run it: no conformance fixtures, so each session carries only mcpdash's own tools.
  const target = TARGETS.find((t) => t.key === 'mcpdash')!;
  const { cmd, cleanup } = target.launch(0, { extraArgs: ['--idle-evict', IDLE_EVICT], fixtures: false });
  const dataDir = cmd[cmd.indexOf('--data-dir') + 1]!;
  const server = await spawnServer(cmd, 'mcpdash', { cwd: ROOT, cleanup });
  try {
    const { rss: before, first } = await settledRss(server.mcpUrl, server.pid);
    const started = performance.now();
    const failures = await createSessions(server.mcpUrl, n, ctx.options.concurrency);
    const createSeconds = (performance.now() - started) / 1000;
    const atEnd = await rssMiB(server.pid);
    ctx.log(`  created ${n} sessions in ${createSeconds.toFixed(1)} s (${failures} failures), RSS ${fmt.mib(before)} -> ${fmt.mib(atEnd)} MiB`);
    await Bun.sleep(WAIT_AFTER_MS);
    // A couple of requests after eviction: one rebuilds an evicted session from LMDB, one opens a new session.
    const rehydratedStatus = await ping(server.mcpUrl, first);
    await openSession(server.mcpUrl);
    await Bun.sleep(500);
    const after = await rssMiB(server.pid);
    const dataDirMiB = dirBytes(dataDir) / (1024 * 1024);
    const lines = [
      `mcpdash --idle-evict ${IDLE_EVICT}, ${n} sessions created (initialize + notifications/initialized each):`,
      `  idle RSS with one session:                    ${fmt.mib(before)} MiB`,
      `  when the last session was created:            ${fmt.mib(atEnd)} MiB  (sessions idle > ${IDLE_EVICT} were already being evicted)`,
      `  ${WAIT_AFTER_MS / 1000} s later (all evicted, 2 requests served):  ${fmt.mib(after)} MiB  => growth +${fmt.mib(after - before)} MiB over the start`,
      `  created at ${fmt.rps(n / createSeconds)} sessions/s, ${ctx.options.concurrency} concurrent (${failures} failures); an evicted session answered HTTP ${rehydratedStatus} after its rebuild from LMDB`,
      `  LMDB data dir: ${fmt.mib(dataDirMiB)} MiB`,
    ];
    const raw = { sessions: n, failures, createSeconds, rssBeforeMiB: before, rssAtEndOfCreationMiB: atEnd, rssAfterEvictMiB: after, growthMiB: after - before, rehydratedStatus, dataDirMiB, idleEvict: IDLE_EVICT };
    return { title: `Memory after ${n} sessions went idle (mcpdash, no fixtures)`, lines, raw };
  } finally {
    await server.stop();
  }
}
