// `npm test`: every suite in order (server, web, build, e2e, conformance of the server and of its authorization server), all run even if one fails,
// then one total line `N passed, M failed`; exits non-zero on any failure, crash, or when nothing ran.
import { join, resolve } from 'node:path';
import { parseCounts, type Counts } from './test/parse-counts.ts';

const root = resolve(import.meta.dir, '..');
const bun = process.execPath;
// Generous: the arm64 e2e runs under emulation; a hung step must still end the run, and the whole run must end
// well inside CI's 90 minutes (apt and npm ci come first) so that it still prints its total.
const STEP_TIMEOUT_MS = 20 * 60_000;
const RUN_DEADLINE_MS = 70 * 60_000;
const runStarted = performance.now();
const inCi = Boolean(process.env.CI);

interface Step {
  name: string;
  cmd: string[];
  /** Runs tests (its counts go into the total) or is a check/build (only a failure counts). */
  kind: 'tests' | 'build';
}

const tsc = join(root, 'node_modules', '.bin', 'tsc');
const steps: Step[] = [
  // Bun strips types without checking them: a type error would otherwise pass every other step.
  { name: 'typecheck', cmd: [tsc, '--noEmit', '-p', 'tsconfig.json'], kind: 'build' },
  { name: 'typecheck web', cmd: [tsc, '--noEmit', '-p', 'web/tsconfig.json'], kind: 'build' },
  { name: 'server tests', cmd: [bun, 'test', '--timeout', '30000', 'test/server'], kind: 'tests' },
  { name: 'web tests', cmd: [join(root, 'node_modules', '.bin', 'vitest'), 'run', '--config', 'web/vitest.config.ts'], kind: 'tests' },
  { name: 'build', cmd: [bun, 'run', 'scripts/build.ts', '--all'], kind: 'build' },
  { name: 'e2e tests', cmd: [bun, 'test', '--timeout', '60000', 'test/e2e'], kind: 'tests' },
  { name: 'conformance', cmd: [bun, 'run', 'scripts/conformance.ts'], kind: 'tests' },
  { name: 'conformance auth', cmd: [bun, 'run', 'scripts/conformance-authorization.ts'], kind: 'tests' },
];

/** Runs a command, streaming its output through while keeping a copy to parse. */
async function runStreaming(cmd: string[], timeoutMs: number): Promise<{ code: number; output: string }> {
  const proc = Bun.spawn(cmd, { cwd: root, stdin: 'ignore', stdout: 'pipe', stderr: 'pipe', timeout: timeoutMs, killSignal: 'SIGKILL' });
  let output = '';
  const pump = async (stream: ReadableStream<Uint8Array>, sink: NodeJS.WriteStream) => {
    const decoder = new TextDecoder();
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      sink.write(read.value);
      output += decoder.decode(read.value, { stream: true });
    }
  };
  await Promise.all([pump(proc.stdout, process.stdout), pump(proc.stderr, process.stderr)]);
  const code = await proc.exited;
  if (proc.signalCode) output += `\n(killed by ${proc.signalCode})`;
  return { code, output };
}

interface Outcome extends Counts {
  name: string;
  note: string;
}

const outcomes: Outcome[] = [];
for (const step of steps) {
  const left = RUN_DEADLINE_MS - (performance.now() - runStarted);
  if (left <= 0) {
    console.log(`\n=== ${step.name}: not run (the run is past its ${RUN_DEADLINE_MS / 60_000} min deadline)`);
    outcomes.push({ name: step.name, passed: 0, failed: 1, skipped: 0, note: 'not run: out of time' });
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.cmd.map((a) => a.replace(root + '/', '')).join(' ')}`);
  const started = performance.now();
  const { code, output } = await runStreaming(step.cmd, Math.min(STEP_TIMEOUT_MS, left));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = step.kind === 'tests' ? parseCounts(output) : { passed: 0, failed: 0, skipped: 0 };
  let { passed, failed, skipped } = counts ?? { passed: 0, failed: 0, skipped: 0 };
  let note = `exit ${code}, ${seconds}s${skipped ? `, ${skipped} skipped` : ''}`;
  if (step.kind === 'tests' && (!counts || passed + failed === 0)) {
    // A suite that reports nothing has not shown it works: a renamed config or a changed output format.
    failed = Math.max(failed, 1);
    note += ', no test counts found';
  } else if (code !== 0 && failed === 0) {
    // A crash or a non-zero exit that reported no failing test still fails the run, as one failure.
    failed = 1;
    note += step.kind === 'build' ? ', failed' : ', exited non-zero';
  }
  if (inCi && skipped > 0) {
    // In CI everything the tests need is installed: a skip means something is missing, which is a failure.
    failed += skipped;
    note += ', skips count as failures in CI';
  }
  outcomes.push({ name: step.name, passed, failed, skipped, note });
}

const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log('\n=== summary');
for (const o of outcomes) console.log(`  ${o.name.padEnd(14)} ${String(o.passed).padStart(5)} passed ${String(o.failed).padStart(4)} failed  (${o.note})`);
if (passed + failed === 0) console.log('  no tests ran: that is a failure too');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
