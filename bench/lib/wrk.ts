// Drives Debian's wrk (C, far lighter than a fetch loop: on 2 shared cores the load generator's own CPU cost
// decides the ceiling) with a generated Lua script: unique JSON-RPC ids, MCP headers, body checks, JSON summary.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUEST_BODIES, requestHeaders } from './mcp-http.ts';
import type { LoadOptions, LoadResult } from '../load.ts';

/** Path of wrk, installing it with apt-get when missing; undefined when it cannot be had. */
export function ensureWrk(log: (line: string) => void): string | undefined {
  const found = Bun.which('wrk');
  if (found) return found;
  if (process.platform !== 'linux' || !Bun.which('apt-get')) return undefined;
  log('wrk not found: installing it with apt-get (Debian package "wrk")');
  const install = () => Bun.spawnSync(['apt-get', 'install', '-y', 'wrk'], { stdout: 'ignore', stderr: 'ignore' }).exitCode === 0;
  if (!install()) {
    Bun.spawnSync(['apt-get', 'update'], { stdout: 'ignore', stderr: 'ignore' });
    install();
  }
  return Bun.which('wrk') ?? undefined;
}

const luaString = (value: string) => `[==[${value}]==]`;

function luaScript(options: LoadOptions): string {
  const headers = Object.entries(requestHeaders(options.method, options.sessionId, options.headers))
    .map(([name, value]) => `wrk.headers[ ${luaString(name)} ] = ${luaString(value)}`)
    .join('\n');
  return `
wrk.method = "POST"
${headers}
local body_format = ${luaString(REQUEST_BODIES[options.method]('%d'))}
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
counter = 0
bad = 0
first_bad = ""
function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, string.format(body_format, tid * 1000000000 + counter))
end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"result"', 1, true) then
    bad = bad + 1
    if first_bad == "" then first_bad = "HTTP " .. status .. ": " .. string.sub(body, 1, 200) end
  end
end
function done(summary, latency, requests)
  local total_bad, first = 0, ""
  for _, t in ipairs(threads) do
    total_bad = total_bad + t:get("bad")
    if first == "" then first = t:get("first_bad") end
  end
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"socket_errors":%d,"bad":%d,"p50_us":%d,"p99_us":%d,"mean_us":%.1f,"first_bad":%q}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, total_bad,
    latency:percentile(50), latency:percentile(99), latency.mean, first))
end
`;
}

interface WrkSummary {
  requests: number;
  duration_us: number;
  socket_errors: number;
  bad: number;
  p50_us: number;
  p99_us: number;
  mean_us: number;
  first_bad: string;
}

async function wrkOnce(wrk: string, options: LoadOptions, script: string, durationMs: number): Promise<WrkSummary> {
  const threads = Math.min(2, options.concurrency);
  const proc = Bun.spawn(
    [wrk, `-t${threads}`, `-c${options.concurrency}`, `-d${Math.max(1, Math.round(durationMs / 1000))}s`, '--timeout', '5s', '-s', script, options.url],
    { stdout: 'pipe', stderr: 'pipe' },
  );
  const [stdout, stderr] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  await proc.exited;
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  // Lua's %q escapes newlines as "\<newline>"; JSON wants \n.
  if (!line) throw new Error(`wrk gave no summary (exit ${proc.exitCode}): ${stdout}${stderr}`);
  return JSON.parse(line.slice('BENCH_JSON '.length).replace(/\\\n/g, '\\n')) as WrkSummary;
}

/** Same contract as runLoad in bench/load.ts: a warm-up run, then one measured run. */
export async function runWrk(wrk: string, options: LoadOptions): Promise<LoadResult> {
  if (!['127.0.0.1', 'localhost'].includes(new URL(options.url).hostname)) throw new Error('the load generator only targets 127.0.0.1');
  const dir = mkdtempSync(join(tmpdir(), 'mcpdash-wrk-'));
  const script = join(dir, 'mcp.lua');
  writeFileSync(script, luaScript(options));
  try {
    if (options.warmupMs > 0) await wrkOnce(wrk, options, script, options.warmupMs);
    const s = await wrkOnce(wrk, options, script, options.durationMs);
    const errors = s.bad + s.socket_errors;
    const seconds = s.duration_us / 1e6;
    return {
      method: options.method,
      concurrency: options.concurrency,
      seconds,
      requests: s.requests - s.bad,
      errors,
      rps: (s.requests - s.bad) / seconds,
      p50Ms: s.p50_us / 1000,
      p99Ms: s.p99_us / 1000,
      meanMs: s.mean_us / 1000,
      ...(errors > 0 ? { firstError: s.first_bad || `${s.socket_errors} socket errors` } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
