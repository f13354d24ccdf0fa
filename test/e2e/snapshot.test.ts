// dashboard_snapshot from the compiled binary alone in an empty directory: proves the render worker, the resvg
// WebAssembly module and the DejaVu fonts are embedded (nothing is read from node_modules or the system).
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { cleanupBinaries, makeTempDir, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';

const ROOT = resolve(import.meta.dir, '..', '..');
const BUILT = join(ROOT, 'dist', 'mcpdash');
const portfolio = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'portfolio.json'), 'utf8')) as { title: string; widgets: { id: string }[] };

interface Result {
  isError?: boolean;
  content: { type: string; text?: string; data?: string; mimeType?: string }[];
  structuredContent?: { dashboard_id: string; width: number; height: number; tiles: number; problems: string[] };
}

/** Claude.ai cuts a tool result at about 150,000 characters, base64 images included. */
const CLAUDE_RESULT_CAP = 150_000;

// The first snapshot in a process compiles the WebAssembly and warms ECharts: seconds on a loaded 2-core machine.
setDefaultTimeout(120_000);
afterAll(cleanupBinaries);

describe('dashboard_snapshot in the compiled binary', () => {
  let server: RunningBinary;
  let client: Client;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build:local\` first`);
    const dir = makeTempDir();
    const binary = join(dir, 'mcpdash');
    copyFileSync(BUILT, binary);
    server = await startBinary({ binary, cwd: dir, dataDir: './d' });
    client = new Client({ name: 'snapshot-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
  });

  test('draws the 20-widget example: a decodable PNG with text in it and an account naming every widget', async () => {
    const set = (await client.callTool({ name: 'dashboard_set', arguments: { title: portfolio.title, widgets: portfolio.widgets } })) as Result;
    expect(set.isError).toBeFalsy();
    const result = (await client.callTool({ name: 'dashboard_snapshot', arguments: { dashboard: set.structuredContent!.dashboard_id } })) as Result;
    if (result.isError) console.log(result.content[0]?.text, server.stdout());
    expect(result.isError).toBeFalsy();
    const image = result.content.find((c) => c.type === 'image')!;
    expect(image.mimeType).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(image.data!, 'base64'));
    expect(png.width).toBe(result.structuredContent!.width);
    expect(png.width).toBeGreaterThan(500);
    // Dark pixels where the title is: the embedded font drew glyphs (a missing font would leave the band blank).
    let dark = 0;
    for (let y = 0; y < 60; y++) {
      for (let x = 0; x < Math.round(png.width * 0.4); x++) {
        const o = (y * png.width + x) * 4;
        if (png.data[o]! < 100 && png.data[o + 1]! < 100 && png.data[o + 2]! < 100) dark++;
      }
    }
    expect(dark).toBeGreaterThan(50);
    const text = result.content.find((c) => c.type === 'text')!.text!;
    for (const widget of portfolio.widgets) expect(text).toContain(`  ${widget.id} (`);
    expect(text).toContain('Problems:');
    expect(JSON.stringify(result).length).toBeLessThan(CLAUDE_RESULT_CAP);
  });

  for (const width of [360, 700, 1280]) {
    test(`returns the example at ${width} px as readable tiles: each at the asked width, in order, the whole result under Claude's cap`, async () => {
      const set = (await client.callTool({ name: 'dashboard_set', arguments: { title: portfolio.title, widgets: portfolio.widgets } })) as Result;
      const result = (await client.callTool({ name: 'dashboard_snapshot', arguments: { dashboard: set.structuredContent!.dashboard_id, width } })) as Result;
      expect(result.isError).toBeFalsy();
      const images = result.content.filter((c) => c.type === 'image');
      expect(images.length).toBe(result.structuredContent!.tiles);
      expect(images.length).toBeGreaterThan(1);
      let height = 0;
      for (const image of images) {
        const png = PNG.sync.read(Buffer.from(image.data!, 'base64'));
        // Not scaled down: every tile is as wide as the page was laid out.
        expect(png.width).toBe(width);
        expect(png.width * png.height).toBeLessThanOrEqual(1_150_000 + width);
        height += png.height;
      }
      expect(height).toBe(result.structuredContent!.height);
      const text = result.content.find((c) => c.type === 'text')!.text!;
      expect(text).toContain(`${width} px wide`);
      expect(text).not.toContain('not in the picture');
      const size = JSON.stringify(result).length;
      console.log(`dashboard_snapshot of the example at ${width} px: ${images.length} tiles, ${height} px tall, result ${size} characters`);
      expect(size).toBeLessThan(CLAUDE_RESULT_CAP);
    });
  }
});
