import { describe, expect, test } from 'bun:test';
import { createHash } from 'node:crypto';
import { newSecret, safeEqual, sha256, sha256Base64Url } from '../../../server/auth/secrets.ts';

describe('secrets', () => {
  test('sha256 is the standard hex digest (stored token hashes must keep matching across releases)', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newSecret('mcpd_');
    expect(sha256(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(sha256('héllo ✓')).toBe(createHash('sha256').update('héllo ✓').digest('hex'));
  });

  test('PKCE S256 is base64url without padding (RFC 7636 appendix B)', () => {
    expect(sha256Base64Url('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  test('new secrets carry their prefix and 256 random bits; safeEqual compares whole strings', () => {
    const a = newSecret('mcpd_');
    expect(a).toMatch(/^mcpd_[A-Za-z0-9_-]{43}$/);
    expect(newSecret('mcpd_')).not.toBe(a);
    expect(safeEqual(a, a)).toBe(true);
    expect(safeEqual(a, `${a}x`)).toBe(false);
    expect(safeEqual(a, a.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
  });
});
