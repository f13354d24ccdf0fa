// ping and tools/call test_simple_text on ONE session at N concurrent connections, for every target; the
// repetitions are interleaved across servers so background load on a shared machine spreads over all of them.
import { openSession, type BenchMethod } from '../lib/mcp-http.ts';
import { fmt, formatTable, median, type BenchContext, type SectionResult } from '../lib/context.ts';
import { startTarget, type TargetKey } from '../lib/targets.ts';
import type { LoadResult } from '../load.ts';

const METHODS: BenchMethod[] = ['ping', 'tools/call'];
const PROCESS_WARMUP_MS = 2_000;

interface CaseSummary {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  runs: LoadResult[];
}

export const name = 'throughput';

export async function run(ctx: BenchContext): Promise<SectionResult> {
  const runs = new Map<string, LoadResult[]>();
  const key = (target: TargetKey, method: BenchMethod) => `${target} ${method}`;

  for (let rep = 1; rep <= ctx.options.reps; rep++) {
    for (const target of ctx.targets) {
      const server = await startTarget(target);
      try {
        const sessionId = await openSession(server.mcpUrl);
        // Warm the fresh process on both methods first: Node's JIT needs a few seconds under load, and a 1 s
        // per-case warm-up left its first case at a fifth of its speed.
        for (const method of METHODS) {
          await ctx.load({ url: server.mcpUrl, sessionId, method, concurrency: ctx.options.concurrency, warmupMs: 0, durationMs: PROCESS_WARMUP_MS });
        }
        for (const method of METHODS) {
          const result = await ctx.load({
            url: server.mcpUrl,
            sessionId,
            method,
            concurrency: ctx.options.concurrency,
            warmupMs: ctx.options.warmupSeconds * 1000,
            durationMs: ctx.options.seconds * 1000,
          });
          ctx.log(`  rep ${rep}/${ctx.options.reps} ${target.key.padEnd(12)} ${method.padEnd(10)} ${fmt.rps(result.rps).padStart(7)} req/s  p50 ${fmt.ms(result.p50Ms)} ms  p99 ${fmt.ms(result.p99Ms)} ms${result.errors ? `  ERRORS ${result.errors}: ${result.firstError}` : ''}`);
          runs.set(key(target.key, method), [...(runs.get(key(target.key, method)) ?? []), result]);
        }
      } finally {
        await server.stop();
      }
    }
  }

  const summary = (target: TargetKey, method: BenchMethod): CaseSummary => {
    const list = runs.get(key(target, method)) ?? [];
    return {
      rps: median(list.map((r) => r.rps)),
      p50Ms: median(list.map((r) => r.p50Ms)),
      p99Ms: median(list.map((r) => r.p99Ms)),
      errors: list.reduce((n, r) => n + r.errors, 0),
      runs: list,
    };
  };

  const rows = ctx.targets.map((t) => {
    const cells: Array<string | number> = [t.key];
    for (const method of METHODS) {
      const s = summary(t.key, method);
      cells.push(fmt.rps(s.rps), fmt.ms(s.p50Ms), fmt.ms(s.p99Ms));
    }
    const errors = METHODS.reduce((n, m) => n + summary(t.key, m).errors, 0);
    cells.push(errors);
    return cells;
  });

  const lines = formatTable(['server', 'ping req/s', 'p50 ms', 'p99 ms', 'tools/call req/s', 'p50 ms', 'p99 ms', 'errors'], rows);
  const ratios: Record<string, Record<string, number>> = {};
  const has = (k: TargetKey) => ctx.targets.some((t) => t.key === k);
  if (has('mcpdash')) {
    lines.push('');
    const peers: Array<[TargetKey, string]> = [
      ['node-express', 'peer 1 (target >= 4x)'],
      ['bun-hono', 'peer 2 (target >= 1x)'],
      ['bare-bun', 'ceiling'],
    ];
    for (const [peer, what] of peers) {
      if (!has(peer)) continue;
      ratios[peer] = {};
      const parts = METHODS.map((method) => {
        const ratio = summary('mcpdash', method).rps / summary(peer, method).rps;
        ratios[peer]![method] = ratio;
        return `${method} ${fmt.ratio(ratio)}`;
      });
      lines.push(`mcpdash / ${peer.padEnd(12)} ${parts.join(', ').padEnd(32)} ${what}`);
    }
  }
  lines.push(
    '',
    `${ctx.options.concurrency} connections, one session per server process; each process warmed ${PROCESS_WARMUP_MS / 1000}s per method, then per case`,
    `${ctx.options.warmupSeconds}s warm-up + ${ctx.options.seconds}s measured;`,
    `median of ${ctx.options.reps} interleaved runs; load generator: ${ctx.loaderName}.`,
  );

  const raw = Object.fromEntries(
    ctx.targets.map((t) => [t.key, Object.fromEntries(METHODS.map((m) => [m, summary(t.key, m)]))]),
  );
  return { title: `Throughput and latency (${ctx.options.concurrency} concurrent, one session)`, lines, raw: { servers: raw, ratios } };
}
