// What a dashboard page downloads on its first visit (fresh browser context, empty cache), as bytes on the wire,
// counted from Chromium's network events until the page has its widgets and the network has been quiet a while.
import type { Browser } from 'playwright-core';

export interface PageBytes {
  /** Bytes received (compressed, headers included) for everything but the live event stream. */
  total: number;
  /** Of those, the chart engine chunk. */
  chartEngine: number;
  requests: number;
}

/** Quiet time that counts as "done": preloads on loopback finish well within it. */
const SETTLE_MS = 1_500;

export async function pageBytes(browser: Browser, url: string, widgets: number): Promise<PageBytes> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const result: PageBytes = { total: 0, chartEngine: 0, requests: 0 };
    let last = performance.now();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
      urls.set(e.requestId, e.request.url);
      last = performance.now();
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      const url = urls.get(e.requestId) ?? '';
      last = performance.now();
      result.total += e.encodedDataLength;
      result.requests++;
      if (/\/assets\/echarts-setup-/.test(url)) result.chartEngine += e.encodedDataLength;
    });
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('[data-widget-id]').length >= n, widgets, { timeout: 20_000 });
    // The event stream never finishes loading, so it is not counted; everything else has by then.
    while (performance.now() - last < SETTLE_MS) await Bun.sleep(100);
    return result;
  } finally {
    await context.close();
  }
}
