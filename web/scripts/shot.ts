// Dev-only browser check: opens a dashboard URL in headless Chromium, times the render, takes screenshots.
// Usage: bun web/scripts/shot.ts <url> [outPrefix]
import { launchChromium } from '../../test/e2e/helpers/chromium.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:5178/dashboard/demo';
const out = process.argv[3] ?? 'test-results/dashboard';

const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: scheme });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.addInitScript(() => {
      const w = window as unknown as { __marks: Record<string, number> };
      w.__marks = {};
      new MutationObserver(() => {
        const n = document.querySelectorAll('[data-widget-id]').length;
        if (n > 0 && !w.__marks.first) w.__marks.first = Math.round(performance.now());
        if (n >= 20 && !w.__marks.all) w.__marks.all = Math.round(performance.now());
        if (document.querySelector('canvas') && !w.__marks.canvas) w.__marks.canvas = Math.round(performance.now());
      }).observe(document, { childList: true, subtree: true });
    });
    // Main-thread busy time is what the page costs; wall time on a shared, loaded machine adds waiting.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const browserCdp = await browser.newBrowserCDPSession();
    const cpu = async (): Promise<number> => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
      return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
    };
    const cpu0 = await cpu();
    const t0 = Date.now();
    await page.goto(url);
    // Rendered = every widget frame present and every chart canvas painted.
    await page.waitForFunction(() => {
      const charts = [...document.querySelectorAll('.kind-chart')];
      return document.querySelectorAll('[data-widget-id]').length > 0 &&
        charts.every((c) => c.querySelector('canvas') !== null);
    }, undefined, { timeout: 10_000 });
    const ms = Date.now() - t0;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string): number => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
    console.log(`   renderer CPU time until rendered: ${Math.round((await cpu()) * 1000 - cpu0 * 1000)} ms`);
    console.log(`   main thread busy ${metric('TaskDuration')} ms (script ${metric('ScriptDuration')} ms, layout ${metric('LayoutDuration')} ms, style ${metric('RecalcStyleDuration')} ms)`);
    const timing = await page.evaluate(() => ({
      marks: (window as unknown as { __marks: unknown }).__marks,
      nav: Math.round(performance.getEntriesByType('navigation')[0]?.duration ?? 0),
      resources: performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop()} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`),
    }));
    console.log('  ', JSON.stringify(timing));
    const widgets = await page.locator('[data-widget-id]').count();
    const errors = await page.locator('.widget-error').count();
    console.log(`${scheme}: ${widgets} widgets, ${errors} error boxes, rendered in ${ms} ms, ${requests.length} requests`);
    await page.waitForTimeout(1200); // let chart animations finish for the picture
    await page.screenshot({ path: `${out}-${scheme}.png`, fullPage: true });
    if (scheme === 'light') {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}-phone.png`, fullPage: false });
    }
    for (const p of problems) console.log('  ', p);
    const origin = new URL(url).origin;
    for (const r of requests) if (!r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:')) console.log('   OFF-ORIGIN', r);
    await page.close();
  }
} finally {
  await browser.close();
}
