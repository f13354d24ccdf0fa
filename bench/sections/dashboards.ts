// Dashboard figures (issue 3): widget_put latency through /mcp, write-to-subscriber latency with 1 and 1,000 open
// pages, and GET /api/dashboard/:id throughput next to a bare Bun.serve returning the same bytes (the ceiling).
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callTool, openSession } from '../lib/mcp-http.ts';
import { startMcpdash, ROOT } from '../lib/mcpdash-process.ts';
import { ensureWrk } from '../lib/wrk.ts';
import { wrkGet, type GetLoadResult } from '../lib/wrk-get.ts';
import { fmt, formatTable, median, percentile, type BenchContext, type SectionResult } from '../lib/context.ts';
import { BENCH_MCPDASH_ARGS } from '../lib/targets.ts';

async function subscriberLatency(ctx: BenchContext, base: { baseUrl: string; mcpUrl: string }, sessionId: string, dashboardId: string, subscribers: number, writes: number) {
  const current = await (await fetch(`${base.baseUrl}/api/dashboard/${dashboardId}`)).json() as { revision: number };
  const lastRevision = current.revision + writes;
  const proc = Bun.spawn([process.execPath, 'run', join(ROOT, 'bench', 'lib', 'sse-subscribers.ts'), `${base.baseUrl}/api/dashboard/${dashboardId}/events`, String(subscribers), String(lastRevision)], {
    env: { ...process.env, BUN_CONFIG_MAX_HTTP_REQUESTS: String(subscribers + 64) },
    stdout: 'pipe',
    stderr: 'inherit',
  });
  const reader = proc.stdout.getReader();
  const decoder = new TextDecoder();
  let out = '';
  while (!out.includes('READY\n')) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`subscribers exited before READY: ${out}`);
    out += decoder.decode(value, { stream: true });
  }
  const answeredAt = new Map<number, number>();
  for (let i = 0; i < writes; i++) {
    const r = await callTool(base.mcpUrl, sessionId, 'widget_put', { dashboard: dashboardId, widgets: [{ id: 'live-metric', kind: 'metric', value: i }] }, 10_000 + i);
    answeredAt.set(r.structured.revision, r.answered);
    await Bun.sleep(subscribers > 1 ? 50 : 10);
  }
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out += decoder.decode(value, { stream: true });
  }
  await proc.exited;
  const arrivals = JSON.parse(out.slice(out.indexOf('READY\n') + 6).trim()) as Record<string, [number, number, number]>;
  const first: number[] = [];
  const last: number[] = [];
  let complete = 0;
  for (const [revision, answered] of answeredAt) {
    const seen = arrivals[String(revision)];
    if (!seen) continue;
    first.push(seen[0] - answered);
    last.push(seen[1] - answered);
    if (seen[2] === subscribers) complete++;
  }
  ctx.log(`  ${subscribers} subscriber(s): ${complete}/${writes} updates reached every subscriber`);
  return { subscribers, writes, complete, firstP50: percentile(first, 50), firstP95: percentile(first, 95), lastP50: percentile(last, 50), lastP95: percentile(last, 95) };
}

export const name = 'dashboards';

