// Dev-only: screenshots of the in-chat view in the test host (compiled binary, sandbox proxy, AppBridge) at the
// widths chat apps give it, in both themes. Usage: bun web/scripts/shot-view.ts [outDir] (after scripts/build.ts)
import { readFileSync } from 'node:fs';
import { connectClient } from '../../test/server/helpers/test-app.ts';
import { launchChromium } from '../../test/e2e/helpers/chromium.ts';
import { cleanupBinaries, startBinary } from '../../test/e2e/helpers/spawn-binary.ts';
import { startAppHost, waitForViewDrawn } from '../../test/e2e/helpers/app-host/app-host.ts';

const out = process.argv[2] ?? 'test-results/view';
const portfolio = JSON.parse(readFileSync(new URL('../../test/fixtures/portfolio.json', import.meta.url), 'utf8')) as { title: string; widgets: unknown[] };
const ask = [
  { id: 'region', kind: 'choice', title: 'Region', prompt: 'Which region first?', options: [{ id: 'eu', label: 'Europe', description: 'EU and UK' }, { id: 'us', label: 'Americas' }], width: 6 },
  { id: 'budget', kind: 'form', title: 'Budget', submitLabel: 'Send budget', width: 6, fields: [{ name: 'amount', label: 'Amount', type: 'number', required: true }] },
];

const server = await startBinary();
const browser = await launchChromium();
try {
  const { client } = await connectClient(server.mcpUrl);
  const html = ((await client.readResource({ uri: 'ui://mcpdash/dashboard' })).contents[0] as { text: string }).text;
  const opened = await client.callTool({ name: 'dashboard_open', arguments: { title: portfolio.title } });
  const id = (opened.structuredContent as { dashboard_id: string }).dashboard_id;
  await client.callTool({ name: 'dashboard_set', arguments: { dashboard: id, title: portfolio.title, widgets: [...portfolio.widgets, ...ask] } });
  for (const width of [390, 700]) {
    for (const theme of ['light', 'dark'] as const) {
      // A window as tall as the view: Chromium paints frame content only where the window shows it.
      const host = await startAppHost(browser, () => client, { width, height: 6600 });
      await host.page.evaluate((o) => window.mountView(o as never), { proxyUrl: host.proxyUrl, html, toolInput: {}, toolResult: opened, theme, width });
      await waitForViewDrawn(await host.viewFrame(), portfolio.widgets.length + ask.length);
      await Bun.sleep(600);
      const file = `${out}-${width}-${theme}.png`;
      await host.page.locator('#proxy').screenshot({ path: file });
      const size = host.log.filter((e) => e.kind === 'size').at(-1)?.data;
      console.log(`${file}: reported ${JSON.stringify(size)}; other-origin requests: ${host.foreign.length}`);
      await host.close();
    }
  }
} finally {
  await browser.close();
  await cleanupBinaries();
}
