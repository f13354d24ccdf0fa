// The owner password: what a new one must be, and its argon2id hash (Bun.password). The password is never stored.
import { readFileSync } from 'node:fs';
import { PASSWORD_MAX } from '../dashboard/password-rules.ts';

// The rules live in the pure core so the setup page checks the same before it sends.
export { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../dashboard/password-rules.ts';

export function hashPassword(password: string): Promise<string> {
  return Bun.password.hash(password, { algorithm: 'argon2id' });
}

/** False for a wrong password and for a hash that cannot be read (never throws). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (password.length === 0 || password.length > PASSWORD_MAX) return false;
  return Bun.password.verify(password, hash).catch(() => false);
}

/** The first line of --owner-password-file (a trailing newline, as editors write, is not part of it). */
export function readPasswordFile(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.split(/\r?\n/, 1)[0] ?? '';
}
