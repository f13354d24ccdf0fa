// No import circles anywhere in server/: a circle makes load order matter and two modules one. Every import counts,
// type-only and dynamic ones too: a type circle is the same tangle of responsibilities even though Bun erases it.
import { describe, expect, test } from 'bun:test';
import { relative, resolve } from 'node:path';
import { findCycles, importGraph, sourceFiles } from '../../../scripts/check/import-graph.ts';

const root = resolve(import.meta.dir, '../../..');

describe('server/ import graph', () => {
  test('has no import circle', () => {
    const files = sourceFiles(resolve(root, 'server'));
    // A walk that found nothing would pass trivially.
    expect(files.length).toBeGreaterThan(100);
    const circles = findCycles(importGraph(files)).map((circle) => [...circle, circle[0]!].map((f) => relative(root, f)).join(' -> '));
    expect(circles).toEqual([]);
  });
});
