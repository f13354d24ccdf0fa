// Page figures (issue 4): how long the 20-widget example takes to be on screen in a fresh headless Chromium, next to
// a bare ECharts page drawing the same 10 charts (bench/peers/echarts-page), and how fast a write shows up on an open
// page, and what a first visit downloads with and without charts. Budgets (reported, not asserted): rendered within
// 1 s of navigation, an update on screen within 100 ms, 150 KB gzip for a page without charts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../../test/e2e/helpers/chromium.ts';
import { startEchartsPeer } from '../peers/echarts-page/serve.ts';
import { callTool, openSession } from '../lib/mcp-http.ts';
import { pageBytes } from '../lib/page-bytes.ts';
import { startMcpdash, ROOT } from '../lib/mcpdash-process.ts';
import { fmt, formatTable, median, percentile, type BenchContext, type SectionResult } from '../lib/context.ts';
import { RENDER_PROBE_PREFIX, renderProbe, watchWidgetText, type RenderMarks } from '../../test/e2e/helpers/render-probe.ts';
import { BENCH_MCPDASH_ARGS } from '../lib/targets.ts';

const VIEWPORT = { width: 1400, height: 900 };
/** A dashboard of text only: its page has no use for the chart engine. */
const TEXT_ONLY = [
  { id: 'notes', kind: 'markdown', text: '# Findings\n\nThree things stand out this week.' },
  { id: 'open', kind: 'metric', value: 12, label: 'open issues' },
  { id: 'list', kind: 'table', columns: [{ key: 'issue' }, { key: 'age', type: 'number' }], rows: [{ issue: 'login', age: 3 }, { issue: 'export', age: 9 }] },
];
const BYTES_BUDGET_KB = 150;

export const name = 'page';

interface Navigation extends RenderMarks {
  /** Main-thread busy time of the renderer until then (CDP Performance metrics), ms. */
  busyMs: number;
  scriptMs: number;
}

/** One navigation in a fresh browser context (empty cache, new renderer): marks from the page, busy time from CDP. */
async function navigate(browser: Browser, url: string, expect: { widgets: number; charts: string }): Promise<Navigation> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(renderProbe, expect);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // The probe reports through the console: waitForFunction would inject Playwright's own script into the page
    // while it loads and put that compile on the main thread being measured.
    const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(RENDER_PROBE_PREFIX), timeout: 20_000 });
    await page.goto(url);
    const marks = JSON.parse((await reported).text().slice(RENDER_PROBE_PREFIX.length)) as RenderMarks;
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const metric = (n: string) => (metrics.find((m) => m.name === n)?.value ?? NaN) * 1000;
    return { ...marks, busyMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration') };
  } finally {
    await context.close();
  }
}

/** widget_put -> the new value in the open page's DOM (wall clock of this machine on both sides). */
async function updateLatency(browser: Browser, url: string, server: { mcpUrl: string }, sessionId: string, dashboardId: string, writes: number) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-widget-id="total"]').waitFor();
    const afterAnswer: number[] = [];
    for (let i = 0; i < writes; i++) {
      const marker = `bench-${Date.now()}-${i}`;
      const seenAt = await watchWidgetText(page, 'bench-live', marker);
      const { answered } = await callTool(server.mcpUrl, sessionId, 'widget_put', { dashboard: dashboardId, widgets: [{ id: 'bench-live', kind: 'log', width: 12, lines: [marker] }] }, `live-${i}`);
      afterAnswer.push((await seenAt()) - answered);
      await Bun.sleep(50);
    }
    return afterAnswer;
  } finally {
    await context.close();
  }
}

const ms0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');

