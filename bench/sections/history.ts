// History storage (issue 9): bytes stored after 50 small edits of a 4 MiB dashboard and the time of one data_append
// to a 4 MiB table, next to the store as it was before compact history (the peer: a whole copy per revision, the
// same code at PEER_REF, extracted with git archive). In process, real LMDB in temp dirs.
// Alone: bun run bench/sections/history.ts   (MCPDASH_BENCH_HISTORY_PEER=<git ref> picks another peer)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendData } from '../../server/dashboard/append.ts';
import { DEFAULT_LIMITS, documentBytes } from '../../server/dashboard/limits.ts';
import { bytesInUse } from '../../server/store/budget.ts';
import type { Dashboard } from '../../server/dashboard/schema.ts';
import { BIG_ID, bigDashboard, eventRow, smallEdit } from '../../test/fixtures/big-dashboard.ts';
import { fmt, formatTable, median, percentile, type BenchContext, type SectionResult } from '../lib/context.ts';

export const name = 'history';

const ROOT = join(import.meta.dir, '..', '..');
/** The last commit that stored every revision as a whole document. */
const PEER_REF = process.env.MCPDASH_BENCH_HISTORY_PEER ?? '78ae0ab';
const EDITS = 50;
const APPENDS = 30;
const READS = 10;

type EditResult = ReturnType<ReturnType<typeof smallEdit>>;
interface DashboardStoreLike {
  write(id: string, edit: (current: Dashboard | undefined) => EditResult, meta: { tool: string; nowMs: number }): Promise<EditResult>;
  get(id: string, nowMs: number): Dashboard | undefined;
}
interface Implementation {
  label: string;
  openStore(dir: string): { root: unknown; close(): Promise<void> };
  createDashboardStore(store: unknown, options: { ttlMs: number; historyLimit: number }): DashboardStoreLike;
}

async function implementationAt(dir: string, label: string): Promise<Implementation> {
  const db = await import(join(dir, 'server', 'store', 'db.ts'));
  const dashboards = await import(join(dir, 'server', 'store', 'dashboards.ts'));
  return { label, openStore: db.openStore, createDashboardStore: dashboards.createDashboardStore };
}

/** The peer's server/ tree, extracted under .cache/ (inside the repository, so `lmdb` resolves to node_modules). */
function extractPeer(ref: string): string {
  const dir = join(ROOT, '.cache', 'bench-history-peer', ref);
  if (!existsSync(join(dir, 'server', 'store', 'dashboards.ts'))) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', ref, 'server'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  }
  return dir;
}

/** LMDB pages in use across every database the store opened (the measure the data budget uses), in bytes. */
function storedBytes(store: object): number {
  type Databases = Parameters<typeof bytesInUse>[1];
  const { root, ...rest } = store as { root: Parameters<typeof bytesInUse>[0] };
  const databases = Object.values(rest).filter((value) => typeof (value as { getStats?: unknown })?.getStats === 'function') as unknown as Databases;
  return bytesInUse(root, databases);
}

interface Figures {
  documentBytes: number;
  storedAfterCreate: number;
  storedAfterEdits: number;
  editMs: number[];
  appendMs: number[];
  appendGrowth: number;
  getMs: number[];
  fileBytes: number;
}

