import { describe, expect, test } from 'bun:test';
import { authBanner } from '../../../server/cli/auth-banner.ts';

const app = (over: Partial<Parameters<typeof authBanner>[0]> = {}) => ({ auth: true, owner: { source: 'stored' as const }, baseUrl: 'https://dash.example.com', dataDir: '/d', ...over });

describe('authBanner', () => {
  test('says auth is off, without alarm, when only this machine can reach the server', () => {
    const lines = authBanner(app({ auth: false, baseUrl: 'http://127.0.0.1:8787' }), { auth: false, host: '127.0.0.1' }).join('\n');
    expect(lines).toContain('Auth:         off (only this machine can reach it');
    expect(lines).not.toContain('WARNING');
  });

  test('says plainly that anyone can write when auth is off on a URL others reach', () => {
    for (const [baseUrl, host] of [['https://dash.example.com', '127.0.0.1'], ['http://localhost:8787', '0.0.0.0']] as const) {
      const lines = authBanner(app({ auth: false, baseUrl }), { auth: false, host }).join('\n');
      expect(lines).toContain('WARNING: anyone who reaches this URL can create and change dashboards');
    }
  });

  test('with auth on, prints the one-time setup link, or where the password came from', () => {
    const setup = authBanner(app({ owner: { source: 'none', setupLink: 'https://dash.example.com/setup#abc' } }), { auth: true, host: '127.0.0.1' }).join('\n');
    expect(setup).toContain('Owner setup:  https://dash.example.com/setup#abc');
    expect(setup).toContain('mcpdash owner reset --data-dir /d');
    const env = authBanner(app({ owner: { source: 'environment' } }), { auth: true, host: '127.0.0.1' }).join('\n');
    expect(env).toContain('password MCPDASH_OWNER_PASSWORD');
  });

  test('warns when tokens would cross the network without TLS', () => {
    const lines = authBanner(app({ baseUrl: 'http://192.168.1.20:8787' }), { auth: true, host: '0.0.0.0' }).join('\n');
    expect(lines).toContain('unencrypted');
  });
});
