// The in-chat view's figures, against the compiled binary: resource size, time to the view drawn (next to the full
// page in the same run), write-to-view latency in polling mode, server CPU per idle polling view, and 100 idle
// views' effect on /mcp throughput. Usage: bun run bench/in-chat-view.ts [--views 100] [--writes 40] [--idle-seconds 60]
import { readFileSync, readFileSync as read } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Client } from '@modelcontextprotocol/client';
import { connectClient, connectModernClient } from '../test/server/helpers/test-app.ts';
import { launchChromium } from '../test/e2e/helpers/chromium.ts';
import { RENDER_PROBE_PREFIX, renderProbe, type RenderMarks } from '../test/e2e/helpers/render-probe.ts';
import { cleanupBinaries, startBinary } from '../test/e2e/helpers/spawn-binary.ts';
import { startAppHost, waitForViewDrawn } from '../test/e2e/helpers/app-host/app-host.ts';
import { runLoad } from './load.ts';
import { openSession } from './lib/mcp-http.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const VIEWS = arg('views', 100);
const WRITES = arg('writes', 40);
const IDLE_SECONDS = arg('idle-seconds', 60);
const RUNS = arg('runs', 5);

const portfolio = JSON.parse(readFileSync(new URL('../test/fixtures/portfolio.json', import.meta.url), 'utf8')) as { title: string; widgets: { id: string }[] };
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const median = (values: number[]) => pct(values, 50);