export async function run(ctx: BenchContext): Promise<SectionResult> {
  // 1,000 pages on one dashboard: past the default bound of live pages per dashboard (50).
  const server = await startMcpdash({ mode: 'binary', extraArgs: ['--max-viewers', '1100', ...BENCH_MCPDASH_ARGS] });
  const tmp = mkdtempSync(join(tmpdir(), 'mcpdash-bench-dash-'));
  let peer: { stop: () => Promise<void> } | undefined;
  try {
    const sessionId = await openSession(server.mcpUrl);
    const portfolio = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'portfolio.json'), 'utf8'));
    const set = await callTool(server.mcpUrl, sessionId, 'dashboard_set', { title: portfolio.title, widgets: portfolio.widgets }, 1);
    const dashboardId = set.structured.dashboard_id;

    // 1. widget_put latency, one at a time (what an assistant does).
    const putMs: number[] = [];
    for (let i = 0; i < 300; i++) {
      putMs.push((await callTool(server.mcpUrl, sessionId, 'widget_put', { dashboard: dashboardId, widgets: [{ id: 'bench-metric', kind: 'metric', value: i }] }, 100 + i)).ms);
    }
    ctx.log(`  widget_put p50 ${fmt.ms(percentile(putMs, 50))} ms p99 ${fmt.ms(percentile(putMs, 99))} ms`);

    // 2. write -> open page latency.
    const one = await subscriberLatency(ctx, server, sessionId, dashboardId, 1, 200);
    const many = await subscriberLatency(ctx, server, sessionId, dashboardId, 1_000, 40);

    // 3. GET /api/dashboard/:id vs the same bytes from a bare Bun.serve.
    const apiUrl = `${server.baseUrl}/api/dashboard/${dashboardId}`;
    const bytesFile = join(tmp, 'dashboard.json');
    writeFileSync(bytesFile, Buffer.from(await (await fetch(apiUrl)).arrayBuffer()));
    const staticProc = Bun.spawn([process.execPath, 'run', join(ROOT, 'bench', 'peers', 'static-bytes.ts'), bytesFile], { stdout: 'pipe', stderr: 'inherit' });
    peer = { stop: async () => void (staticProc.kill('SIGTERM'), await staticProc.exited) };
    const staticReader = staticProc.stdout.getReader();
    let banner = '';
    while (!/URL: (\S+)/.test(banner)) {
      const { done, value } = await staticReader.read();
      if (done) throw new Error('static-bytes peer exited');
      banner += new TextDecoder().decode(value);
    }
    const staticUrl = /URL: (\S+)/.exec(banner)![1]!;
    const wrk = ensureWrk(ctx.log);
    if (!wrk) throw new Error('the GET throughput figure needs wrk (apt-get install wrk)');
    const get: Record<string, GetLoadResult[]> = { mcpdash: [], bare: [] };
    for (let rep = 0; rep < ctx.options.reps; rep++) {
      const opts = { concurrency: ctx.options.concurrency, seconds: ctx.options.seconds, warmupSeconds: ctx.options.warmupSeconds };
      get.mcpdash!.push(await wrkGet(wrk, apiUrl, opts));
      get.bare!.push(await wrkGet(wrk, staticUrl, opts));
    }
    const getRps = (key: string) => median(get[key]!.map((r) => r.rps));
    const getP50 = (key: string) => median(get[key]!.map((r) => r.p50Ms));
    const getP99 = (key: string) => median(get[key]!.map((r) => r.p99Ms));
    const bytes = readFileSync(bytesFile).length;

    const lines = [
      ...formatTable(['figure', 'p50 ms', 'p99/p95 ms'], [
        ['widget_put through /mcp (300 sequential calls, 20-widget dashboard)', fmt.ms(percentile(putMs, 50)), `${fmt.ms(percentile(putMs, 99))} (p99)`],
        ['tool response -> update at 1 page (200 writes)', fmt.ms(one.lastP50), `${fmt.ms(one.lastP95)} (p95)`],
        ['tool response -> update at the last of 1,000 pages (40 writes)', fmt.ms(many.lastP50), `${fmt.ms(many.lastP95)} (p95)`],
        ['tool response -> update at the first of 1,000 pages', fmt.ms(many.firstP50), `${fmt.ms(many.firstP95)} (p95)`],
      ]),
      `every page got every update: 1 page ${one.complete}/${one.writes}, 1,000 pages ${many.complete}/${many.writes}; negative = the page had it before the tool's answer arrived`,
      '',
      ...formatTable(['GET the 20-widget dashboard JSON', 'req/s', 'p50 ms', 'p99 ms'], [
        ['mcpdash /api/dashboard/:id', fmt.rps(getRps('mcpdash')), fmt.ms(getP50('mcpdash')), fmt.ms(getP99('mcpdash'))],
        ['bare Bun.serve, same bytes from memory', fmt.rps(getRps('bare')), fmt.ms(getP50('bare')), fmt.ms(getP99('bare'))],
      ]),
      `ratio mcpdash/bare: ${fmt.ratio(getRps('mcpdash') / getRps('bare'))} (${bytes} bytes per answer, wrk ${ctx.options.concurrency} connections, median of ${ctx.options.reps} x ${ctx.options.seconds}s)`,
    ];
    return { title: 'Dashboards: write latency, live fan-out, API throughput', lines, raw: { putMs, one, many, get, bytes } };
  } finally {
    await peer?.stop();
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