async function measure(impl: Implementation): Promise<Figures> {
  const dir = join(mkdtempSync(join(tmpdir(), 'mcpdash-bench-history-')), 'data');
  const store = impl.openStore(dir);
  try {
    const dashboards = impl.createDashboardStore(store, { ttlMs: 86_400_000, historyLimit: EDITS });
    const { doc, rows } = bigDashboard();
    const write = async (edit: (doc: Dashboard) => EditResult) => {
      const started = performance.now();
      await dashboards.write(BIG_ID, (current) => edit(current ?? doc), { tool: 'bench', nowMs: Date.now() });
      return performance.now() - started;
    };
    await write((current) => ({ doc: current, summary: 'created', changed: [], removed: [], orderChanged: true }));
    const storedAfterCreate = storedBytes(store);
    // Appends first, while history is not full yet (then nothing is trimmed and the growth is what one append costs).
    const appendMs: number[] = [];
    for (let i = 0; i < APPENDS; i++) appendMs.push(await write((current) => appendData(current, { widget: 'events', rows: [eventRow(rows + i)] }, DEFAULT_LIMITS)));
    const appendGrowth = (storedBytes(store) - storedAfterCreate) / APPENDS;
    // Then a full history of small edits: the steady state of a dashboard in use.
    const editMs: number[] = [];
    for (let i = 0; i < EDITS; i++) editMs.push(await write(smallEdit(i, rows + APPENDS)));
    const storedAfterEdits = storedBytes(store);
    const getMs: number[] = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      dashboards.get(BIG_ID, Date.now());
      getMs.push(performance.now() - started);
    }
    await store.close();
    return { documentBytes: documentBytes(doc), storedAfterCreate, storedAfterEdits, editMs, appendMs, appendGrowth, getMs, fileBytes: statSync(join(dir, 'data.mdb')).size };
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

export async function run(ctx: Pick<BenchContext, 'log'>): Promise<SectionResult> {
  const peer = await implementationAt(extractPeer(PEER_REF), `whole copies (${PEER_REF})`);
  const current = await implementationAt(ROOT, 'compact (this tree)');
  const results: Record<string, Figures> = {};
  for (const impl of [peer, current]) {
    ctx.log(`  ${impl.label}: ${EDITS} edits, ${APPENDS} appends...`);
    results[impl.label] = await measure(impl);
  }
  const a = results[peer.label]!;
  const b = results[current.label]!;
  const mib = (bytes: number) => `${fmt.mib(bytes / 1024 / 1024)} MiB`;
  const copies = (bytes: number, figures: Figures) => `${(bytes / figures.documentBytes).toFixed(2)}`;
  const lines = formatTable(
    ['figure', peer.label, current.label],
    [
      ['document (JSON)', mib(a.documentBytes), mib(b.documentBytes)],
      ['stored after creating it', mib(a.storedAfterCreate), mib(b.storedAfterCreate)],
      [`stored with ${EDITS} revisions of small edits in history`, mib(a.storedAfterEdits), mib(b.storedAfterEdits)],
      ['  in document copies', copies(a.storedAfterEdits, a), copies(b.storedAfterEdits, b)],
      ['data.mdb file size at the end', mib(a.fileBytes), mib(b.fileBytes)],
      ['stored per 1-row data_append (KiB)', (a.appendGrowth / 1024).toFixed(1), (b.appendGrowth / 1024).toFixed(1)],
      ['data_append 1 row, p50 ms', fmt.ms(median(a.appendMs)), fmt.ms(median(b.appendMs))],
      ['data_append 1 row, p90 ms', fmt.ms(percentile(a.appendMs, 90)), fmt.ms(percentile(b.appendMs, 90))],
      [`${EDITS} mixed small edits, p50 ms`, fmt.ms(median(a.editMs)), fmt.ms(median(b.editMs))],
      ['read the document (get), p50 ms', fmt.ms(median(a.getMs)), fmt.ms(median(b.getMs))],
    ],
  );
  lines.push(
    '',
    `Store level (server/store/dashboards.ts write, awaited commit), history limit ${EDITS}. Stored = LMDB pages in use across all`,
    'sub-databases (what --max-data counts). The data_append rows include the edit itself (appendData re-checks the 4 MiB limit).',
  );
  return { title: `History storage: a ${mib(b.documentBytes)} dashboard, whole copies vs compact`, lines, raw: results };
}

if (import.meta.main) {
  const result = await run({ log: (line) => console.log(line) });
  console.log(`\n## ${result.title}`);
  for (const line of result.lines) console.log(line);
}
