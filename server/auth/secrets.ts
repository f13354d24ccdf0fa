// Random tokens and codes, their SHA-256 (the only form stored), and constant-time comparison.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * 256 random bits, base64url, behind a short prefix that says what it is (secret scanners and people reading a
 * config file can tell an mcpdash token apart; the prefix adds no guessable structure to the random part).
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Opaque ids (client ids, grant ids): not secret, but unguessable all the same. */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('base64url')}`;
}

/** Hex SHA-256: every authenticated /mcp request hashes its token, and Bun's one-shot hash is ~5x node:crypto's. */
export function sha256(text: string): string {
  return Bun.SHA256.hash(text, 'hex');
}

/** PKCE S256 and friends: base64url(SHA-256(text)) without padding. */
export function sha256Base64Url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Equal strings, compared in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Token prefixes: access, refresh, static, authorization code, client secret, console session, setup code. */
export const PREFIX = {
  access: 'mcpd_at_',
  refresh: 'mcpd_rt_',
  static: 'mcpd_st_',
  code: 'mcpd_ac_',
  clientSecret: 'mcpd_cs_',
  session: 'mcpd_ss_',
  setup: 'mcpd_su_',
} as const;
