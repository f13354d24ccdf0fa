// A page left open when its dashboard expires says so, without a reload, in a real browser against the binary.
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './helpers/chromium.ts';
import { cleanupBinaries, startBinary } from './helpers/spawn-binary.ts';

const ROOT = resolve(import.meta.dir, '..', '..');
const ready = existsSync(join(ROOT, 'dist', 'mcpdash')) && hasChromium();

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await cleanupBinaries();
});

describe.skipIf(!ready)('dashboard page expiry in Chromium', () => {
  test('an open page switches to the expired page when the TTL runs out, and a reload still says so', async () => {
    const server = await startBinary({ args: ['--ttl', '5s'] });
    const client = new Client({ name: 'expiry-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    // Browser first: a TTL of 5 s leaves no room for a slow Chromium start between the write and the page.
    browser = await launchChromium();
    const page = await browser.newPage();
    const result = (await client.callTool({
      name: 'widget_put',
      arguments: { widgets: [{ id: 'note', kind: 'markdown', text: 'Short-lived **note**' }] },
    })) as unknown as { structuredContent: { url: string } };
    const writtenAt = Date.now();
    await page.goto(result.structuredContent.url);
    await page.getByText('Short-lived').waitFor({ timeout: 10_000 });
    await page.getByText('This dashboard has expired').waitFor({ timeout: 15_000 });
    // Not before the TTL runs out (5 s after the write; a little slack for clock granularity), and no reload.
    expect(Date.now() - writtenAt).toBeGreaterThan(4_900);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'expired.png') });
    await page.getByText('without activity from the assistant').waitFor();
    const live = await page.locator('main').textContent();
    // The server's real lifetime (--ttl 5s), not a default from the docs.
    expect(live).toContain('after 5 seconds without activity');
    expect(live).not.toContain('24 hours');
    const reload = await page.reload();
    expect(reload!.status()).toBe(410);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('without activity from the assistant').waitFor();
    // One wording for one state: a reload says exactly what the open page said.
    expect(await page.locator('main').textContent()).toBe(live);
    expect((await fetch(`${server.baseUrl}/api/dashboard/${result.structuredContent.url.split('/').pop()}`)).status).toBe(410);
    const unknown = await page.goto(`${server.baseUrl}/dashboard/00000000-0000-4000-8000-000000000000`);
    expect(unknown!.status()).toBe(404);
    await page.getByRole('heading', { name: 'Dashboard not found' }).waitFor();
    await client.close();
  }, 60_000);
});
