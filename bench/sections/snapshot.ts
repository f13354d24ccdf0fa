// Snapshot figures (issue 10): dashboard_snapshot of the 20-widget example through MCP against the compiled binary,
// cold (first call in a fresh process) and warm, its result size and the server's RSS growth; a 4 MiB worst case.
// Peer, in the same run: headless Chromium screenshotting the same dashboard page served by mcpdash, the way a
// browser-based screenshot loop does it (cold: browser launched for the shot; warm: browser kept, new page per shot).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../../test/e2e/helpers/chromium.ts';
import { RENDER_PROBE_PREFIX, renderProbe } from '../../test/e2e/helpers/render-probe.ts';
import { callTool, mcpHeaders, openSession, rssMiB } from '../lib/mcp-http.ts';
import { startMcpdash, ROOT, type McpdashProcess } from '../lib/mcpdash-process.ts';
import { fmt, formatTable, median, type BenchContext, type SectionResult } from '../lib/context.ts';
import { BENCH_MCPDASH_ARGS } from '../lib/targets.ts';

export const name = 'snapshot';

const WIDTH = 1200;
const now = () => performance.now();

interface Portfolio {
  title: string;
  description: string;
  widgets: { kind: string }[];
}

/** One dashboard_snapshot over raw HTTP: ms until the answer had fully arrived, and its size in characters. */
async function snapshot(server: McpdashProcess, sessionId: string, dashboard: string, id: string): Promise<{ ms: number; chars: number }> {
  const started = now();
  const response = await fetch(server.mcpUrl, {
    method: 'POST',
    headers: mcpHeaders(sessionId),
    body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'dashboard_snapshot', arguments: { dashboard, width: WIDTH } } }),
  });
  const text = await response.text();
  const ms = now() - started;
  const line = text.split('\n').find((l) => l.startsWith('data: '));
  const message = JSON.parse(line?.slice(6) ?? '{}') as { result?: { isError?: boolean; content?: unknown[] } };
  if (!message.result || message.result.isError) throw new Error(`dashboard_snapshot failed: ${text.slice(0, 300)}`);
  return { ms, chars: JSON.stringify(message.result).length };
}

async function freshServerWith(widgets: unknown[], title: string): Promise<{ server: McpdashProcess; sessionId: string; dashboard: string; url: string }> {
  const server = await startMcpdash({ mode: 'binary', extraArgs: BENCH_MCPDASH_ARGS });
  const sessionId = await openSession(server.mcpUrl);
  const set = await callTool(server.mcpUrl, sessionId, 'dashboard_set', { title, widgets }, 'set');
  return { server, sessionId, dashboard: set.structured.dashboard_id, url: set.structured.url };
}

/** A document just under the 4 MiB limit: long series, a big table, a long log (every bound at once). */
function worstCaseWidgets(portfolio: Portfolio): unknown[] {
  const n = (count: number, f: (i: number) => unknown) => Array.from({ length: count }, (_, i) => f(i));
  return [
    ...portfolio.widgets,
    { id: 'w-line', kind: 'chart', type: 'line', series: [{ name: 'a', data: n(100_000, (i) => Math.round(Math.sin(i / 500) * 1000)) }] },
    { id: 'w-bar', kind: 'chart', type: 'bar', width: 12, series: [{ name: 'b', data: n(100_000, (i) => i % 97) }] },
    { id: 'w-scatter', kind: 'chart', type: 'scatter', series: [{ name: 'c', data: n(100_000, (i) => [i % 1000, (i * 7) % 991]) }] },
    { id: 'w-table', kind: 'table', columns: n(6, (i) => ({ key: `c${i}` })), rows: n(35_000, (r) => n(6, (c) => r * 10 + c)) },
    { id: 'w-log', kind: 'log', lines: n(10_000, (i) => `line ${i}: ${'x'.repeat(60)}`) },
  ];
}

/** Chromium opens the dashboard page, waits for every widget and chart, and takes a full-page PNG. */
async function screenshot(browser: Browser, url: string, portfolio: Portfolio): Promise<{ ms: number; chars: number }> {
  const started = now();
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(renderProbe, { widgets: portfolio.widgets.length, charts: '.kind-chart .chart' });
    const drawn = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(RENDER_PROBE_PREFIX), timeout: 30_000 });
    await page.goto(url);
    await drawn;
    const png = await page.screenshot({ fullPage: true, type: 'png' });
    return { ms: now() - started, chars: Math.ceil(png.length / 3) * 4 };
  } finally {
    await context.close();
  }
}

const ms0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');

