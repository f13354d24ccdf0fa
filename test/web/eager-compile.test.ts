// @vitest-environment node
// The build plugin that puts V8's compile hint on the chart chunk: a real (small) Vite build, minified like ours.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';
import { COMPILE_HINT, eagerCompileChunks } from '../../web/vite/eager-compile';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mcpdash-eager-'));
  writeFileSync(join(dir, 'entry.js'), 'globalThis.load = () => import("./engine.js");\n');
  writeFileSync(join(dir, 'engine.js'), '// a comment the minifier drops\nexport function draw(a, b) { return a * b + 1; }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(chunks: string[]): Promise<Rollup.OutputChunk[]> {
  const out = (await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [eagerCompileChunks(chunks)],
    build: { write: false, minify: true, rollupOptions: { input: join(dir, 'entry.js') } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  return (Array.isArray(out) ? out : [out]).flatMap((o) => o.output.filter((f): f is Rollup.OutputChunk => f.type === 'chunk'));
}

describe('eagerCompileChunks', () => {
  it('puts the compile hint on the first line of the named chunk only, after minification', async () => {
    const chunks = await bundle(['engine']);
    const engine = chunks.find((c) => c.name === 'engine')!;
    const entry = chunks.find((c) => c.name === 'entry')!;
    expect(engine.code.split('\n', 1)[0]).toBe(COMPILE_HINT);
    expect(engine.code).not.toContain('a comment the minifier drops');
    expect(entry.code).not.toContain(COMPILE_HINT);
  });

  it('fails the build when the named chunk does not exist', async () => {
    await expect(bundle(['engine', 'renamed-away'])).rejects.toThrow(/no chunk named renamed-away/);
  });
});
