// `npm test`: every suite in order (server, web, build, e2e, conformance), all run even if one fails,
// then one total line `N passed, M failed`; exits non-zero on any failure, crash, or when nothing ran.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCounts, type Counts } from './test/parse-counts.ts';

const root = resolve(import.meta.dir, '..');
const bun = process.execPath;
// Generous: the arm64 e2e runs under emulation; a hung step must still end the run.
const STEP_TIMEOUT_MS = 20 * 60_000;

interface Step {
  name: string;
  cmd: string[];
  /** The step is skipped (with a note) unless this file exists. */
  requires?: string;
  /** Runs tests (its counts go into the total) or is a build (only a failure counts). */
  kind: 'tests' | 'build';
}

const steps: Step[] = [
  { name: 'server tests', cmd: [bun, 'test', '--timeout', '30000', 'test/server'], kind: 'tests', requires: 'test/server' },
  { name: 'web tests', cmd: [join(root, 'node_modules', '.bin', 'vitest'), 'run', '--config', 'web/vitest.config.ts'], kind: 'tests', requires: 'web/vitest.config.ts' },
  { name: 'build', cmd: [bun, 'run', 'scripts/build.ts', '--all'], kind: 'build' },
  { name: 'e2e tests', cmd: [bun, 'test', '--timeout', '60000', 'test/e2e'], kind: 'tests', requires: 'test/e2e' },
  { name: 'conformance', cmd: [bun, 'run', 'scripts/conformance.ts'], kind: 'tests', requires: 'scripts/conformance.ts' },
];

/** Runs a command, streaming its output through while keeping a copy to parse. */
async function runStreaming(cmd: string[]): Promise<{ code: number; output: string }> {
  const proc = Bun.spawn(cmd, { cwd: root, stdin: 'ignore', stdout: 'pipe', stderr: 'pipe', timeout: STEP_TIMEOUT_MS, killSignal: 'SIGKILL' });
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
  if (step.requires && !existsSync(join(root, step.requires))) {
    console.log(`\n=== ${step.name}: skipped (${step.requires} not found)`);
    outcomes.push({ name: step.name, passed: 0, failed: 0, note: 'skipped' });
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.cmd.map((a) => a.replace(root + '/', '')).join(' ')}`);
  const started = performance.now();
  const { code, output } = await runStreaming(step.cmd);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = step.kind === 'tests' ? parseCounts(output) : { passed: 0, failed: 0 };
  let { passed, failed } = counts ?? { passed: 0, failed: 0 };
  let note = `exit ${code}, ${seconds}s`;
  // A crash or a non-zero exit that reported no failing test still fails the run, as one failure.
  if (code !== 0 && failed === 0) {
    failed = 1;
    note += step.kind === 'build' ? ', build failed' : counts ? ', exited non-zero' : ', no test counts found';
  }
  outcomes.push({ name: step.name, passed, failed, note });
}

const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log('\n=== summary');
for (const o of outcomes) console.log(`  ${o.name.padEnd(14)} ${String(o.passed).padStart(5)} passed ${String(o.failed).padStart(4)} failed  (${o.note})`);
if (passed + failed === 0) console.log('  no tests ran: that is a failure too');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
