// What every benchmark section receives and returns, plus the small statistics and table helpers they share.
import type { LoadOptions, LoadResult } from '../load.ts';
import type { BenchTarget } from './targets.ts';

export interface BenchOptions {
  /** Measured seconds per throughput case, after warmupSeconds. */
  seconds: number;
  warmupSeconds: number;
  /** Repetitions per case; the median is reported. */
  reps: number;
  concurrency: number;
  /** Sessions created by the memory section. */
  sessions: number;
}

export interface BenchContext {
  root: string;
  options: BenchOptions;
  targets: BenchTarget[];
  /** The load generator in use (wrk, or the fetch loop in bench/load.ts) and its name for the report. */
  load: (options: LoadOptions) => Promise<LoadResult>;
  loaderName: string;
  log: (line: string) => void;
}

export interface SectionResult {
  title: string;
  /** Printed as is, one entry per line. */
  lines: string[];
  /** Saved in the JSON results. */
  raw: unknown;
}

export interface BenchSection {
  name: string;
  run: (ctx: BenchContext) => Promise<SectionResult>;
}

export function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** The value below which p percent of the values fall (nearest rank); NaN for none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** Plain-text table, columns padded; numbers right-aligned. */
export function formatTable(header: string[], rows: Array<Array<string | number>>): string[] {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const render = (row: string[], isHeader: boolean) =>
    row.map((cell, i) => (i === 0 || isHeader ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [render(header, true), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((row) => render(row, false))];
}

export const fmt = {
  rps: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a'),
  ms: (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a'),
  ratio: (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : 'n/a'),
  mib: (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a'),
};
