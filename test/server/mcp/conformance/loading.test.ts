// The conformance fixtures cost every start nothing unless --conformance-fixtures is on: they are loaded by dynamic
// import, and only then (checked in a fresh process that records every module load, and in the import graph).
import { describe, expect, test } from 'bun:test';
import { relative, resolve } from 'node:path';
import { importGraph, relativeImports, sourceFiles } from '../../../../scripts/check/import-graph.ts';

const root = resolve(import.meta.dir, '../../../..');
const inFixtures = (path: string) => relative(root, path).startsWith('server/mcp/conformance/');

async function filesLoadedByStart(flag: 'on' | 'off'): Promise<string[]> {
  const proc = Bun.spawn([process.execPath, resolve(import.meta.dir, 'start-probe.ts'), flag], { cwd: root, stdout: 'pipe', stderr: 'pipe' });
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`start-probe exited ${code}: ${err.slice(0, 2000)}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

describe('conformance fixtures loading', () => {
  test('a normal start loads none of them', async () => {
    expect(await filesLoadedByStart('off')).toEqual([]);
  }, 60_000);

  test('a start with --conformance-fixtures loads all three', async () => {
    expect(await filesLoadedByStart('on')).toEqual(['server/mcp/conformance/fixtures.ts', 'server/mcp/conformance/multi-round.ts', 'server/mcp/conformance/round-trip.ts']);
  }, 60_000);

  test('nothing outside server/mcp/conformance/ imports them except by dynamic import', () => {
    const graph = importGraph(sourceFiles(resolve(root, 'server')), ['value']);
    const staticImporters = [...graph].filter(([file, targets]) => !inFixtures(file) && targets.some(inFixtures)).map(([file]) => relative(root, file));
    expect(staticImporters).toEqual([]);
    const lazy = relativeImports(resolve(root, 'server/mcp/server.ts')).filter((i) => inFixtures(i.path));
    expect(lazy.map((i) => i.kind)).toEqual(['dynamic']);
  });
});
