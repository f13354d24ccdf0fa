// Page figures (issue 4): how long the 20-widget example takes to be on screen in a fresh headless Chromium, next to
// a bare ECharts page drawing the same 10 charts (bench/peers/echarts-page), and how fast a write shows up on an open
// page. Budgets (reported, not asserted): rendered within 1 s of navigation, an update on screen within 100 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../../test/e2e/helpers/chromium.ts';
import { startEchartsPeer } from '../peers/echarts-page/serve.ts';
import { callTool, openSession } from '../lib/mcp-http.ts';
import { startMcpdash, ROOT } from '../lib/mcpdash-process.ts';
import { fmt, formatTable, median, percentile, type BenchContext, type SectionResult } from '../lib/context.ts';
import { RENDER_PROBE_PREFIX, renderProbe, watchWidgetText, type RenderMarks } from '../../test/e2e/helpers/render-probe.ts';

const VIEWPORT = { width: 1400, height: 900 };

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
  const server = await startMcpdash({ mode: 'binary' });
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
    ];
    return { title: 'Page: first render of the 20-widget example, live updates', lines, raw: { runs, results, updates } };
  } finally {
    await browser?.close();
    peer?.stop();
    await server.stop();
  }
}
