// The owner password: what a new one must be, and its argon2id hash (Bun.password). The password is never stored.
import { readFileSync } from 'node:fs';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Why a chosen password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `The password needs at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `The password may have at most ${PASSWORD_MAX} characters.`;
  return undefined;
}

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
