// Fresh data directory paths under the OS temp dir (created by whoever opens them), and their removal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

export function tempDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'mcpdash-'));
  created.push(parent);
  return join(parent, 'data');
}

/** Remove every dir made so far: call from afterAll (not per test: restart tests reopen a stopped app's dir). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
