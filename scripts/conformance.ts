// `npm run conformance`: starts mcpdash with its conformance fixtures and runs the official MCP server conformance
// suite (@modelcontextprotocol/conformance, pinned) against it once per protocol revision: 2025-11-25 (sessions)
// and 2026-07-28 (sessionless). Scored scenarios must pass; the ones the suite does not score for a revision
// (extensions, pending) are reported apart and do not count. Ends with "N passed, M failed" (scored checks).
// Usage: bun run scripts/conformance.ts [--requirements <revision>]... [--scenario <name>] [--source|--binary]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startMcpdash, type LaunchMode, type McpdashProcess } from '../bench/lib/mcpdash-process.ts';

const SUITE_CLI = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const SUITE_TIMEOUT_MS = 8 * 60_000;
const REVISIONS = ['2025-11-25', '2026-07-28'];

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED' | string;
  description?: string;
  errorMessage?: string;
  details?: unknown;
}

interface ScenarioResult {
  scenario: string;
  checks: Check[];
  /** Why the suite does not score it for this revision ("extension", "pending"), or undefined when scored. */
  unscored?: string;
  /** Set when the scenario produced no readable checks.json. */
  problem?: string;
}

function parseArgs(argv: string[]): { revisions: string[]; scenario?: string; mode: LaunchMode } {
  const revisions: string[] = [];
  let scenario: string | undefined;
  let mode: LaunchMode = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--source') mode = 'source';
    else if (arg === '--binary') mode = 'binary';
    else if (arg === '--requirements' && argv[i + 1]) revisions.push(argv[++i]!);
    else if (arg === '--scenario' && argv[i + 1]) scenario = argv[++i]!;
    else {
      console.error(`conformance: unknown argument ${arg} (use --requirements <revision>, --scenario <name>, --source, --binary)`);
      process.exit(2);
    }
  }
  return { revisions: revisions.length ? revisions : REVISIONS, scenario, mode };
}

/** Runs the suite CLI under Bun (it needs Node >= 22 or Bun; the system Node is 20). */
async function runSuite(mcpUrl: string, outDir: string, args: string[]): Promise<{ stdout: string; exitCode: number | null }> {
  const proc = Bun.spawn([process.execPath, '--bun', SUITE_CLI, 'server', '--url', mcpUrl, '-o', outDir, ...args], { cwd: ROOT, stdout: 'pipe', stderr: 'pipe' });
  const timer = setTimeout(() => proc.kill('SIGKILL'), SUITE_TIMEOUT_MS);
  const [stdout, stderr] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  await proc.exited;
  clearTimeout(timer);
  return { stdout: stdout + stderr, exitCode: proc.exitCode };
}

/** "Not scored for <revision>: ..." is followed by one "  ✓|✗ <scenario> (<why>)" line per unscored scenario. */
function unscoredScenarios(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  const start = stdout.indexOf('Not scored for');
  if (start === -1) return out;
  for (const match of stdout.slice(start).matchAll(/^\s+[✓✗]\s+([\w-]+)\s+\(([^)]+)\)\s*$/gmu)) out.set(match[1]!, match[2]!);
  return out;
}

/** Reads <outDir>/server-<scenario>-<timestamp>/checks.json for every scenario the suite ran. */
function collectResults(stdout: string, outDir: string): ScenarioResult[] {
  const dirs = existsSync(outDir) ? readdirSync(outDir) : [];
  const scenarioOf = (dir: string) => dir.replace(/^server-/, '').replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, '');
  const announced = [...stdout.matchAll(/=== Running scenario: ([\w-]+)/g)].map((m) => m[1]!);
  const unscored = unscoredScenarios(stdout);
  const scenarios = [...new Set([...announced, ...dirs.map(scenarioOf)])];
  return scenarios.map((scenario) => {
    const dir = dirs.find((d) => scenarioOf(d) === scenario);
    const file = dir && join(outDir, dir, 'checks.json');
    const base = { scenario, unscored: unscored.get(scenario) };
    if (!file || !existsSync(file)) return { ...base, checks: [], problem: 'the suite wrote no checks.json (it crashed or timed out)' };
    try {
      return { ...base, checks: JSON.parse(readFileSync(file, 'utf8')) as Check[] };
    } catch (error) {
      return { ...base, checks: [], problem: `unreadable checks.json: ${String(error)}` };
    }
  });
}