export async function run(ctx: BenchContext): Promise<SectionResult> {
  if (!hasChromium()) throw new Error(`the page figures need Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const server = await startMcpdash({ mode: 'binary', extraArgs: BENCH_MCPDASH_ARGS });
  let peer: { url: string; stop: () => void } | undefined;
  let browser: Browser | undefined;
  try {
    const portfolio = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'portfolio.json'), 'utf8')) as { title: string; description: string; widgets: { kind: string }[] };
    const sessionId = await openSession(server.mcpUrl);
    const set = await callTool(server.mcpUrl, sessionId, 'dashboard_set', { title: portfolio.title, description: portfolio.description, widgets: portfolio.widgets }, 'set');
    const { dashboard_id: dashboardId, url } = set.structured;
    const json = await (await fetch(`${server.baseUrl}/api/dashboard/${dashboardId}`)).text();
    peer = await startEchartsPeer(json);
    browser = await launchChromium();
    const charts = portfolio.widgets.filter((w) => w.kind === 'chart').length;

    // Interleaved (mcpdash, peer, mcpdash, ...) so background load on the machine falls on both alike.
    const runs = ctx.options.reps * 5;
    const results = { mcpdash: [] as Navigation[], peer: [] as Navigation[] };
    for (let i = 0; i < runs; i++) {
      results.mcpdash.push(await navigate(browser, url, { widgets: portfolio.widgets.length, charts: '.kind-chart .chart' }));
      results.peer.push(await navigate(browser, peer.url, { widgets: charts, charts: '.chart' }));
    }
    const col = (rs: Navigation[], key: keyof Navigation) => rs.map((r) => r[key]);
    const row = (label: string, rs: Navigation[]) => [
      label,
      ms0(median(col(rs, 'renderedMs'))),
      `${ms0(Math.min(...col(rs, 'renderedMs')))}-${ms0(Math.max(...col(rs, 'renderedMs')))}`,
      ms0(median(col(rs, 'firstMs'))),
      ms0(median(col(rs, 'busyMs'))),
      ms0(median(col(rs, 'scriptMs'))),
    ];
    const rendered = col(results.mcpdash, 'renderedMs');
    const withinBudget = rendered.filter((ms) => ms <= 1000).length;
    ctx.log(`  page: ${runs} navigations each; mcpdash median ${ms0(median(rendered))} ms, peer ${ms0(median(col(results.peer, 'renderedMs')))} ms`);

    const updates = await updateLatency(browser, url, server, sessionId, dashboardId, 20);
    const textSet = await callTool(server.mcpUrl, await openSession(server.mcpUrl), 'dashboard_set', { title: 'Notes only', widgets: TEXT_ONLY }, 'text');
    const bytes = {
      text: await pageBytes(browser, textSet.structured.url, TEXT_ONLY.length),
      example: await pageBytes(browser, url, portfolio.widgets.length),
    };
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const lines = [
      ...formatTable(['fresh page, 1400x900, headless Chromium', 'rendered p50 ms', 'min-max', 'first widget p50', 'main thread busy p50', 'script p50'], [
        row(`mcpdash /dashboard/<id>: ${portfolio.widgets.length} widgets, ${charts} charts`, results.mcpdash),
        row(`peer: bare ECharts page, the same ${charts} charts only`, results.peer),
      ]),
      `rendered = ms from navigation start to the first frame with every widget in place and every chart drawn (in-page clock);`,
      `ratio mcpdash/peer ${fmt.ratio(median(rendered) / median(col(results.peer, 'renderedMs')))}; budget 1000 ms: met in ${withinBudget} of ${runs} navigations`,
      '',
      ...formatTable(['live update on an open page (20 widget_put calls)', 'p50 ms', 'p95 ms', 'max ms'], [
        ['tool answer -> new text in the page DOM', fmt.ms(median(updates)), fmt.ms(percentile(updates, 95)), fmt.ms(Math.max(...updates))],
      ]),
      'budget: on screen within 100 ms of the write (the write is committed before the tool answers); peer: the SSE-level figure in the dashboards section',
      '',
      ...formatTable(['first visit, bytes on the wire (compressed, headers included; not the event stream)', 'total', 'chart engine', 'requests'], [
        [`a dashboard without charts (${TEXT_ONLY.length} widgets: markdown, metric, table)`, kb(bytes.text.total), kb(bytes.text.chartEngine), bytes.text.requests],
        [`the 20-widget example (${charts} charts)`, kb(bytes.example.total), kb(bytes.example.chartEngine), bytes.example.requests],
      ]),
      `budget ${BYTES_BUDGET_KB} KB for a page without charts: ${bytes.text.total <= BYTES_BUDGET_KB * 1024 ? 'met' : 'NOT met'}; the chart engine is preloaded (Link header) and loaded only for dashboards with charts`,
    ];
    return { title: 'Page: first render of the 20-widget example, live updates, bytes of a first visit', lines, raw: { runs, results, updates, bytes } };
  } finally {
    await browser?.close();
    peer?.stop();
    await server.stop();
  }
}
