// Runs inside the page (Playwright addInitScript): reports, on the console, when every widget is in place and every
// chart drawn. Shared by the page e2e test and the page benchmark so both time the same moment.
//
// Why the console: page.waitForFunction would inject Playwright's own script into the page while it loads, and its
// compile lands on the very main thread being timed (37-130 ms seen in Chromium traces).

export interface RenderMarks {
  /** ms from navigation start until the first widget was in the DOM. */
  firstMs: number;
  /** ms from navigation start until the first frame with all widgets and every chart canvas drawn. */
  renderedMs: number;
}

export const RENDER_PROBE_PREFIX = 'mcpdash-probe ';

/** `charts` selects the chart containers; each must hold a canvas. Self-contained: it is serialised into the page. */
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
