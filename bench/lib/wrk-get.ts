// Plain GET load with wrk (no Lua): throughput and latency percentiles for one URL. 127.0.0.1 only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GetLoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
}

const SCRIPT = `
local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    latency:percentile(50), latency:percentile(99)))
end
`;

export async function wrkGet(wrk: string, url: string, options: { concurrency: number; seconds: number; warmupSeconds: number }): Promise<GetLoadResult> {
  if (!['127.0.0.1', 'localhost'].includes(new URL(url).hostname)) throw new Error('the load generator only targets 127.0.0.1');
  const dir = mkdtempSync(join(tmpdir(), 'mcpdash-wrk-get-'));
  const script = join(dir, 'get.lua');
  writeFileSync(script, SCRIPT);
  const once = async (seconds: number) => {
    const proc = Bun.spawn([wrk, '-t2', `-c${options.concurrency}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, url], { stdout: 'pipe', stderr: 'pipe' });
    const [out, err] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
    await proc.exited;
    const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    if (!line) throw new Error(`wrk gave no summary: ${out}${err}`);
    return JSON.parse(line.slice('BENCH_JSON '.length)) as { requests: number; duration_us: number; errors: number; p50_us: number; p99_us: number };
  };
  try {
    if (options.warmupSeconds > 0) await once(options.warmupSeconds);
    const s = await once(options.seconds);
    return { rps: s.requests / (s.duration_us / 1e6), p50Ms: s.p50_us / 1000, p99Ms: s.p99_us / 1000, requests: s.requests, non2xx: s.errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
