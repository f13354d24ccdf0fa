import { afterAll, describe, expect, test } from 'bun:test';
import { appErrorResponse, jsonRpcErrorResponse, oauthErrorResponse } from '../../../server/http/error-response.ts';
import { ForbiddenError, LimitError, NotFoundError, RateLimitError, StorageFullError } from '../../../server/errors.ts';
import { invalidGrant } from '../../../server/auth/oauth-error.ts';
import { Hono } from 'hono';
import { createHttpApp } from '../../../server/http/app.ts';
import { answerAppErrors } from '../../../server/http/error-response.ts';
import { createLogger } from '../../../server/logger.ts';
import { createMcpRoutes } from '../../../server/http/routes/mcp.ts';
import type { McpEndpoint } from '../../../server/mcp/endpoint.ts';
import { rawPost, removeTempDirs, startAppsStoppedAfterEach } from '../helpers/test-app.ts';
import { authAppsStoppedAfterEach } from '../helpers/oauth-flow.ts';

const start = startAppsStoppedAfterEach();
const { startAuth } = authAppsStoppedAfterEach();
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
    const oauth = oauthErrorResponse(invalidGrant('Used already.'));
    expect(oauth.status).toBe(400);
    expect(await oauth.json()).toEqual({ error: 'invalid_grant', error_description: 'Used already.' });
    expect(oauth.headers.get('cache-control')).toBe('no-store');
    const limited = oauthErrorResponse(new RateLimitError('Too many.', 3));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toEqual({ error: 'temporarily_unavailable', error_description: 'Too many.' });
    const tooLarge = oauthErrorResponse(new LimitError('Too big.'));
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toBe('invalid_request');
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

  test('each protocol answers its own refusals: a body too large is OAuth JSON at /token and JSON-RPC at /mcp', async () => {
    const app = await startAuth({ maxBodyBytes: 1024 });
    const token = await fetch(`${app.url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `x=${'a'.repeat(70 * 1024)}` });
    expect(token.status).toBe(413);
    expect(token.headers.get('cache-control')).toBe('no-store');
    expect(await token.json()).toEqual({ error: 'invalid_request', error_description: 'The request body is larger than 64 KiB.' });
    const mcp = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'a'.repeat(2048) } }, { authorization: 'Bearer x' });
    // Access first: a request without a valid token never gets as far as the body.
    expect(mcp.status).toBe(401);
    const anonymous = await start({ maxBodyBytes: 1024 });
    const big = await rawPost(anonymous.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'a'.repeat(2048) } });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000, message: expect.stringContaining('1024 bytes') } });
  });

  test('a fault that is not an AppError, in any sub-app, is logged once and answered as a bare 500 without its message', async () => {
    const lines: string[] = [];
    const failing = new Hono();
    failing.onError(answerAppErrors(() => new Response('never', { status: 418 })));
    failing.get('/boom', () => {
      throw new Error('ENOENT /srv/secret/path');
    });
    failing.get('/refused', () => {
      throw new LimitError('Too big.');
    });
    failing.get('/full', () => {
      throw new StorageFullError('The data budget is used up.');
    });
    const endpoint = { handle: () => Promise.reject(new Error('db closed at /srv/secret')) } as unknown as McpEndpoint;
    const http = createHttpApp({
      logger: createLogger('error', (line) => lines.push(line)),
      guard: { host: '0.0.0.0', port: () => 80, publicUrl: undefined, allowedOrigins: [] },
      trustProxy: false,
      baseUrl: () => 'http://localhost',
      mcp: createMcpRoutes({ endpoint, maxBodyBytes: 1000 }),
      routes: [failing as never],
    });
    for (const res of [await http.request('/boom'), await http.request('/mcp', { method: 'POST', body: '{}' })]) {
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal error.' } });
      expect(text).not.toContain('secret');
    }
    // A refusal is answered by the sub-app and not logged as a fault; a server-side AppError is answered there and logged.
    expect((await http.request('/refused')).status).toBe(418);
    expect((await http.request('/full')).status).toBe(418);
    const faults = lines.filter((line) => line.includes('unhandled error'));
    expect(faults).toHaveLength(3);
    expect(faults.some((line) => line.includes('/full'))).toBe(true);
    expect(faults.some((line) => line.includes('/refused'))).toBe(false);
  });
});
