// A failed start names the path, port or flag at fault and the fix, never a bare errno message.
import { afterAll, describe, expect, test } from 'bun:test';
import { failureOf } from '../helpers/run-cli.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainStartError } from '../../../server/cli/start-errors.ts';
import { lockDataDir } from '../../../server/store/data-dir-lock.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const config = (dataDir: string) => ({ dataDir, host: '127.0.0.1', port: 8787 });

describe('explainStartError', () => {
  test('a file given as --data-dir: names the path and says to pass a directory', async () => {
    const file = tempDataDir();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'not a directory');
    const error = await failureOf(() => lockDataDir(file));
    expect(explainStartError(error, config(file))).toBe(`--data-dir ${file} is a file, not a directory: pass a directory (it is created if missing), for example --data-dir ${file}.d`);
    const under = join(file, 'sub');
    expect(explainStartError(await failureOf(() => lockDataDir(under)), config(under))).toContain(`--data-dir ${under} cannot be created: part of that path is a file`);
  });

  test("lmdb's bare 'Permission denied: Attempting to setup locks' names the directory and the way out", () => {
    const lmdb = Object.assign(new Error('Permission denied: Attempting to setup locks'), { code: 13 });
    expect(explainStartError(lmdb, config('/srv/mcpdash'))).toBe(
      'cannot write to --data-dir /srv/mcpdash (permission denied): run mcpdash as the user that owns it, give that user write access (chown/chmod), or pass another --data-dir',
    );
    const fs = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/x'"), { code: 'EACCES' });
    expect(explainStartError(fs, config('/srv/x'))).toContain('cannot write to --data-dir /srv/x (permission denied)');
  });

  test('a port in use suggests another port or --port 0', () => {
    const error = Object.assign(new Error('Failed to start server. Is port 8787 in use?'), { code: 'EADDRINUSE' });
    expect(explainStartError(error, config('/d'))).toBe(
      'port 8787 on 127.0.0.1 is already in use (another mcpdash, or another program): stop that one, choose another port with --port <n>, or use --port 0 for any free port',
    );
  });
});
