// mcpdash's memory with many sessions: create N (initialize + notifications/initialized each), let them go idle
// past --idle-evict, and read RSS before, right after, and once they have been evicted from memory.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mcpHeaders, INITIALIZE_BODY, openSession, rssMiB } from '../lib/mcp-http.ts';
import { fmt, type BenchContext, type SectionResult } from '../lib/context.ts';
import { TARGETS } from '../lib/targets.ts';
import { spawnServer } from '../lib/spawn-server.ts';
import { ROOT } from '../lib/mcpdash-process.ts';

const IDLE_EVICT = '2s';
const WAIT_AFTER_MS = 5_000;
const INITIALIZED_BODY = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/** initialize + initialized, `count` times over `concurrency` loops; returns failures. */
async function createSessions(url: string, count: number, concurrency: number): Promise<number> {
  let next = 0;
  let failures = 0;
  const loop = async () => {
    while (next < count) {
      next++;
      const init = await fetch(url, { method: 'POST', headers: mcpHeaders(), body: INITIALIZE_BODY });
      await init.arrayBuffer();
      const id = init.headers.get('mcp-session-id');
      if (init.status !== 200 || !id) {
        failures++;
        continue;
      }
      const ack = await fetch(url, { method: 'POST', headers: mcpHeaders(id), body: INITIALIZED_BODY });
      await ack.arrayBuffer();
      if (ack.status !== 202) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return failures;
}

async function ping(url: string, sessionId: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: mcpHeaders(sessionId), body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' });
  await response.arrayBuffer();
  return response.status;
}

export const name = 'sessions-memory';

/** Start mcpdash as users run it (no fixtures), optionally with more flags. */
function startMcpdash(extraArgs: string[]) {
  const target = TARGETS.find((t) => t.key === 'mcpdash')!;
  const { cmd, cleanup } = target.launch(0, { extraArgs, fixtures: false });
  const dataDir = cmd[cmd.indexOf('--data-dir') + 1]!;
  return spawnServer(cmd, 'mcpdash', { cwd: ROOT, cleanup }).then((server) => ({ server, dataDir }));
}

/** RSS once one session has been used a little and the process has settled. */
async function settledRss(url: string, pid: number): Promise<{ rss: number; first: string }> {
  const first = await openSession(url);
  for (let i = 0; i < 50; i++) await ping(url, first);
  await Bun.sleep(1_000);
  return { rss: await rssMiB(pid), first };
}

/** Memory per live (not yet evicted) session: default --idle-evict (5 min), so every session stays in memory. */
async function liveCost(ctx: BenchContext, count: number) {
  const { server } = await startMcpdash([]);
  try {
    const { rss: before } = await settledRss(server.mcpUrl, server.pid);
    const failures = await createSessions(server.mcpUrl, count, ctx.options.concurrency);
    await Bun.sleep(500);
    const after = await rssMiB(server.pid);
    return { sessions: count, failures, rssBeforeMiB: before, rssAfterMiB: after, kibPerSession: ((after - before) * 1024) / count };
  } finally {
    await server.stop();
  }
}

/** The brief's figure: N sessions, idle past --idle-evict, then what the process still holds. */
async function afterEviction(ctx: BenchContext, count: number) {
  const { server, dataDir } = await startMcpdash(['--idle-evict', IDLE_EVICT]);
  try {
    const { rss: before, first } = await settledRss(server.mcpUrl, server.pid);
    const started = performance.now();
    const failures = await createSessions(server.mcpUrl, count, ctx.options.concurrency);
    const createSeconds = (performance.now() - started) / 1000;
    const peak = await rssMiB(server.pid);
    ctx.log(`  created ${count} sessions in ${createSeconds.toFixed(1)} s (${failures} failures), RSS ${fmt.mib(before)} -> ${fmt.mib(peak)} MiB`);
    await Bun.sleep(WAIT_AFTER_MS);
    // A couple of requests after eviction: one rebuilds an evicted session from LMDB, one opens a new session.
    const rehydratedStatus = await ping(server.mcpUrl, first);
    await openSession(server.mcpUrl);
    await Bun.sleep(500);
    const after = await rssMiB(server.pid);
    return {
      sessions: count,
      failures,
      createSeconds,
      rssBeforeMiB: before,
      rssAtEndOfCreationMiB: peak,
      rssAfterEvictMiB: after,
      growthMiB: after - before,
      rehydratedStatus,
      dataDirMiB: dirBytes(dataDir) / (1024 * 1024),
      idleEvict: IDLE_EVICT,
    };
  } finally {
    await server.stop();
  }
}

export async function run(ctx: BenchContext): Promise<SectionResult> {
  const n = ctx.options.sessions;
  const liveCount = Math.min(1_000, n);
  const live = await liveCost(ctx, liveCount);
  ctx.log(`  ${liveCount} live sessions: RSS ${fmt.mib(live.rssBeforeMiB)} -> ${fmt.mib(live.rssAfterMiB)} MiB (${live.kibPerSession.toFixed(1)} KiB/session)`);
  const evicted = await afterEviction(ctx, n);
  const lines = [
    `live sessions (default --idle-evict): ${liveCount} sessions take ${fmt.mib(live.rssAfterMiB - live.rssBeforeMiB)} MiB = ${live.kibPerSession.toFixed(1)} KiB per session`,
    '',
    `--idle-evict ${IDLE_EVICT}, ${n} sessions:`,
    `  idle RSS with one session:                ${fmt.mib(evicted.rssBeforeMiB)} MiB`,
    `  when the last session was created:        ${fmt.mib(evicted.rssAtEndOfCreationMiB)} MiB  (sessions idle > ${IDLE_EVICT} were already being evicted)`,
    `  ${WAIT_AFTER_MS / 1000} s later (all evicted, 2 requests served): ${fmt.mib(evicted.rssAfterEvictMiB)} MiB  (growth +${fmt.mib(evicted.growthMiB)} MiB over the start)`,
    `  created at ${fmt.rps(n / evicted.createSeconds)} sessions/s, ${ctx.options.concurrency} concurrent (${evicted.failures} failures); an evicted session answered HTTP ${evicted.rehydratedStatus} after its rebuild from LMDB`,
    `  LMDB data dir: ${fmt.mib(evicted.dataDirMiB)} MiB`,
  ];
  return { title: `Memory with many sessions (mcpdash, no fixtures)`, lines, raw: { live, evicted } };
}
