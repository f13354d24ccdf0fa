// Which redirect URIs a client may register: https anywhere, http only to this machine, nothing that hides a target.
import { describe, expect, test } from 'bun:test';
import { redirectHost, redirectUriProblem } from '../../../server/auth/redirect-uri.ts';

describe('redirectUriProblem', () => {
  test.each([
    'https://claude.ai/api/mcp/auth_callback',
    'https://claude.com/api/mcp/auth_callback',
    'http://localhost:53682/callback',
    'http://127.0.0.1:8080/cb',
    'http://[::1]:9000/cb',
    'https://example.test/cb?keep=this',
  ])('takes %s', (uri) => {
    expect(redirectUriProblem(uri)).toBeUndefined();
  });

  test.each([
    ['http://evil.example/cb', 'must use https, or http to 127.0.0.1, [::1] or localhost'],
    ['javascript:alert(1)', 'must use https'],
    ['myapp://cb', 'must use https'],
    ['https://claude.ai/cb#frag', 'must not have a fragment'],
    ['https://claude.ai/cb#', 'must not have a fragment'],
    ['https://user:pw@claude.ai/cb', 'must not carry a user name or password'],
    ['/relative/cb', 'is not an absolute URL'],
    [`https://claude.ai/${'a'.repeat(2048)}`, 'longer than 2048 characters'],
  ])('refuses %s, saying why', (uri, why) => {
    expect(redirectUriProblem(uri)).toContain(why);
  });
});

describe('redirectHost', () => {
  test('shows host and port, the part a person can judge on the consent page', () => {
    expect(redirectHost('https://claude.ai/api/mcp/auth_callback')).toBe('claude.ai');
    expect(redirectHost('http://localhost:53682/callback')).toBe('localhost:53682');
  });
});
