// The import-graph reader behind the architecture checks: if it missed an import kind, a circle would pass unseen.
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCycles, importGraph, relativeImports, sourceFiles } from '../../scripts/check/import-graph.ts';

const root = mkdtempSync(join(tmpdir(), 'mcpdash-imports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes files under a fresh folder and returns its path. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 't-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('relativeImports', () => {
  test('finds value, type-only, re-export, side-effect and dynamic imports, resolved to paths', () => {
    const dir = tree({
      'a/main.ts': [
        "import { x } from './x.ts';",
        "import type { T } from '../types.ts';",
        "import { type U, type V } from './uv.ts';",
        "import { type W, w } from './w.ts';",
        "export { y } from './y.ts';",
        "export type { Z } from './z.ts';",
        "import './side.ts';",
        "const later = () => import('./lazy.ts');",
        "let t: typeof import('./typeof.ts');",
        "import { z } from 'zod';",
        "// import { c } from './in-comment.ts';",
        "const s = \"import { d } from './in-string.ts'\";",
      ].join('\n'),
    });
    const found = relativeImports(join(dir, 'a/main.ts')).map((i) => [i.specifier, i.kind, i.path.slice(dir.length)]);
    expect(found).toEqual([
      ['./x.ts', 'value', '/a/x.ts'],
      ['../types.ts', 'type', '/types.ts'],
      ['./uv.ts', 'type', '/a/uv.ts'],
      ['./w.ts', 'value', '/a/w.ts'],
      ['./y.ts', 'value', '/a/y.ts'],
      ['./z.ts', 'type', '/a/z.ts'],
      ['./side.ts', 'value', '/a/side.ts'],
      ['./lazy.ts', 'dynamic', '/a/lazy.ts'],
      ['./typeof.ts', 'type', '/a/typeof.ts'],
    ]);
  });

  test('reads .tsx files and resolves an extensionless import to the file that exists', () => {
    const dir = tree({ 'view.tsx': "import { Chart } from './chart';\nexport const V = () => <Chart />;", 'chart.tsx': 'export const Chart = () => null;' });
    expect(relativeImports(join(dir, 'view.tsx')).map((i) => i.path)).toEqual([join(dir, 'chart.tsx')]);
  });
});

describe('findCycles', () => {
  test('finds a circle of two files, including one made only of type imports, and names it once', () => {
    const dir = tree({
      'a.ts': "import { b } from './b.ts';\nexport const a = 1;",
      'b.ts': "import type { A } from './a.ts';\nexport const b = 2;",
      'c.ts': "import { a } from './a.ts';",
    });
    expect(findCycles(importGraph(sourceFiles(dir)))).toEqual([[join(dir, 'a.ts'), join(dir, 'b.ts')]]);
    // Left out of the graph on request, the type import closes no circle.
    expect(findCycles(importGraph(sourceFiles(dir), ['value', 'dynamic']))).toEqual([]);
  });

  test('finds a longer circle in import order, and a file that imports itself', () => {
    const graph = new Map([
      ['/p/c.ts', ['/p/a.ts']],
      ['/p/a.ts', ['/p/b.ts', '/p/d.ts']],
      ['/p/b.ts', ['/p/c.ts']],
      ['/p/d.ts', []],
      ['/p/self.ts', ['/p/self.ts']],
    ]);
    expect(findCycles(graph)).toEqual([['/p/a.ts', '/p/b.ts', '/p/c.ts'], ['/p/self.ts']]);
  });

  test('finds none where imports only meet (a diamond)', () => {
    const graph = new Map([
      ['/p/top.ts', ['/p/left.ts', '/p/right.ts']],
      ['/p/left.ts', ['/p/bottom.ts']],
      ['/p/right.ts', ['/p/bottom.ts']],
      ['/p/bottom.ts', []],
    ]);
    expect(findCycles(graph)).toEqual([]);
  });
});
