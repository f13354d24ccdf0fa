// The OAuth 2.1 endpoints at the origin root (auth on): discovery documents, /authorize, /token, /register,
// /revoke. Thin: each parses its input, applies its per-address bound and calls the auth service.
import { Hono, type Context } from 'hono';
import { bodyLimit } from '../middleware/body-limit.ts';
import type { AuthService } from '../../auth/service.ts';
import { invalidClientMetadata, invalidRequest } from '../../auth/oauth-error.ts';
import { LimitError } from '../../errors.ts';
import { refuse, tooManyMessage, type AuthLimits } from '../auth-limits.ts';
import { authorizeErrorPage } from '../authorize-error-page.ts';
import type { AppEnv } from '../env.ts';
import { answerAppErrors, oauthErrorResponse } from '../error-response.ts';
import { readJson } from '../json-body.ts';
import type { RateLimiter } from '../rate-limit.ts';

export interface OAuthRoutesDeps {
  auth: AuthService;
  limits: AuthLimits;
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

async function formBody(c: Context): Promise<URLSearchParams> {
  if (!(c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    throw invalidRequest('Send the body as application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(await c.req.text());
}

const limited = (limiter: RateLimiter, c: Context<AppEnv>, what: string) => refuse(limiter.take(c.get('clientAddress')), what);

export function createOAuthRoutes(deps: OAuthRoutesDeps): Hono<AppEnv> {
  const { auth, limits } = deps;
  const app = new Hono<AppEnv>();
  // Every refusal here (OAuthRequestError, a rate limit, a body too large) leaves in the OAuth error shape.
  app.onError(answerAppErrors(oauthErrorResponse));
  const smallBody = bodyLimit({ maxBytes: 64 * 1024, tooLarge: () => new LimitError('The request body is larger than 64 KiB.') });

  // Discovery is public and the same for everyone: CORS-readable, like the SDK's own metadata router.
  const discovery = (body: object) => Response.json(body, { headers: { 'Access-Control-Allow-Origin': '*' } });
  app.get('/.well-known/oauth-authorization-server', () => discovery(auth.metadata()));
  // Both forms: clients differ in which they fetch (RFC 9728 path-aware, or the root).
  app.get('/.well-known/oauth-protected-resource/mcp', () => discovery(auth.resourceMetadata()));
  app.get('/.well-known/oauth-protected-resource', () => discovery(auth.resourceMetadata()));

  app.get('/authorize', async (c) => {
    // A browser is at the other end: a refusal is a page, not JSON.
    const decision = limits.authorize.take(c.get('clientAddress'));
    if (!decision.ok) return authorizeErrorPage(tooManyMessage('authorization requests from this address', decision.retryAfterSeconds), 429);
    const outcome = await auth.authorize(new URL(c.req.url).searchParams);
    if (outcome.kind === 'refused') return authorizeErrorPage(outcome.message);
    if (outcome.kind === 'redirect') return c.redirect(outcome.location, 302);
    // The request id travels in the fragment: it stays out of logs, proxies and Referer headers.
    return c.redirect(`consent#${outcome.requestId}`, 303);
  });

  app.post('/token', smallBody, async (c) => {
    limited(limits.token, c, 'token requests from this address');
    const answer = await auth.token(await formBody(c), c.req.header('authorization'));
    return c.json(answer, 200, NO_STORE);
  });

  app.post('/register', smallBody, async (c) => {
    // No per-address bound: behind a tunnel every client is one address, and a flood would lock out an ordinary
    // connect. The store bounds registrations instead (100, unused ones make room: store/auth-clients.ts).
    const body = await readJson(c, invalidClientMetadata);
    return c.json(await auth.register(body), 201, NO_STORE);
  });

  app.post('/revoke', smallBody, async (c) => {
    limited(limits.token, c, 'token requests from this address');
    await auth.revoke(await formBody(c), c.req.header('authorization'));
    return c.body(null, 200, NO_STORE);
  });

  return app;
}
