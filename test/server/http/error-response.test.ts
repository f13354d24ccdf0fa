import { afterAll, describe, expect, test } from 'bun:test';
import { appErrorResponse, jsonRpcErrorResponse, oauthErrorResponse, oauthRateLimitResponse } from '../../../server/http/error-response.ts';
import { ForbiddenError, NotFoundError, RateLimitError } from '../../../server/errors.ts';
import { removeTempDirs, startAppsStoppedAfterEach } from '../helpers/test-app.ts';

const start = startAppsStoppedAfterEach();
afterAll(removeTempDirs);

describe('error responses', () => {
  test('an AppError answers its status and { error: { code, message } }; a rate limit adds Retry-After', async () => {
    const notFound = appErrorResponse(new NotFoundError('No such thing.'));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: 'not_found', message: 'No such thing.' } });
    const limited = appErrorResponse(new RateLimitError('Slow down.', 7));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
  });

  test('anything that is not an AppError is a bare 500 that leaks nothing', async () => {
    const res = appErrorResponse(new Error('ECONNRESET at /secret/path'));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Internal error.' } });
  });

  test('OAuth errors use the OAuth shape and are not cached; refusals in front of /mcp are JSON-RPC', async () => {
    const oauth = oauthErrorResponse('invalid_grant', 'Used already.');
    expect(await oauth.json()).toEqual({ error: 'invalid_grant', error_description: 'Used already.' });
    expect(oauth.headers.get('cache-control')).toBe('no-store');
    const limited = oauthRateLimitResponse(new RateLimitError('Too many.', 3));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const rpc = jsonRpcErrorResponse(new ForbiddenError('x', 'Nope.'));
    expect(rpc.status).toBe(403);
    expect(await rpc.json()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Nope.' } });
  });

  test('the app answers unknown routes, static misses, the API and the host guard in the one shape', async () => {
    const app = await start();
    for (const path of ['/nope', '/assets/missing.js', '/api/dashboard/not-an-id']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const foreign = await fetch(`${app.url}/healthz`, { headers: { host: 'evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden_host' } });
  });
});
