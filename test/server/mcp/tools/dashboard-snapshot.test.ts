// dashboard_snapshot through the real MCP endpoint (real SDK client, LMDB in a temp dir, the render worker).
import { afterAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Client } from '@modelcontextprotocol/client';
import { connectClient, removeTempDirs, startAppsStoppedAfterEach, type TestApp } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);

const portfolio = JSON.parse(readFileSync(new URL('../../../fixtures/portfolio.json', import.meta.url), 'utf8')) as { title: string; widgets: unknown[] };

interface Content {
  type: string;
  text?: string;
  data?: string;
  mimeType?: string;
}
interface Result {
  isError?: boolean;
  content: Content[];
  structuredContent?: { dashboard_id: string; url: string; revision: number; width: number; height: number; tiles: number; problems: string[] };
}

const start = startAppsStoppedAfterEach();
const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;

async function withPortfolio(): Promise<{ client: Client; id: string; url: string; app: TestApp }> {
  const app = await start();
  const { client } = await connectClient(app.mcpUrl);
  const set = await call(client, 'dashboard_set', { title: portfolio.title, widgets: portfolio.widgets });
  expect(set.isError).toBeFalsy();
  return { client, id: set.structuredContent!.dashboard_id, url: app.url, app };
}

const decode = (result: Result) => PNG.sync.read(Buffer.from(result.content.find((c) => c.type === 'image')!.data!, 'base64'));

describe('dashboard_snapshot tool', () => {
  test('answers with PNG tiles top to bottom and a text account that carries the URL, under 150,000 characters', async () => {
    const { client, id } = await withPortfolio();
    const result = await call(client, 'dashboard_snapshot', { dashboard: id });
    expect(result.isError).toBeFalsy();
    const tiles = result.structuredContent!.tiles;
    expect(tiles).toBeGreaterThan(1);
    expect(result.content.map((c) => c.type)).toEqual([...Array<string>(tiles).fill('image'), 'text']);
    let height = 0;
    for (const image of result.content.slice(0, tiles)) {
      expect(image.mimeType).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(image.data!, 'base64'));
      expect(png.width).toBe(result.structuredContent!.width);
      height += png.height;
    }
    expect(height).toBe(result.structuredContent!.height);
    const text = result.content[tiles]!.text!;
    expect(text).toContain(`/dashboard/${id}`);
    expect(text).toContain(`Problems:\n${result.structuredContent!.problems.join('\n') || 'No problems found.'}`);
    expect(JSON.stringify(result).length).toBeLessThan(150_000);
  }, 120_000);

  test('takes a phone width (360 px), down from 600', async () => {
    const { client, id } = await withPortfolio();
    const result = await call(client, 'dashboard_snapshot', { dashboard: id, width: 360 });
    expect(result.isError).toBeFalsy();
    expect(decode(result).width).toBe(360);
    expect(result.content.find((c) => c.type === 'text')!.text).toContain('360 px wide (1-column grid)');
  }, 120_000);

  test('refuses an unknown widget id with an error that lists the ids', async () => {
    const { client, id } = await withPortfolio();
    const result = await call(client, 'dashboard_snapshot', { dashboard: id, widget: 'nope' });
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toContain('no widget "nope"');
    expect(result.content[0]!.text).toContain('hash-candles');
    expect(result.content[0]!.text).toContain('activity');
  }, 120_000);

  test('says how many page answers wait unread, like every other tool, until feedback_read reads them', async () => {
    const { client, id, url } = await withPortfolio();
    const sent = await fetch(`${url}/api/dashboard/${id}/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url },
      body: JSON.stringify({ kind: 'message', data: { text: 'the red bar looks wrong' }, viewer: 'viewer01' }),
    });
    expect(sent.status).toBe(201);
    const waiting = await call(client, 'dashboard_snapshot', { dashboard: id });
    expect(waiting.isError).toBeFalsy();
    // The tiles come first, the text last: the text carries the unread line like every other tool's.
    const types = waiting.content.map((c) => c.type);
    expect(types.at(-1)).toBe('text');
    expect(types.slice(0, -1).every((t) => t === 'image')).toBe(true);
    expect(waiting.content.at(-1)!.text).toContain('1 unread from the page: call feedback_read');
    await call(client, 'feedback_read', { dashboard: id });
    const read = await call(client, 'dashboard_snapshot', { dashboard: id });
    expect(read.content.at(-1)!.text).not.toContain('unread from the page');
  }, 120_000);

  test('its render worker belongs to the app and stops when the app closes', async () => {
    const { client, id, app } = await withPortfolio();
    expect(app.app.snapshots.workerRunning()).toBe(false);
    expect((await call(client, 'dashboard_snapshot', { dashboard: id })).isError).toBeFalsy();
    expect(app.app.snapshots.workerRunning()).toBe(true);
    await client.close();
    await app.stop();
    expect(app.app.snapshots.workerRunning()).toBe(false);
  }, 120_000);

  test('"widget" draws that one widget larger than it is on the page', async () => {
    const { client, id } = await withPortfolio();
    const page = await call(client, 'dashboard_snapshot', { dashboard: id, width: 1200 });
    const single = await call(client, 'dashboard_snapshot', { dashboard: id, widget: 'health', width: 1200 });
    expect(single.isError).toBeFalsy();
    const text = single.content.find((c) => c.type === 'text')!.text!;
    expect(text).toContain('Snapshot of widget "health"');
    expect(text).not.toContain('allocation (chart');
    const picture = decode(single);
    // On the page "health" is 4 of 12 columns (about a third of the picture); alone it fills the width.
    expect(picture.width).toBeGreaterThan(0.9 * 1200 * (page.structuredContent!.width / 1200));
    expect(picture.height).toBeLessThan(picture.width);
  }, 120_000);
});
