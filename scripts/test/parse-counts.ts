// Reads pass/fail totals out of bun test, vitest and conformance-runner output.
export interface Counts {
  passed: number;
  failed: number;
  /** Tests the runner reported as skipped (shown, so a suite that quietly skips is visible). */
  skipped: number;
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** The counts a test command printed, or null when it printed none we recognise. */
export function parseCounts(raw: string): Counts | null {
  const text = raw.replace(ANSI, '');
  // bun test: summary lines " 12 pass" / " 0 fail" (one pair per run, at the end).
  const bunPass = [...text.matchAll(/^\s*(\d+) pass$/gm)];
  const bunFail = [...text.matchAll(/^\s*(\d+) fail$/gm)];
  if (bunPass.length > 0 || bunFail.length > 0) {
    return { passed: lastNumber(bunPass), failed: lastNumber(bunFail), skipped: lastNumber([...text.matchAll(/^\s*(\d+) skip$/gm)]) };
  }
  // vitest: "      Tests  2 failed | 40 passed (42)" (either part may be missing).
  const vitest = [...text.matchAll(/^\s*Tests\s+(.+)\(\d+\)\s*$/gm)].pop();
  if (vitest) {
    const part = vitest[1]!;
    const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(part)?.[1] ?? 0);
    return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  }
  // conformance runner: "N passed, M failed" (maybe followed by details) as the last such line.
  const plain = [...text.matchAll(/^\s*(\d+) passed, (\d+) failed\b/gm)].pop();
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]), skipped: 0 };
  return null;
}

function lastNumber(matches: RegExpMatchArray[]): number {
  const last = matches.at(-1);
  return last ? Number(last[1]) : 0;
}