const failedChecks = (r: ScenarioResult) => r.checks.filter((c) => c.status === 'FAILURE');
const isBad = (r: ScenarioResult) => Boolean(r.problem) || failedChecks(r).length > 0;

function printResults(revision: string, results: ScenarioResult[]): void {
  for (const r of results.filter((x) => !x.unscored)) {
    const warnings = r.checks.filter((c) => c.status === 'WARNING').length;
    console.log(`${isBad(r) ? 'FAIL' : 'ok  '} ${r.scenario}${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}`);
  }
  const unscored = results.filter((x) => x.unscored);
  if (unscored.length) {
    console.log(`not scored for ${revision} (reported only): ${unscored.map((r) => `${r.scenario} [${r.unscored}${isBad(r) ? ', failing' : ''}]`).join(', ')}`);
  }
  for (const r of results.filter((x) => !x.unscored && isBad(x))) {
    console.log(`\nFAILED ${r.scenario} (${revision})`);
    if (r.problem) console.log(`  ${r.problem}`);
    for (const check of failedChecks(r)) {
      console.log(`  - ${check.id}: ${check.description ?? ''}`);
      if (check.errorMessage) console.log(`    error: ${check.errorMessage}`);
      if (check.details !== undefined) console.log(`    details: ${JSON.stringify(check.details, null, 2).slice(0, 2000).replace(/\n/g, '\n    ')}`);
    }
  }
}

async function main(): Promise<number> {
  const { revisions, scenario, mode } = parseArgs(process.argv.slice(2));
  let server: McpdashProcess;
  try {
    server = await startMcpdash({ mode, extraArgs: ['--conformance-fixtures'] });
  } catch (error) {
    console.error(`conformance: could not start mcpdash: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed (checks; the server did not start)');
    return 1;
  }
  let passed = 0;
  let failed = 0;
  const summary: string[] = [];
  try {
    console.log(`conformance: ${server.label} at ${server.mcpUrl}`);
    for (const revision of revisions) {
      const outDir = mkdtempSync(join(tmpdir(), `mcpdash-conformance-${revision}-`));
      try {
        console.log(`\n=== requirements ${revision}`);
        const started = performance.now();
        const args = scenario ? ['--scenario', scenario, '--spec-version', revision] : ['--requirements', revision];
        const { stdout, exitCode } = await runSuite(server.mcpUrl, outDir, args);
        const results = collectResults(stdout, outDir);
        printResults(revision, results);
        const scored = results.filter((r) => !r.unscored);
        const ok = scored.reduce((n, r) => n + r.checks.filter((c) => c.status === 'SUCCESS').length, 0);
        const bad = scored.reduce((n, r) => n + failedChecks(r).length + (r.problem ? 1 : 0), 0) + (scored.length === 0 ? 1 : 0);
        if (scored.length === 0) console.log(`the suite ran no scored scenario (exit ${exitCode}); its output:\n${stdout.slice(-4000)}`);
        passed += ok;
        failed += bad;
        const clean = scored.filter((r) => !isBad(r)).length;
        summary.push(`${revision}: ${ok} checks passed, ${bad} failed; ${clean}/${scored.length} scored scenarios clean (${((performance.now() - started) / 1000).toFixed(1)}s)`);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`\n${summary.join('\n')}`);
  console.log(`${passed} passed, ${failed} failed (scored checks, ${revisions.join(' + ')})`);
  return failed > 0 ? 1 : 0;
}

process.exit(await main());
