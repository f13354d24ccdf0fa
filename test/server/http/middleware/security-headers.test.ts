// Every answer of the real app carries the page-safety headers DESIGN.md lists; dashboard data is never cached.
import { afterAll, describe, expect, test } from 'bun:test';
import { buildApp } from '../../../../server/app.ts';
import { silentLogger } from '../../../../server/logger.ts';
import { removeTempDirs, testConfig } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);

describe('security headers', () => {
  test('the page, the dashboard API and errors carry CSP, no-store, no-referrer, noindex and COOP', async () => {
    const app = buildApp(testConfig(), silentLogger);
    app.setPort(8787);
    try {
      const request = (path: string) => app.http.request(path, { headers: { host: '127.0.0.1:8787' } });
      const id = crypto.randomUUID();
      for (const response of [await request(`/dashboard/${id}`), await request(`/api/dashboard/${id}`), await request('/healthz')]) {
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("connect-src 'self'");
        expect(csp).not.toContain('unsafe-eval');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('x-robots-tag')).toBe('noindex');
        expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
    } finally {
      await app.close();
    }
  });
});