// The binary with the conformance fixtures (the throughput case calls test_simple_text like bench/sections/throughput)
// and no per-client request cap (one address sends everything here).
const server = await startBinary({ args: ['--conformance-fixtures', '--mcp-rate', '1000000'] });
const cpuMs = (): number => {
  const fields = read(`/proc/${server.proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const browser = await launchChromium();
const figures: Record<string, unknown> = { cores: cpus().length, loadavg: loadavg()[0] };
try {
  const { client } = await connectClient(server.mcpUrl);
  const resource = (await client.readResource({ uri: 'ui://mcpdash/dashboard' })).contents[0] as { text: string };
  const html = resource.text;
  const raw = new TextEncoder().encode(html).length;
  figures.resource = { rawBytes: raw, gzipBytes: Bun.gzipSync(new TextEncoder().encode(html), { level: 9 }).length };

  const opened = await client.callTool({ name: 'dashboard_open', arguments: { title: portfolio.title } });
  const { dashboard_id: id, url } = opened.structuredContent as { dashboard_id: string; url: string };
  await client.callTool({ name: 'dashboard_set', arguments: { dashboard: id, title: portfolio.title, widgets: portfolio.widgets } });

  // 1. First draw: the view (from the tool result, and from mounting the frame) next to the full page.
  const view: { fromResult: number; fromMount: number }[] = [];
  const page: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const host = await startAppHost(browser, () => client, { width: 700 });
    const mountAt = Date.now();
    await host.page.evaluate((o) => window.mountView(o as never), { proxyUrl: host.proxyUrl, html, toolInput: {}, toolResult: opened, theme: 'light', width: 700 });
    const drawnAt = await waitForViewDrawn(await host.viewFrame(), portfolio.widgets.length);
    const resultAt = host.log.find((e) => e.kind === 'tool-result-sent')!.at;
    view.push({ fromResult: drawnAt - resultAt, fromMount: drawnAt - mountAt });
    await host.close();

    const context = await browser.newContext({ viewport: { width: 740, height: 900 } });
    const tab = await context.newPage();
    await tab.addInitScript(renderProbe, { widgets: portfolio.widgets.length, charts: '.kind-chart .chart' });
    const reported = tab.waitForEvent('console', { predicate: (m) => m.text().startsWith(RENDER_PROBE_PREFIX), timeout: 20_000 });
    await tab.goto(url);
    page.push((JSON.parse((await reported).text().slice(RENDER_PROBE_PREFIX.length)) as RenderMarks).renderedMs);
    await context.close();
  }
  figures.firstDraw = {
    runs: RUNS,
    viewFromToolResultMs: median(view.map((v) => v.fromResult)),
    viewFromFrameMountMs: median(view.map((v) => v.fromMount)),
    pageFromNavigationMs: Math.round(median(page)),
  };

  // 2. Write-to-view latency, polling mode: one open view, another client writes.
  const host = await startAppHost(browser, () => client, { width: 700 });
  await host.page.evaluate((o) => window.mountView(o as never), { proxyUrl: host.proxyUrl, html, toolInput: {}, toolResult: opened, theme: 'light', width: 700 });
  const frame = await host.viewFrame();
  await waitForViewDrawn(frame, portfolio.widgets.length);
  const writer = (await connectModernClient(server.mcpUrl)).client;
  const latencies: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const label = `write ${i}`;
    await frame.evaluate((wanted) => {
      const w = window as unknown as { __seenAt?: number };
      w.__seenAt = undefined;
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-widget-id="total"]')?.textContent?.includes(wanted)) {
          w.__seenAt = Date.now();
          obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, label);
    const sentAt = Date.now();
    await writer.callTool({ name: 'widget_update', arguments: { dashboard: id, widget: 'total', patch: { label } } });
    await frame.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt !== undefined, undefined, { timeout: 10_000 });
    latencies.push((await frame.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt)) - sentAt);
    await Bun.sleep(150 + Math.random() * 300);
  }
  await host.close();
  figures.writeToView = { writes: WRITES, p50Ms: pct(latencies, 50), p95Ms: pct(latencies, 95), maxMs: Math.max(...latencies) };

  // 3. Idle CPU and 4. throughput, without and with VIEWS idle views (each a loop of view_wait, as hosts forward it).
  // The machine is shared: throughput alternates without/with views (A B A B) so drift shows instead of hiding.
  const sessionId = await openSession(server.mcpUrl);
  const load = () => runLoad({ url: server.mcpUrl, sessionId, method: 'tools/call', concurrency: 32, warmupMs: 1_000, durationMs: 5_000 });
  await Bun.sleep(1_000);
  const c0 = cpuMs();
  await Bun.sleep(IDLE_SECONDS * 500);
  const baselineCpuPerMin = ((cpuMs() - c0) / (IDLE_SECONDS * 500)) * 60_000;

  const revision = ((await client.callTool({ name: 'view_load', arguments: { dashboard: id } })).structuredContent as { revision: number }).revision;
  const viewers: Client[] = [];
  for (let i = 0; i < 4; i++) viewers.push((await connectModernClient(server.mcpUrl)).client);
  let waits = 0;
  const startViews = () => {
    const abort = new AbortController();
    const loops = Array.from({ length: VIEWS }, async (_, i) => {
      const viewKey = `idleview${i.toString().padStart(4, '0')}`;
      while (!abort.signal.aborted) {
        await viewers[i % viewers.length]!.callTool({ name: 'view_wait', arguments: { dashboard: id, view: viewKey, after: revision } }, { timeout: 40_000, signal: abort.signal }).catch(() => Bun.sleep(1_000));
        waits++;
      }
    });
    return async () => {
      abort.abort();
      await Promise.all(loops);
    };
  };

  let stopViews = startViews();
  await Bun.sleep(2_000);
  const c1 = cpuMs();
  const w1 = waits;
  await Bun.sleep(IDLE_SECONDS * 1_000);
  const idleCpuPerMin = ((cpuMs() - c1) / (IDLE_SECONDS * 1_000)) * 60_000;
  const waitsPerViewPerMin = ((waits - w1) / VIEWS / IDLE_SECONDS) * 60;
  await stopViews();

  const rounds: { views: number; rps: number; p50Ms: number; p99Ms: number; errors: number }[] = [];
  for (let round = 0; round < 4; round++) {
    const withViews = round % 2 === 1;
    if (withViews) {
      stopViews = startViews();
      await Bun.sleep(2_000);
    }
    const r = await load();
    rounds.push({ views: withViews ? VIEWS : 0, rps: Math.round(r.rps), p50Ms: Number(r.p50Ms.toFixed(1)), p99Ms: Number(r.p99Ms.toFixed(1)), errors: r.errors });
    if (withViews) await stopViews();
    await Bun.sleep(1_000);
  }
  figures.idleViews = {
    views: VIEWS,
    seconds: IDLE_SECONDS,
    waitsAnsweredPerViewPerMin: Number(waitsPerViewPerMin.toFixed(2)),
    serverCpuMsPerMinNoViews: Math.round(baselineCpuPerMin),
    serverCpuMsPerMinWithViews: Math.round(idleCpuPerMin),
    serverCpuMsPerIdleViewPerMin: Number(((idleCpuPerMin - baselineCpuPerMin) / VIEWS).toFixed(2)),
  };
  figures.throughput = { case: 'tools/call test_simple_text, one 2025-era session, 32 connections, 5 s per round', rounds };
} finally {
  console.log(JSON.stringify(figures, null, 2));
  await browser.close();
  await cleanupBinaries();
  process.exit(0);
}
