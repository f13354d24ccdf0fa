// `npm run bench`: mcpdash side by side with its peers (bench/peers/); runs each section in bench/sections/,
// prints their tables and saves the raw figures as JSON in bench/results/ (git-ignored). See bench/README.md.
// Usage: bun run scripts/bench.ts [--only startup,throughput,sessions-create,sessions-memory,dashboards,page,snapshot,history] [--quick] [--seconds 5] [--reps 3]
//        [--concurrency 32] [--sessions 10000] [--servers mcpdash,node-express,bun-hono,bun-hono-v2,bare-bun] [--loader wrk|bun] [--no-build]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as startup from '../bench/sections/startup.ts';
import * as throughput from '../bench/sections/throughput.ts';
import * as sessionsCreate from '../bench/sections/sessions-create.ts';
import * as sessionsMemory from '../bench/sections/sessions-memory.ts';
import * as dashboards from '../bench/sections/dashboards.ts';
import * as page from '../bench/sections/page.ts';
import * as snapshot from '../bench/sections/snapshot.ts';
import * as history from '../bench/sections/history.ts';
import { runLoad } from '../bench/load.ts';
import { ensureWrk, runWrk } from '../bench/lib/wrk.ts';
import { binaryIsFresh, BINARY, ROOT } from '../bench/lib/mcpdash-process.ts';
import { TARGETS } from '../bench/lib/targets.ts';
import type { BenchContext, BenchOptions, BenchSection, SectionResult } from '../bench/lib/context.ts';

/** In run order; a new figure is a new file in bench/sections/ exporting `name` and `run(ctx)`, listed here. */
const SECTIONS: BenchSection[] = [startup, throughput, sessionsCreate, sessionsMemory, dashboards, page, snapshot, history];

function parseArgs(argv: string[]) {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (flag: string, fallback: number) => {
    const raw = value(flag);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    seconds: number('--seconds', quick ? 2 : 5),
    warmupSeconds: 1,
    reps: number('--reps', quick ? 1 : 3),
    concurrency: number('--concurrency', 32),
    sessions: number('--sessions', quick ? 1000 : 10_000),
  };
  const only = value('--only')?.split(',');
  const servers = value('--servers')?.split(',');
  const loader = value('--loader') ?? 'wrk';
  for (const name of only ?? []) if (!SECTIONS.some((s) => s.name === name)) throw new Error(`unknown section ${name}`);
  for (const key of servers ?? []) if (!TARGETS.some((t) => t.key === key)) throw new Error(`unknown server ${key}`);
  if (loader !== 'wrk' && loader !== 'bun') throw new Error('--loader is wrk or bun');
  return { options, only, servers, loader, build: !argv.includes('--no-build') };
}

function ensureBinary(build: boolean, log: (line: string) => void): void {
  if (binaryIsFresh()) return;
  if (!build) {
    log('WARNING dist/mcpdash is missing or older than the sources (--no-build given): measuring it as it is');
    return;
  }
  log('dist/mcpdash is missing or older than the sources: building it (bun run scripts/build.ts)');
  const result = Bun.spawnSync([process.execPath, 'run', join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, stdout: 'inherit', stderr: 'inherit' });
  if (result.exitCode !== 0) throw new Error('the build failed; fix it or pass --no-build to measure the existing binary');
}

function gitCommit(): string {
  const result = Bun.spawnSync(['git', 'rev-parse', '--short', 'HEAD'], { cwd: ROOT });
  return result.stdout.toString().trim();
}

async function main(): Promise<number> {
  const log = (line: string) => console.log(line);
  const { options, only, servers, loader, build } = parseArgs(process.argv.slice(2));
  ensureBinary(build, log);

  const wrk = loader === 'wrk' ? ensureWrk(log) : undefined;
  if (loader === 'wrk' && !wrk) log('WARNING wrk is not available: falling back to the fetch loop in bench/load.ts (its own CPU cost caps the figures)');
  const ctx: BenchContext = {
    root: ROOT,
    options,
    targets: TARGETS.filter((t) => !servers || servers.includes(t.key)),
    load: wrk ? (o) => runWrk(wrk, o) : runLoad,
    loaderName: wrk ? `wrk (${wrk}, 2 threads)` : 'bench/load.ts (Bun fetch loops)',
    log,
  };

  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadavgAtStart: loadavg() };
  log(`mcpdash bench @ ${gitCommit()} on ${machine.cpus}x ${machine.cpu} (load average ${machine.loadavgAtStart.map((l) => l.toFixed(2)).join(' ')})`);
  const results: Array<{ name: string; result?: SectionResult; error?: string; seconds: number }> = [];
  for (const section of SECTIONS.filter((s) => !only || only.includes(s.name))) {
    log(`\n[${section.name}]`);
    const started = performance.now();
    try {
      results.push({ name: section.name, result: await section.run(ctx), seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`  FAILED: ${message}`);
      results.push({ name: section.name, error: message, seconds: (performance.now() - started) / 1000 });
    }
  }

  log('\n' + '='.repeat(100));
  for (const { name, result, error } of results) {
    log(`\n## ${result?.title ?? name}`);
    if (error) log(`section failed: ${error}`);
    for (const line of result?.lines ?? []) log(line);
  }
  log('\nservers:');
  for (const t of ctx.targets) log(`  ${t.key.padEnd(12)} ${t.label}`);

  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const saved = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...machine, loadavgAtEnd: loadavg() },
    runtime: { bun: Bun.version, binary: BINARY },
    options,
    loader: ctx.loaderName,
    sections: Object.fromEntries(results.map((r) => [r.name, r.error ? { error: r.error } : { seconds: r.seconds, ...(r.result?.raw as object) }])),
  };
  writeFileSync(file, JSON.stringify(saved, null, 2));
  log(`\nraw results: ${file.slice(ROOT.length + 1)}`);
  return results.some((r) => r.error) ? 1 : 0;
}

process.exit(await main());
