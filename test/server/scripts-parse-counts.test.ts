// The CI total depends on reading each runner's own summary correctly.
import { describe, expect, test } from 'bun:test';
import { parseCounts } from '../../scripts/test/parse-counts.ts';

describe('parseCounts', () => {
  test('reads bun test summaries, including skips and a failing beforeAll', () => {
    expect(parseCounts('(pass) a\n(fail) b\n\n 12 pass\n 1 skip\n 2 fail\n 40 expect() calls\nRan 15 tests across 2 files.')).toEqual({ passed: 12, failed: 2, skipped: 1 });
    expect(parseCounts('# Unhandled error between tests\n\n 0 pass\n 1 fail\n')).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  test('reads vitest summaries with colour codes', () => {
    expect(parseCounts('\x1b[2m      Tests \x1b[22m \x1b[1m\x1b[32m41 passed\x1b[39m\x1b[22m\x1b[90m (41)\x1b[39m')).toEqual({ passed: 41, failed: 0, skipped: 0 });
    expect(parseCounts('      Tests  2 failed | 38 passed | 1 skipped (41)')).toEqual({ passed: 38, failed: 2, skipped: 1 });
  });

  test('reads the plain "N passed, M failed" line of the conformance runner', () => {
    expect(parseCounts('ok   ping\n40 passed, 0 failed (checks; 30/30 scenarios clean)')).toEqual({ passed: 40, failed: 0, skipped: 0 });
  });

  test('returns null when no runner summary is present (a crash before any test)', () => {
    expect(parseCounts('error: Cannot find module "x"\n')).toBeNull();
  });
});
