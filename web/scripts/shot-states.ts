// Dev-only: screenshots of the home page, the not-found page and the connection-lost banner.
// Usage: bun web/scripts/shot-states.ts [baseUrl] [devServerPid]  (the pid is stopped to show "connection lost")
import { launchChromium } from '../../test/e2e/helpers/chromium.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:5178';
const devPid = process.argv[3];
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`${base}/`);
  await page.getByText('Version').waitFor();
  await page.screenshot({ path: 'test-results/home.png' });
  await page.goto(`${base}/dashboard/does-not-exist`);
  await page.getByRole('heading', { name: /not found/i }).waitFor();
  await page.screenshot({ path: 'test-results/not-found.png' });
  if (devPid) {
    await page.goto(`${base}/dashboard/demo`);
    await page.getByText('Live').waitFor();
    process.kill(Number(devPid), 'SIGTERM');
    await page.getByText('Connection lost').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: 'test-results/connection-lost.png', clip: { x: 0, y: 0, width: 1100, height: 200 } });
  }
} finally {
  await browser.close();
}
