// Dev-only: measures how long a published update takes to reach the page's DOM (dev fixture server).
// Usage: bun web/scripts/update-latency.ts [baseUrl]
import { launchChromium } from '../../test/e2e/helpers/chromium.ts';
import { watchWidgetText } from '../../test/e2e/helpers/render-probe.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:5178';
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${base}/dashboard/demo`);
  await page.waitForSelector('[data-widget-id="activity"]');
  await page.waitForTimeout(1500);
  for (let i = 0; i < 5; i++) {
    const marker = `latency ${i} ${Date.now()}`;
    const seenAt = await watchWidgetText(page, 'activity', marker);
    const sent = Date.now();
    await fetch(`${base}/dev/demo/put`, { method: 'POST', body: JSON.stringify({ id: 'activity', kind: 'log', width: 10, lines: [marker] }) });
    const acked = Date.now();
    const seen = await seenAt();
    console.log(`update ${i}: published after ${acked - sent} ms, on screen after ${seen - sent} ms`);
    await page.waitForTimeout(300);
  }
} finally {
  await browser.close();
}
