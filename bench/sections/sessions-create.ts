// Session creation side by side: sessions per second and memory per live session, for every target.
import { rssMiB } from '../lib/mcp-http.ts';
import { createSessions, settledRss } from '../lib/sessions.ts';
import { fmt, formatTable, type BenchContext, type SectionResult } from '../lib/context.ts';
import { startTarget } from '../lib/targets.ts';

const COUNT = 1_000;

export const name = 'sessions-create';

export async function run(ctx: BenchContext): Promise<SectionResult> {
  const results: Record<string, { sessions: number; failures: number; perSecond: number; rssBeforeMiB: number; rssAfterMiB: number; kibPerSession: number }> = {};
  // Sessions exist only in the 2025 era; auth on is measured in the throughput section.
  const targets = ctx.targets.filter((t) => t.eras.includes('2025') && !t.authorize);
  for (const target of targets) {
    // mcpdash as users run it (no fixtures) and with its default --idle-evict (5 min): every session stays live.
    const server = await startTarget(target, { fixtures: false });
    try {
      const { rss: before } = await settledRss(server.mcpUrl, server.pid);
      const started = performance.now();
      const failures = await createSessions(server.mcpUrl, COUNT, ctx.options.concurrency);
      const seconds = (performance.now() - started) / 1000;
      await Bun.sleep(500);
      const after = await rssMiB(server.pid);
      results[target.key] = {
        sessions: COUNT,
        failures,
        perSecond: COUNT / seconds,
        rssBeforeMiB: before,
        rssAfterMiB: after,
        kibPerSession: ((after - before) * 1024) / COUNT,
      };
      ctx.log(`  ${target.key.padEnd(12)} ${fmt.rps(COUNT / seconds)} sessions/s, RSS ${fmt.mib(before)} -> ${fmt.mib(after)} MiB${failures ? `, ${failures} failures` : ''}`);
    } finally {
      await server.stop();
    }
  }
  const lines = formatTable(
    ['server', 'sessions/s', 'RSS before MiB', `after ${COUNT} MiB`, 'KiB/session', 'failures'],
    targets.map((t) => {
      const r = results[t.key]!;
      return [t.key, fmt.rps(r.perSecond), fmt.mib(r.rssBeforeMiB), fmt.mib(r.rssAfterMiB), r.kibPerSession.toFixed(1), r.failures];
    }),
  );
  lines.push(
    '',
    `${COUNT} sessions (initialize + notifications/initialized), ${ctx.options.concurrency} concurrent, all kept live; mcpdash persists each`,
    'to LMDB before answering and runs without fixtures; bare-bun keeps no per-session state (the floor).',
  );
  return { title: `Session creation and memory per live session (${COUNT} sessions)`, lines, raw: results };
}
