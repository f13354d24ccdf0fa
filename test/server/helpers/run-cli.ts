// The CLI run as its own process from source (as `mcpdash <command>` beside a running server), and a helper for the
// tests that expect a call to throw.
import { resolve } from 'node:path';

const MAIN = resolve(import.meta.dir, '../../../server/main.ts');

export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn([process.execPath, MAIN, ...args], { stdout: 'pipe', stderr: 'pipe', env: { PATH: process.env.PATH ?? '' } });
  const [stdout, stderr] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  return { code: await proc.exited, stdout, stderr };
}

/** What `run` throws; a call that does not throw fails the test. */
export async function failureOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}
