// The in-chat view (MCP Apps) against the compiled binary: a test host built on the extension's own AppBridge, with
// the sandbox proxy on a second origin, in Chromium with every other origin blocked, talking to the binary through an
// SDK v2 client over HTTP in both protocol eras. It draws the 20-widget example, follows writes from another client,
// sends answers that feedback_read hands over once, restyles on a host theme change and reports its size.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/client';
import type { Browser } from 'playwright-core';
import { connectClient, connectModernClient } from '../server/helpers/test-app.ts';
import { hasChromium, launchChromium } from './helpers/chromium.ts';
import { cleanupBinaries, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';
import { startAppHost, waitForViewDrawn } from './helpers/app-host/app-host.ts';

const portfolio = JSON.parse(readFileSync(new URL('../fixtures/portfolio.json', import.meta.url), 'utf8')) as { title: string; widgets: { id: string; kind: string }[] };
const ASK = [
  { id: 'region', kind: 'choice', title: 'Region', prompt: 'Which region first?', options: [{ id: 'eu', label: 'Europe' }, { id: 'us', label: 'Americas' }], width: 6 },
  {
    id: 'budget',
    kind: 'form',
    title: 'Budget',
    submitLabel: 'Send budget',
    width: 6,
    fields: [
      { name: 'amount', label: 'Amount', type: 'number', required: true },
      { name: 'note', label: 'Why', type: 'textarea' },
    ],
  },
];
const WIDGETS = [...portfolio.widgets, ...ASK];
const KINDS = [...new Set(WIDGETS.map((w) => w.kind))];

type Result = { isError?: boolean; content: { type: string; text: string }[]; structuredContent?: Record<string, any> };
const ok = async (client: Client, name: string, args: Record<string, unknown>): Promise<Result> => {
  const result = (await client.callTool({ name, arguments: args })) as Result;
  if (result.isError) throw new Error(`${name}: ${result.content[0]?.text}`);
  return result;
};

let server: RunningBinary;
let browser: Browser;

beforeAll(async () => {
  server = await startBinary();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await cleanupBinaries();
});

const connect = (era: '2025' | '2026') => (era === '2025' ? connectClient(server.mcpUrl) : connectModernClient(server.mcpUrl));

describe.skipIf(!hasChromium())('in-chat view in an MCP Apps host', () => {
  for (const era of ['2025', '2026'] as const) {
    test(`${era}-era client: draws every widget kind, stays live, takes a choice and a form answer once each, follows the host theme, reports its size, fetches nothing`, async () => {
      const { client } = await connect(era);
      const calls: string[] = [];
      const counting = new Proxy(client, {
        get: (target, key) =>
          key === 'callTool'
            ? (params: { name: string }, ...rest: unknown[]) => {
                calls.push(params.name);
                return (target.callTool as (...a: unknown[]) => unknown).call(target, params, ...rest);
              }
            : Reflect.get(target, key),
      });

      const resource = await client.readResource({ uri: 'ui://mcpdash/dashboard' });
      const content = resource.contents[0] as { text: string; mimeType: string };
      expect(content.mimeType).toBe('text/html;profile=mcp-app');
      expect(new TextEncoder().encode(content.text).length).toBeLessThan(1024 * 1024);
      expect(content.text).toContain('<script');

      const opened = await ok(client, 'dashboard_open', { title: portfolio.title, new: true });
      const id = opened.structuredContent!.dashboard_id as string;
      await ok(client, 'dashboard_set', { dashboard: id, title: portfolio.title, widgets: WIDGETS });
      // The result the model reads stays small: never the document.
      expect(JSON.stringify(opened).length).toBeLessThan(1_000);

      const host = await startAppHost(browser, () => counting, { width: 700 });
      try {
        await host.page.evaluate((o) => window.mountView(o as never), { proxyUrl: host.proxyUrl, html: content.text, toolInput: { title: portfolio.title }, toolResult: opened, theme: 'light', width: 700 });
        const frame = await host.viewFrame();
        const drawnAt = await waitForViewDrawn(frame, WIDGETS.length);
        const sentAt = host.log.find((e) => e.kind === 'tool-result-sent')!.data as number;
        console.log(`view (${era}): drawn ${drawnAt - sentAt} ms after the tool result`);

        for (const kind of KINDS) expect(await frame.locator(`.kind-${kind}`).count()).toBeGreaterThan(0);
        expect(await frame.locator('.widget-error').count()).toBe(0);
        expect(await frame.locator('.kind-chart canvas').count()).toBeGreaterThanOrEqual(WIDGETS.filter((w) => w.kind === 'chart').length);

        // Size: the host heard the content's height, and sized the frame to it (no inner scrollbar).
        const sizes = host.log.filter((e) => e.kind === 'size').map((e) => e.data.height as number);
        expect(Math.max(...sizes)).toBeGreaterThan(2_000);
        const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
        expect(scroll).toBeLessThanOrEqual(2);

        // Live: a write from another client shows within 2 s.
        const other = (await connect(era)).client;
        await frame.evaluate(() => {
          const w = window as unknown as { __seenAt?: number };
          new MutationObserver((_, obs) => {
            if (document.querySelector('[data-widget-id="total"]')?.textContent?.includes('Written elsewhere')) {
              w.__seenAt = Date.now();
              obs.disconnect();
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        const wroteAt = Date.now();
        await ok(other, 'widget_put', { dashboard: id, widgets: [{ id: 'total', kind: 'metric', label: 'Written elsewhere', value: 42 }] });
        await frame.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt !== undefined, undefined, { timeout: 2_000 });
        const seenAt = await frame.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
        console.log(`view (${era}): write shown ${seenAt - wroteAt} ms after widget_put was sent`);
        expect(seenAt - wroteAt).toBeLessThan(2_000);

        // Answers in the view come back from feedback_read once each, marked as from the view.
        const region = frame.locator('[data-widget-id="region"]');
        // A single choice is picked, then confirmed with its submit button, as on the page.
        await region.getByRole('button', { name: 'Americas' }).click();
        await region.getByRole('button', { name: 'Submit' }).click();
        await region.getByText('sent', { exact: true }).waitFor();
        const budget = frame.locator('[data-widget-id="budget"]');
        await budget.getByLabel('Amount').fill('1200');
        await budget.getByLabel('Why').fill('<b>launch</b> "now"');
        await budget.getByRole('button', { name: 'Send budget' }).click();
        await budget.getByText('sent', { exact: true }).waitFor();
        expect(await frame.locator('.widget b').count()).toBe(0);
        const read = await ok(other, 'feedback_read', { dashboard: id });
        const events = read.structuredContent!.events as { kind: string; widget: string; data: unknown; source: string }[];
        expect(events.map((e) => [e.kind, e.widget, e.source])).toEqual([
          ['choice', 'region', 'view'],
          ['form', 'budget', 'view'],
        ]);
        expect(events[1]!.data).toEqual({ values: { amount: 1200, note: '<b>launch</b> "now"' } });
        expect((await ok(other, 'feedback_read', { dashboard: id })).structuredContent!.events).toEqual([]);
        // The host's model hears of the answers too (as quoted data).
        const told = host.log.filter((e) => e.kind === 'model-context').at(-1)!.data.content[0].text as string;
        expect(told).toContain('"budget"');
        expect(told).not.toContain('<b>');

        // A host theme change restyles the view (the example's own theme is "auto").
        const bg = () => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const light = await bg();
        await host.page.evaluate(() => window.setHostTheme('dark'));
        await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        expect(await bg()).not.toBe(light);

        // Exports, the full page and full screen go through the host.
        await frame.getByRole('button', { name: 'Open full page' }).click();
        await frame.locator('[data-widget-id="holdings"]').getByRole('button', { name: 'CSV' }).click();
        await frame.getByRole('button', { name: 'Full screen' }).click();
        await frame.getByRole('button', { name: 'Exit full screen' }).waitFor();
        expect(host.log.find((e) => e.kind === 'display-mode')?.data).toEqual({ mode: 'fullscreen' });
        expect(host.log.find((e) => e.kind === 'open-link')?.data.url).toBe(opened.structuredContent!.url);
        expect(host.log.find((e) => e.kind === 'download')?.data.contents[0].resource.uri).toContain('holdings.csv');

        // Nothing left for any other origin, and nothing but the host page, its script and the proxy was loaded.
        expect(host.foreign).toEqual([]);
        expect(host.requests.map((u) => new URL(u).pathname)).toEqual(['/', '/host.js', '/']);

        // Teardown stops the waits.
        await host.page.evaluate(() => window.teardownView());
        await Bun.sleep(400);
        const before = calls.filter((c) => c === 'view_wait').length;
        await ok(other, 'widget_put', { dashboard: id, widgets: [{ id: 'total', kind: 'metric', label: 'After teardown', value: 1 }] });
        await Bun.sleep(1_000);
        expect(calls.filter((c) => c === 'view_wait').length).toBe(before);
      } finally {
        await host.close();
      }
    }, 60_000);
  }

  test('a client that does not render apps sees the same tools and the same text results', async () => {
    const plain = (await connectClient(server.mcpUrl)).client;
    const modern = (await connectModernClient(server.mcpUrl)).client;
    const names = async (c: Client) => (await c.listTools()).tools.map((t) => `${t.name} ${JSON.stringify(t._meta ?? {})}`).sort();
    expect(await names(plain)).toEqual(await names(modern));
    const opened = await ok(plain, 'dashboard_open', { title: 'Plain' });
    const shown = await ok(plain, 'dashboard_show', { dashboard: opened.structuredContent!.dashboard_id });
    expect(shown.content[0]!.text).toContain(opened.structuredContent!.url);
  });

  test('the view of an expired or unknown dashboard says so in the page\'s words', async () => {
    const { client } = await connectClient(server.mcpUrl);
    const resource = await client.readResource({ uri: 'ui://mcpdash/dashboard' });
    const html = (resource.contents[0] as { text: string }).text;
    const host = await startAppHost(browser, () => client, { width: 390 });
    try {
      const fake = crypto.randomUUID();
      await host.page.evaluate((o) => window.mountView(o as never), {
        proxyUrl: host.proxyUrl,
        html,
        toolInput: {},
        toolResult: { content: [{ type: 'text', text: 'x' }], structuredContent: { dashboard_id: fake, url: `${server.baseUrl}/dashboard/${fake}`, revision: 0 } },
        theme: 'light',
        width: 390,
      });
      const frame = await host.viewFrame();
      await frame.getByRole('heading', { name: 'Dashboard not found' }).waitFor({ timeout: 10_000 });
      expect(await frame.getByText('About this mcpdash server').count()).toBe(0);
    } finally {
      await host.close();
    }
  }, 30_000);
});
