// One server per data directory: a second one is refused with words that name the holder and the fix.
import { afterAll, describe, expect, test } from 'bun:test';
import { failureOf } from '../helpers/run-cli.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from '../../../server/store/data-dir-lock.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);


describe('lockDataDir', () => {
  test('a second holder of the same data dir is refused with the first one pid and the fix; after release it is free', async () => {
    const dir = tempDataDir();
    const first = await lockDataDir(dir);
    const refused = await failureOf(() => lockDataDir(dir));
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as Error).message).toBe(
      `another mcpdash server (pid ${process.pid}) is already running with --data-dir ${dir}: stop it first, or give this one its own --data-dir (the token and owner commands work while it runs)`,
    );
    expect(readFileSync(join(dir, 'server.lock'), 'utf8')).toBe(`${process.pid}\n`);
    first.release();
    (await lockDataDir(dir)).release();
  });
});
