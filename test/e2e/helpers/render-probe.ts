// Page-side timing probes for the e2e tests and the page benchmark, so both time the same moments: when a freshly
// loaded page has every widget in place and every chart drawn, and when a live update reaches an open page.
import type { Page } from 'playwright-core';

export interface RenderMarks {
  /** ms from navigation start until the first widget was in the DOM. */
  firstMs: number;
  /** ms from navigation start until the first frame with all widgets and every chart canvas drawn. */
  renderedMs: number;
}

export const RENDER_PROBE_PREFIX = 'mcpdash-probe ';

/**
 * Runs inside the page (Playwright addInitScript) and reports on the console, prefixed with RENDER_PROBE_PREFIX.
 * `charts` selects the chart containers; each must hold a canvas. Self-contained: it is serialised into the page,
 * which is why the prefix is spelled out again below.
 *
 * Why the console: page.waitForFunction would inject Playwright's own script into the page while it loads, and its
 * compile lands on the very main thread being timed (37-130 ms seen in Chromium traces).
 */
export function renderProbe(expect: { widgets: number; charts: string }): void {
  let first: number | undefined;
  const observer = new MutationObserver(() => {
    const widgets = document.querySelectorAll('[data-widget-id]').length;
    if (widgets > 0 && first === undefined) first = performance.now();
    const charts = [...document.querySelectorAll(expect.charts)];
    if (widgets < expect.widgets || charts.length === 0 || !charts.every((c) => c.querySelector('canvas'))) return;
    observer.disconnect();
    // A chart draws into its canvas in the same task that inserts it; the next frame is the one that shows it.
    requestAnimationFrame(() => console.log('mcpdash-probe ' + JSON.stringify({ firstMs: first, renderedMs: performance.now() })));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Arms a one-shot watch in an open page for `text` inside the widget `widgetId`; the function it returns waits for
 * the text and gives the page's wall-clock ms (Date.now(), same machine as the caller) when it entered the DOM.
 * Shared by the e2e test, the page benchmark and web/scripts/update-latency.ts, so all time the same moment.
 */
export async function watchWidgetText(page: Page, widgetId: string, text: string): Promise<() => Promise<number>> {
  await page.evaluate(
    ([id, wanted]) => {
      const w = window as unknown as { __seenAt?: number };
      w.__seenAt = undefined;
      new MutationObserver((_, obs) => {
        if (document.querySelector(`[data-widget-id="${id}"]`)?.textContent?.includes(wanted!)) {
          w.__seenAt = Date.now();
          obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    [widgetId, text] as const,
  );
  return async () => {
    await page.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt !== undefined, undefined, { timeout: 5_000 });
    return page.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
  };
}
