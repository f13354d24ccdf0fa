// The OAuth 2.1 endpoints at the origin root (auth on): discovery documents, /authorize, /token, /register,
// /revoke. Thin: each parses its input, applies its per-address bound and calls the auth service.
import { Hono, type Context } from 'hono';
import { bodyLimit } from '../middleware/body-limit.ts';
import type { AuthService } from '../../auth/service.ts';
import { OAuthRequestError } from '../../auth/oauth-error.ts';
import { RateLimitError } from '../../errors.ts';
import { findTooDeep, tooDeepMessage } from '../../json-depth.ts';
import { refuse, type AuthLimits } from '../auth-limits.ts';
import { authorizeErrorPage } from '../authorize-error-page.ts';
import type { AppEnv } from '../env.ts';
import { oauthErrorResponse, oauthRateLimitResponse } from '../error-response.ts';
import type { RateLimiter } from '../rate-limit.ts';

export interface OAuthRoutesDeps {
  auth: AuthService;
  limits: AuthLimits;
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** OAuth endpoint failures in the OAuth shape; anything else goes on to the app's error handler. */
function oauthFailure(error: unknown): Response {
  if (error instanceof OAuthRequestError) return oauthErrorResponse(error.error, error.description, error.status);
  if (error instanceof RateLimitError) return oauthRateLimitResponse(error);
  throw error;
}

async function formBody(c: Context): Promise<URLSearchParams> {
  if (!(c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    throw new OAuthRequestError('invalid_request', 'Send the body as application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(await c.req.text());
}

const limited = (limiter: RateLimiter, c: Context<AppEnv>, what: string) => refuse(limiter.take(c.get('clientAddress')), what);

export function createOAuthRoutes(deps: OAuthRoutesDeps): Hono<AppEnv> {
  const { auth, limits } = deps;
  const app = new Hono<AppEnv>();
  const smallBody = bodyLimit({ maxBytes: 64 * 1024, tooLarge: () => oauthErrorResponse('invalid_request', 'The request body is larger than 64 KiB.', 413) });

  // Discovery is public and the same for everyone: CORS-readable, like the SDK's own metadata router.
  const discovery = (body: object) => Response.json(body, { headers: { 'Access-Control-Allow-Origin': '*' } });
  app.get('/.well-known/oauth-authorization-server', () => discovery(auth.metadata()));
  // Both forms: clients differ in which they fetch (RFC 9728 path-aware, or the root).
  app.get('/.well-known/oauth-protected-resource/mcp', () => discovery(auth.resourceMetadata()));
  app.get('/.well-known/oauth-protected-resource', () => discovery(auth.resourceMetadata()));

  app.get('/authorize', async (c) => {
    try {
      limited(limits.authorize, c, 'authorization requests from this address');
    } catch (error) {
      if (error instanceof RateLimitError) return authorizeErrorPage(error.message, 429);
      throw error;
    }
    const outcome = await auth.authorize(new URL(c.req.url).searchParams);
    if (outcome.kind === 'refused') return authorizeErrorPage(outcome.message);
    if (outcome.kind === 'redirect') return c.redirect(outcome.location, 302);
    // The request id travels in the fragment: it stays out of logs, proxies and Referer headers.
    return c.redirect(`consent#${outcome.requestId}`, 303);
  });

  app.post('/token', smallBody, async (c) => {
    try {
      limited(limits.token, c, 'token requests from this address');
      const answer = await auth.token(await formBody(c), c.req.header('authorization'));
      return c.json(answer, 200, NO_STORE);
    } catch (error) {
      return oauthFailure(error);
    }
  });

  app.post('/register', smallBody, async (c) => {
    try {
      limited(limits.registration, c, 'registrations from this address');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new OAuthRequestError('invalid_client_metadata', 'The body is not JSON.');
      }
      const deep = findTooDeep(body, undefined, 'body');
      if (deep !== undefined) throw new OAuthRequestError('invalid_client_metadata', tooDeepMessage(deep));
      return c.json(await auth.register(body), 201, NO_STORE);
    } catch (error) {
      return oauthFailure(error);
    }
  });

  app.post('/revoke', smallBody, async (c) => {
    try {
      limited(limits.token, c, 'token requests from this address');
      await auth.revoke(await formBody(c), c.req.header('authorization'));
      return c.body(null, 200, NO_STORE);
    } catch (error) {
      return oauthFailure(error);
    }
  });

  return app;
}
