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

export async function run(ctx: BenchContext): Promise<SectionResult> {
  const target = TARGETS.find((t) => t.key === 'mcpdash')!;
  // As users run it: no conformance fixtures, so each session carries only mcpdash's own tools.
  const { cmd, cleanup } = target.launch(0, { extraArgs: ['--idle-evict', IDLE_EVICT], fixtures: false });
  const dataDir = cmd[cmd.indexOf('--data-dir') + 1]!;
  const server = await spawnServer(cmd, 'mcpdash', { cwd: ROOT, cleanup });
  try {
    const first = await openSession(server.mcpUrl);
    for (let i = 0; i < 50; i++) await ping(server.mcpUrl, first);
    await Bun.sleep(1_000);
    const before = await rssMiB(server.pid);

    const started = performance.now();
    const failures = await createSessions(server.mcpUrl, ctx.options.sessions, ctx.options.concurrency);
    const seconds = (performance.now() - started) / 1000;
    const peak = await rssMiB(server.pid);
    ctx.log(`  created ${ctx.options.sessions} sessions in ${seconds.toFixed(1)} s (${failures} failures), RSS ${fmt.mib(before)} -> ${fmt.mib(peak)} MiB`);

    await Bun.sleep(WAIT_AFTER_MS);
    // A couple of requests after eviction: one rebuilds an evicted session from LMDB, one opens a new session.
    const rehydrated = await ping(server.mcpUrl, first);
    await openSession(server.mcpUrl);
    await Bun.sleep(500);
    const after = await rssMiB(server.pid);
    const dataMiB = dirBytes(dataDir) / (1024 * 1024);

    const n = ctx.options.sessions;
    const lines = [
      `idle RSS with one session:                     ${fmt.mib(before)} MiB`,
      `right after creating ${n} sessions:         ${fmt.mib(peak)} MiB  (+${fmt.mib(peak - before)} MiB, ${(((peak - before) * 1024 * 1024) / n / 1024).toFixed(1)} KiB/session live)`,
      `${WAIT_AFTER_MS / 1000} s later, idle-evicted (--idle-evict ${IDLE_EVICT}): ${fmt.mib(after)} MiB  (growth +${fmt.mib(after - before)} MiB over the start)`,
      `session creation: ${fmt.rps(n / seconds)} sessions/s at ${ctx.options.concurrency} concurrent (${failures} failures); evicted session answered ${rehydrated} after rebuild`,
      `LMDB data dir after ${n} sessions: ${fmt.mib(dataMiB)} MiB`,
    ];
    return {
      title: `Memory with ${n} sessions (mcpdash)`,
      lines,
      raw: { sessions: n, failures, createSeconds: seconds, rssBeforeMiB: before, rssPeakMiB: peak, rssAfterEvictMiB: after, dataDirMiB: dataMiB, rehydratedStatus: rehydrated, idleEvict: IDLE_EVICT },
    };
  } finally {
    await server.stop();
  }
}
