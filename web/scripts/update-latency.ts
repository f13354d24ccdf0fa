// Dev-only: measures how long a published update takes to reach the page's DOM (dev fixture server).
// Usage: bun web/scripts/update-latency.ts [baseUrl]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:5178';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage();
  await page.goto(`${base}/dashboard/demo`);
  await page.waitForSelector('[data-widget-id="activity"]');
  await page.waitForTimeout(1500);
  for (let i = 0; i < 5; i++) {
    const marker = `latency ${i} ${Date.now()}`;
    await page.evaluate((m) => {
      const w = window as unknown as { __seenAt?: number };
      w.__seenAt = undefined;
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-widget-id="activity"]')?.textContent?.includes(m)) {
          w.__seenAt = Date.now();
          obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, marker);
    const sent = Date.now();
    await fetch(`${base}/dev/demo/put`, { method: 'POST', body: JSON.stringify({ id: 'activity', kind: 'log', width: 10, lines: [marker] }) });
    const acked = Date.now();
    await page.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt !== undefined);
    const seen = await page.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
    console.log(`update ${i}: published after ${acked - sent} ms, on screen after ${seen - sent} ms`);
    await page.waitForTimeout(300);
  }
} finally {
  await browser.close();
}
