// ping and tools/call test_simple_text on ONE 2025-era session at N concurrent connections, and stateless 2026-07-28
// tools/call requests (the _meta envelope, no session), for every target that speaks the era; the repetitions are
// interleaved across servers so background load on a shared machine spreads over all of them.
import { cpuSeconds, isModernMethod, openSession, type BenchMethod } from '../lib/mcp-http.ts';
import { fmt, formatTable, median, type BenchContext, type SectionResult } from '../lib/context.ts';
import { startTarget, type TargetKey } from '../lib/targets.ts';
import type { LoadResult } from '../load.ts';

const METHODS: BenchMethod[] = ['ping', 'tools/call', 'tools/call 2026'];
/** The cases a server runs: those of the eras it speaks. */
const methodsOf = (eras: readonly string[]) => METHODS.filter((m) => eras.includes(isModernMethod(m) ? '2026' : '2025'));
const PROCESS_WARMUP_MS = 2_000;

/** One measured case: the load figures plus the server's CPU per request over the measured window. */
type CaseRun = LoadResult & { cpuUsPerRequest: number };

interface CaseSummary {
  rps: number;
  /** Server CPU time (user + system) per answered request, in microseconds. */
  cpuUs: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  runs: CaseRun[];
}

export const name = 'throughput';

export async function run(ctx: BenchContext): Promise<SectionResult> {
  const runs = new Map<string, CaseRun[]>();
  const key = (target: TargetKey, method: BenchMethod) => `${target} ${method}`;

  for (let rep = 1; rep <= ctx.options.reps; rep++) {
    for (const target of ctx.targets) {
      const server = await startTarget(target);
      const methods = methodsOf(target.eras);
      try {
        const sessionId = methods.some((m) => !isModernMethod(m)) ? await openSession(server.mcpUrl, server.headers) : undefined;
        const sessionOf = (method: BenchMethod) => (isModernMethod(method) ? undefined : sessionId);
        // Warm the fresh process on every method first: Node's JIT needs a few seconds under load, and a 1 s
        // per-case warm-up left its first case at a fifth of its speed.
        for (const method of methods) {
          await ctx.load({ url: server.mcpUrl, sessionId: sessionOf(method), method, headers: server.headers, concurrency: ctx.options.concurrency, warmupMs: 0, durationMs: PROCESS_WARMUP_MS });
        }
        for (const method of methods) {
          const load = { url: server.mcpUrl, sessionId: sessionOf(method), method, headers: server.headers, concurrency: ctx.options.concurrency, warmupMs: 0 };
          await ctx.load({ ...load, durationMs: ctx.options.warmupSeconds * 1000 });
          const cpuBefore = await cpuSeconds(server.pid);
          const measured = await ctx.load({ ...load, durationMs: ctx.options.seconds * 1000 });
          const cpu = (await cpuSeconds(server.pid)) - cpuBefore;
          const result: CaseRun = { ...measured, cpuUsPerRequest: (cpu * 1e6) / Math.max(1, measured.requests) };
          ctx.log(`  rep ${rep}/${ctx.options.reps} ${target.key.padEnd(12)} ${method.padEnd(15)} ${fmt.rps(result.rps).padStart(7)} req/s  p50 ${fmt.ms(result.p50Ms)} ms  p99 ${fmt.ms(result.p99Ms)} ms  CPU ${Math.round(result.cpuUsPerRequest)} us/req${result.errors ? `  ERRORS ${result.errors}: ${result.firstError}` : ''}`);
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
      cpuUs: median(list.map((r) => r.cpuUsPerRequest)),
      p50Ms: median(list.map((r) => r.p50Ms)),
      p99Ms: median(list.map((r) => r.p99Ms)),
      errors: list.reduce((n, r) => n + r.errors, 0),
      runs: list,
    };
  };

  const rows = ctx.targets.map((t) => {
    const cells: Array<string | number> = [t.key];
    for (const method of METHODS) {
      if (!methodsOf(t.eras).includes(method)) {
        cells.push('-', '-', '-');
        continue;
      }
      const s = summary(t.key, method);
      cells.push(fmt.rps(s.rps), fmt.ms(s.p50Ms), Math.round(s.cpuUs));
    }
    const errors = methodsOf(t.eras).reduce((n, m) => n + summary(t.key, m).errors, 0);
    cells.push(errors);
    return cells;
  });

  const lines = formatTable(
    ['server', 'ping req/s', 'p50 ms', 'CPU us', 'tools/call req/s', 'p50 ms', 'CPU us', '2026 tools/call req/s', 'p50 ms', 'CPU us', 'errors'],
    rows,
  );
  const ratios: Record<string, Record<string, number>> = {};
  const has = (k: TargetKey) => ctx.targets.some((t) => t.key === k);
  if (has('mcpdash') || has('mcpdash-auth')) {
    lines.push('');
    // [subject, against, what]: each line is subject's req/s over against's (higher is better for the subject).
    const comparisons: Array<[TargetKey, TargetKey, string]> = [
      ['mcpdash', 'node-express', 'peer 1, 2025 era (target >= 5x)'],
      ['mcpdash', 'bun-hono', 'peer 2, 2025 era (target >= 1.1x)'],
      ['mcpdash', 'bun-hono-v2', 'peer 3, 2026 era (target >= 1x)'],
      ['mcpdash-auth', 'mcpdash', 'auth on next to auth off (target >= 0.9x)'],
      ['mcpdash', 'mcpdash-baseline', 'this build next to the earlier one (2025 era: not below it)'],
      ['mcpdash', 'bare-bun', 'ceiling'],
    ];
    for (const [subject, against, what] of comparisons) {
      if (!has(subject) || !has(against)) continue;
      const key = `${subject}/${against}`;
      ratios[key] = {};
      const eras = ctx.targets.find((t) => t.key === (against === 'mcpdash' ? subject : against))!.eras;
      const parts = methodsOf(eras).map((method) => {
        const ratio = summary(subject, method).rps / summary(against, method).rps;
        // Work per request, inverted so that higher is better like the throughput ratio.
        const cpuRatio = summary(against, method).cpuUs / summary(subject, method).cpuUs;
        ratios[key]![method] = ratio;
        ratios[key]![`${method} cpu`] = cpuRatio;
        return `${method} ${fmt.ratio(ratio)} (CPU ${fmt.ratio(cpuRatio)})`;
      });
      lines.push(`${`${subject} / ${against}`.padEnd(27)} ${parts.join(', ').padEnd(66)} ${what}`);
    }
  }
  lines.push(
    '',
    `${ctx.options.concurrency} connections; 2025 cases on one session per server process, 2026 cases sessionless;`,
    `each process warmed ${PROCESS_WARMUP_MS / 1000}s per method, then per case`,
    `${ctx.options.warmupSeconds}s warm-up + ${ctx.options.seconds}s measured; CPU us = the server's user+system CPU per answered`,
    `request over the measured window (/proc), steadier than req/s when other work shares the machine; ratio (CPU x) = peer's`,
    `CPU per request over mcpdash's, so above 1 means mcpdash does less work per request;`,
    `median of ${ctx.options.reps} interleaved runs; load generator: ${ctx.loaderName}.`,
  );

  const raw = Object.fromEntries(
    ctx.targets.map((t) => [t.key, Object.fromEntries(methodsOf(t.eras).map((m) => [m, summary(t.key, m)]))]),
  );
  return { title: `Throughput and latency (${ctx.options.concurrency} concurrent, one session)`, lines, raw: { servers: raw, ratios } };
}
