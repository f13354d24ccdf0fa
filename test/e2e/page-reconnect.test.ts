// An open page survives the server going away: it says so, reconnects by itself once the server is back, and shows
// what was written meanwhile, without a reload (real browser, real binary, kill -9 and a restart on the same port).
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './helpers/chromium.ts';
import { cleanupBinaries, startBinary } from './helpers/spawn-binary.ts';

const ROOT = resolve(import.meta.dir, '..', '..');
const SHOTS = join(ROOT, 'test-results');
const ready = existsSync(join(ROOT, 'dist', 'mcpdash')) && hasChromium();

type PutResult = { isError?: boolean; structuredContent: { dashboard_id: string; url: string } };

async function put(mcpUrl: string, args: Record<string, unknown>): Promise<PutResult> {
  const client = new Client({ name: 'reconnect-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl)));
  const result = (await client.callTool({ name: 'widget_put', arguments: args })) as unknown as PutResult;
  await client.close();
  expect(result.isError).toBeFalsy();
  return result;
}

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await cleanupBinaries();
});

describe.skipIf(!ready)('dashboard page across a server restart in Chromium', () => {
  test('shows the connection loss, reconnects when the server is back and catches up without a reload', async () => {
    const first = await startBinary();
    const note = (text: string) => ({ id: 'note', kind: 'markdown', text });
    const opened = await put(first.mcpUrl, { widgets: [note('written **before** the restart')] });
    const { dashboard_id: dashboard, url } = opened.structuredContent;

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1100, height: 500 } });
    await page.goto(url);
    await page.getByText('before the restart').waitFor({ timeout: 10_000 });
    await page.getByText('Live').waitFor();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    expect(await first.kill9()).toBe(137);
    await page.getByText('Connection lost').waitFor({ timeout: 10_000 });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'page-connection-lost.png') });

    // Same port and data dir, as after a crash and a restart by systemd; then a write from a new session.
    const second = await startBinary({ dataDir: first.dataDir, args: ['--port', new URL(first.baseUrl).port] });
    expect(second.baseUrl).toBe(first.baseUrl);
    await put(second.mcpUrl, { dashboard, widgets: [note('written **after** the restart')] });
    // The page retries with back-off (1 s, 2 s, 4 s ... with jitter), so it is back within a few seconds.
    await page.getByText('after the restart').waitFor({ timeout: 15_000 });
    await page.getByText('Live').waitFor();
    expect(await page.getByText('Connection lost').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  }, 60_000);
});
