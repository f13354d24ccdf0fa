// The owner password: what a new one must be, the argon2id hash, and the password file's first line.
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword, passwordProblem, readPasswordFile, verifyPassword } from '../../../server/auth/password.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

describe('passwordProblem', () => {
  test('refuses fewer than 12 and more than 256 characters, saying the bound; takes an uncommon one in between', () => {
    expect(passwordProblem('12345678901')).toBe('The password needs at least 12 characters.');
    expect(passwordProblem('x'.repeat(257))).toBe('The password may have at most 256 characters.');
    expect(passwordProblem('x93847561029')).toBeUndefined();
    expect(passwordProblem('xy '.repeat(85))).toBeUndefined();
  });
});

describe('hashPassword and verifyPassword', () => {
  test('stores an argon2id hash, never the password, and recognises only the right password', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toStartWith('$argon2id$');
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct hors', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  test('answers false, never throws, for a hash it cannot read or a password past the bound', async () => {
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
    const hash = await hashPassword('x'.repeat(256));
    expect(await verifyPassword('x'.repeat(257), hash)).toBe(false);
  });
});

describe('readPasswordFile', () => {
  test('takes the first line without the newline an editor adds (LF or CRLF)', () => {
    const dir = tempDataDir();
    const unix = join(dir, 'unix');
    const windows = join(dir, 'windows');
    mkdirSync(dir, { recursive: true });
    writeFileSync(unix, 'secret words\nsecond line\n');
    writeFileSync(windows, 'secret words\r\n');
    expect(readPasswordFile(unix)).toBe('secret words');
    expect(readPasswordFile(windows)).toBe('secret words');
  });
});