export async function run(ctx: BenchContext): Promise<SectionResult> {
  if (!hasChromium()) throw new Error(`the peer needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const portfolio = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'portfolio.json'), 'utf8')) as Portfolio;
  const runs = ctx.options.reps >= 3 ? 10 : 3;
  const cold: number[] = [];
  const warm: number[] = [];
  const peerCold: number[] = [];
  const peerWarm: number[] = [];
  let chars = NaN;
  let peerChars = NaN;
  let rss = { before: NaN, after: NaN };
  let worst = { ms: NaN, chars: NaN, rssAfter: NaN, bytes: NaN };

  // Cold, interleaved with the peer's cold shot of the same page so background load falls on both alike.
  for (let i = 0; i < runs; i++) {
    const { server, sessionId, dashboard, url } = await freshServerWith(portfolio.widgets, portfolio.title);
    try {
      const first = await snapshot(server, sessionId, dashboard, `cold-${i}`);
      cold.push(first.ms);
      chars = first.chars;
      const t = now();
      const browser = await launchChromium();
      try {
        const shot = await screenshot(browser, url, portfolio);
        peerCold.push(now() - t);
        peerChars = shot.chars;
      } finally {
        await browser.close();
      }
      if (i === 0) {
        // Warm, and memory: the same process keeps drawing the same dashboard.
        rss.before = await rssMiB(server.pid);
        for (let k = 0; k < runs; k++) warm.push((await snapshot(server, sessionId, dashboard, `warm-${k}`)).ms);
        rss.after = await rssMiB(server.pid);
        const browser2 = await launchChromium();
        try {
          await screenshot(browser2, url, portfolio);
          for (let k = 0; k < runs; k++) peerWarm.push((await screenshot(browser2, url, portfolio)).ms);
        } finally {
          await browser2.close();
        }
      }
    } finally {
      await server.stop();
    }
    ctx.log(`  snapshot: cold run ${i + 1}/${runs}: mcpdash ${ms0(cold.at(-1)!)} ms, Chromium ${ms0(peerCold.at(-1)!)} ms`);
  }

  {
    const widgets = worstCaseWidgets(portfolio);
    const { server, sessionId, dashboard } = await freshServerWith(widgets, 'Worst case');
    try {
      await snapshot(server, sessionId, dashboard, 'worst-warmup');
      const shot = await snapshot(server, sessionId, dashboard, 'worst');
      worst = { ms: shot.ms, chars: shot.chars, rssAfter: await rssMiB(server.pid), bytes: Buffer.byteLength(JSON.stringify(widgets)) };
    } finally {
      await server.stop();
    }
  }

  const lines = [
    ...formatTable([`20-widget example at ${WIDTH} px`, 'cold p50 ms', 'warm p50 ms', 'result chars', 'min-max cold'], [
      ['mcpdash dashboard_snapshot (server-side SVG -> PNG)', ms0(median(cold)), ms0(median(warm)), String(chars), `${ms0(Math.min(...cold))}-${ms0(Math.max(...cold))}`],
      ['peer: headless Chromium screenshot of the page', ms0(median(peerCold)), ms0(median(peerWarm)), String(peerChars), `${ms0(Math.min(...peerCold))}-${ms0(Math.max(...peerCold))}`],
    ]),
    `ratios mcpdash/peer: cold ${fmt.ratio(median(cold) / median(peerCold))}, warm ${fmt.ratio(median(warm) / median(peerWarm))}; p50 of ${runs}; result chars: the MCP result (PNG as base64 + text) vs the screenshot as base64`,
    `cold = first snapshot in a fresh mcpdash process (worker start, WebAssembly compile, ECharts warm-up) / Chromium launched for the shot; warm = the same process or browser again`,
    `server RSS: ${fmt.mib(rss.before)} MiB before the ${runs} warm snapshots, ${fmt.mib(rss.after)} MiB after (growth ${fmt.mib(rss.after - rss.before)} MiB; the first snapshot's worker and WebAssembly are already in "before")`,
    `worst case: ${fmt.mib(worst.bytes / 1024 / 1024)} MiB of widgets, under the 4 MiB document limit (100,000-point line, 100,000 bars, 100,000-point scatter, 35,000-row table, 10,000-line log + the example): snapshot after a first one ${ms0(worst.ms)} ms, result ${worst.chars} chars, RSS after ${fmt.mib(worst.rssAfter)} MiB`,
  ];
  return { title: 'Snapshot: dashboard_snapshot of the 20-widget example vs a Chromium screenshot', lines, raw: { runs, cold, warm, chars, peerCold, peerWarm, peerChars, rss, worst } };
}
