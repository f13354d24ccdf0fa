// Load generator: N concurrent keep-alive loops POSTing JSON-RPC to one MCP session, a warm-up, then a fixed
// measuring window; reports throughput and latency percentiles. Bounded in time, 127.0.0.1 only.
// CLI: bun run bench/load.ts --url <mcpUrl> [--method ping|tools/call|"tools/call 2026"] [--concurrency 32] [--seconds 5]
import { isModernMethod, openSession, REQUEST_BODIES, requestHeaders, type BenchMethod } from './lib/mcp-http.ts';

export interface LoadOptions {
  url: string;
  /** The 2025-era session the requests run on; none for 2026-07-28 cases. */
  sessionId?: string;
  method: BenchMethod;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** More headers on every request (a bearer token). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  method: BenchMethod;
  concurrency: number;
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  firstError?: string;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') throw new Error('the load generator only targets 127.0.0.1');
  const headers = requestHeaders(options.method, options.sessionId, options.headers);
  const body = REQUEST_BODIES[options.method];
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let nextId = 1;

  const measureFrom = performance.now() + options.warmupMs;
  const measureUntil = measureFrom + options.durationMs;

  const loop = async () => {
    for (;;) {
      const started = performance.now();
      if (started >= measureUntil) return;
      let ok = false;
      let problem = '';
      try {
        const response = await fetch(options.url, { method: 'POST', headers, body: body(nextId++) });
        const text = await response.text();
        ok = response.status === 200 && text.includes('"result"');
        if (!ok) problem = `HTTP ${response.status}: ${text.slice(0, 200)}`;
      } catch (error) {
        problem = String(error);
      }
      if (started < measureFrom) continue;
      if (ok) latencies.push(performance.now() - started);
      else {
        errors++;
        firstError ??= problem;
        // A server that refuses fast must not turn the loop into a busy spin.
        await Bun.sleep(1);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));

  const sorted = Float64Array.from(latencies).sort();
  const seconds = options.durationMs / 1000;
  return {
    method: options.method,
    concurrency: options.concurrency,
    seconds,
    requests: sorted.length,
    errors,
    rps: sorted.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    ...(firstError ? { firstError } : {}),
  };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const url = flag('url', '');
  if (!url) {
    console.error('usage: bun run bench/load.ts --url <mcpUrl> [--method ping|tools/call|"tools/call 2026"] [--concurrency 32] [--seconds 5]');
    process.exit(2);
  }
  const method = flag('method', 'ping') as BenchMethod;
  if (!(method in REQUEST_BODIES)) throw new Error(`unknown method ${method}`);
  const sessionId = isModernMethod(method) ? undefined : await openSession(url);
  const result = await runLoad({
    url,
    sessionId,
    method,
    concurrency: Number(flag('concurrency', '32')),
    warmupMs: 1000,
    durationMs: Number(flag('seconds', '5')) * 1000,
  });
  console.log(JSON.stringify(result, null, 2));
}
