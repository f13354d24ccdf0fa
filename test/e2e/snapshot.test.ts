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
  structuredContent?: { dashboard_id: string; width: number; height: number; problems: string[] };
}

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
    for (let y = 0; y < Math.round(png.height * 0.02); y++) {
      for (let x = 0; x < Math.round(png.width * 0.4); x++) {
        const o = (y * png.width + x) * 4;
        if (png.data[o]! < 100 && png.data[o + 1]! < 100 && png.data[o + 2]! < 100) dark++;
      }
    }
    expect(dark).toBeGreaterThan(50);
    const text = result.content.find((c) => c.type === 'text')!.text!;
    for (const widget of portfolio.widgets) expect(text).toContain(`  ${widget.id} (`);
    expect(text).toContain('No problems found.');
    expect(JSON.stringify(result).length).toBeLessThan(100_000);
  });
});
