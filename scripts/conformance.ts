// `npm run conformance`: starts mcpdash with its conformance fixtures and runs the official MCP server conformance
// suite (@modelcontextprotocol/conformance) against it; prints failing checks and ends with "N passed, M failed".
// Usage: bun run scripts/conformance.ts [--suite active|all|pending] [--scenario <name>] [--source|--binary]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startMcpdash, type LaunchMode, type McpdashProcess } from '../bench/lib/mcpdash-process.ts';

const SUITE_CLI = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const SUITE_TIMEOUT_MS = 5 * 60_000;

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | string;
  description?: string;
  errorMessage?: string;
  details?: unknown;
}

interface ScenarioResult {
  scenario: string;
  checks: Check[];
  /** Set when the scenario produced no readable checks.json. */
  problem?: string;
}

function parseArgs(argv: string[]): { suiteArgs: string[]; mode: LaunchMode } {
  const suiteArgs: string[] = [];
  let mode: LaunchMode = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--source') mode = 'source';
    else if (arg === '--binary') mode = 'binary';
    else if ((arg === '--suite' || arg === '--scenario') && argv[i + 1]) suiteArgs.push(arg, argv[++i]!);
    else {
      console.error(`conformance: unknown argument ${arg} (use --suite, --scenario, --source, --binary)`);
      process.exit(2);
    }
  }
  return { suiteArgs, mode };
}

/** Runs the suite CLI under Bun (it needs Node >= 22 or Bun; the system Node is 20). */
async function runSuite(mcpUrl: string, outDir: string, suiteArgs: string[]): Promise<{ stdout: string; exitCode: number | null }> {
  const proc = Bun.spawn([process.execPath, '--bun', SUITE_CLI, 'server', '--url', mcpUrl, '-o', outDir, ...suiteArgs], {
    cwd: ROOT,
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const timer = setTimeout(() => proc.kill('SIGKILL'), SUITE_TIMEOUT_MS);
  const [stdout, stderr] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  await proc.exited;
  clearTimeout(timer);
  return { stdout: stdout + stderr, exitCode: proc.exitCode };
}

/** Reads <outDir>/server-<scenario>-<timestamp>/checks.json for every scenario the suite announced. */
function collectResults(stdout: string, outDir: string): ScenarioResult[] {
  const dirs = existsSync(outDir) ? readdirSync(outDir) : [];
  const scenarioOf = (dir: string) => dir.replace(/^server-/, '').replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, '');
  // A full run announces each scenario; a single --scenario run does not, but still writes its directory.
  const announced = [...stdout.matchAll(/(?:=== Running scenario: |Running client scenario ')([\w-]+)/g)].map((m) => m[1]!);
  const scenarios = [...new Set([...announced, ...dirs.map(scenarioOf)])];
  return scenarios.map((scenario) => {
    const dir = dirs.find((d) => scenarioOf(d) === scenario);
    const file = dir && join(outDir, dir, 'checks.json');
    if (!file || !existsSync(file)) return { scenario, checks: [], problem: 'the suite wrote no checks.json (it crashed or timed out)' };
    try {
      return { scenario, checks: JSON.parse(readFileSync(file, 'utf8')) as Check[] };
    } catch (error) {
      return { scenario, checks: [], problem: `unreadable checks.json: ${String(error)}` };
    }
  });
}

function printFailures(results: ScenarioResult[]): void {
  for (const result of results) {
    const failed = result.checks.filter((c) => c.status === 'FAILURE');
    if (!result.problem && failed.length === 0) continue;
    console.log(`\nFAILED ${result.scenario}`);
    if (result.problem) console.log(`  ${result.problem}`);
    for (const check of failed) {
      console.log(`  - ${check.id}: ${check.description ?? ''}`);
      if (check.errorMessage) console.log(`    error: ${check.errorMessage}`);
      if (check.details !== undefined) console.log(`    details: ${JSON.stringify(check.details, null, 2).replace(/\n/g, '\n    ')}`);
    }
  }
}

async function main(): Promise<number> {
  const { suiteArgs, mode } = parseArgs(process.argv.slice(2));
  let server: McpdashProcess;
  try {
    server = await startMcpdash({ mode, extraArgs: ['--conformance-fixtures'] });
  } catch (error) {
    console.error(`conformance: could not start mcpdash: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed (checks; the server did not start)');
    return 1;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'mcpdash-conformance-'));
  try {
    console.log(`conformance: ${server.label} at ${server.mcpUrl}`);
    const started = performance.now();
    const { stdout, exitCode } = await runSuite(server.mcpUrl, outDir, suiteArgs);
    const results = collectResults(stdout, outDir);
    const count = (status: string) => results.reduce((n, r) => n + r.checks.filter((c) => c.status === status).length, 0);
    const passed = count('SUCCESS');
    const failed = count('FAILURE') + results.filter((r) => r.problem).length;
    const warnings = count('WARNING');
    const cleanScenarios = results.filter((r) => !r.problem && r.checks.every((c) => c.status !== 'FAILURE')).length;

    for (const r of results) {
      const bad = r.problem || r.checks.some((c) => c.status === 'FAILURE');
      const warn = r.checks.filter((c) => c.status === 'WARNING').length;
      console.log(`${bad ? 'FAIL' : 'ok  '} ${r.scenario}${warn ? ` (${warn} warning${warn > 1 ? 's' : ''})` : ''}`);
    }
    printFailures(results);
    if (results.length === 0) {
      console.log(`\nthe suite ran no scenario (exit ${exitCode}); its output:\n${stdout}`);
      console.log('0 passed, 1 failed (checks; the suite ran nothing)');
      return 1;
    }
    const suiteFailed = exitCode !== 0 && failed === 0;
    if (suiteFailed) console.log(`\nthe suite exited with ${exitCode} although every check passed; its output:\n${stdout.slice(-4000)}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `\n${passed} passed, ${failed + (suiteFailed ? 1 : 0)} failed (checks; ${cleanScenarios}/${results.length} scenarios clean, ${warnings} warnings, ${seconds}s)`,
    );
    return failed > 0 || suiteFailed ? 1 : 0;
  } finally {
    await server.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

process.exit(await main());
