// Imports run one way: web/ and server/ share only the presentation core (server/dashboard/), which is pure. The
// page, the snapshot and the in-chat view present one document, so the rules they share must have one home that
// imports neither side; these checks fail the run the day someone reaches across.
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { relativeImports, sourceFiles } from '../../../scripts/check/import-graph.ts';

const root = resolve(import.meta.dir, '../../..');
const server = resolve(root, 'server') + sep;
const web = resolve(root, 'web') + sep;
const core = resolve(root, 'server/dashboard') + sep;
/** The one module outside the core that the core may use: the error classes its rules throw (pure, no imports). */
const CORE_MAY_USE = new Set([resolve(root, 'server/errors.ts')]);
/** Packages the core may import: schemas, the chart engine's part list and the markdown parser; none does I/O. */
const CORE_PACKAGES = /^(zod|echarts\/(charts|components)|mdast|mdast-util-from-markdown|mdast-util-gfm-table|micromark-extension-gfm-table)$/;

const rel = (file: string) => relative(root, file);

/** `file -> target` for every relative import of the given files that `refused` rejects. */
function crossings(files: string[], refused: (target: string, file: string) => boolean): string[] {
  return files.flatMap((file) => relativeImports(file).filter((i) => refused(i.path, file)).map((i) => `${rel(file)} -> ${rel(i.path)}`));
}

describe('import boundaries', () => {
  const serverFiles = sourceFiles(server);
  const webFiles = sourceFiles(resolve(root, 'web/src'));
  const coreFiles = sourceFiles(core);

  test('the walks find the trees they check', () => {
    expect(serverFiles.length).toBeGreaterThan(100);
    expect(webFiles.length).toBeGreaterThan(30);
    expect(coreFiles.length).toBeGreaterThan(15);
  });

  test('nothing in server/ imports web/', () => {
    expect(crossings(serverFiles, (target) => target.startsWith(web))).toEqual([]);
  });

  test('web/ imports nothing from server/ outside the presentation core', () => {
    expect(crossings(webFiles, (target) => !target.startsWith(web) && !target.startsWith(core))).toEqual([]);
  });

  test('the presentation core imports only itself, the error classes and pure packages', () => {
    expect(crossings(coreFiles, (target) => !target.startsWith(core) && !CORE_MAY_USE.has(target))).toEqual([]);
    const packages = coreFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'".][^'"]*)['"]/gm)]
        .map((m) => m[1]!)
        .filter((name) => !CORE_PACKAGES.test(name))
        .map((name) => `${rel(file)} -> ${name}`),
    );
    expect(packages).toEqual([]);
  });

  test('the check sees a crossing when there is one', () => {
    // The same rule applied to a file that does reach across: the check is not blind to the import form used.
    const probe = resolve(root, 'server/render/probe-crossing.ts');
    const found = relativeImports(probe, "import { x } from '../../web/src/lib/theme';\nimport type { Y } from '../../web/src/api/types';").filter((i) => i.path.startsWith(web));
    expect(found.map((i) => i.kind)).toEqual(['value', 'type']);
  });
});
