// A fresh data directory path under the OS temp dir (the directory itself is created by whoever opens it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'mcpdash-')), 'data');
}
