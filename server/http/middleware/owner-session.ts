// The owner's console session: read from its cookie (HttpOnly, SameSite=Strict, Secure and __Host- on https) on
// the routes that need it, and the CSRF check for the console's state-changing requests.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { OwnerService } from '../../auth/owner.ts';
import { ForbiddenError, UnauthorizedError } from '../../errors.ts';
import { safeEqual } from '../../auth/secrets.ts';
import type { AppEnv } from '../env.ts';

/** The cookie's name: the __Host- prefix (https only) pins it to this origin, path / and Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-mcpdash_owner' : 'mcpdash_owner';
}

export function ownerSession(owner: OwnerService, secure: boolean): MiddlewareHandler<AppEnv> {
  const name = sessionCookieName(secure);
  return async function readOwnerSession(c, next) {
    c.set('owner', owner.session(getCookie(c, name)));
    await next();
  };
}

/** Signed in, and (for a change) the page's CSRF token in X-CSRF-Token: a cookie alone never changes anything. */
export function requireOwner(options: { csrf: boolean }): MiddlewareHandler<AppEnv> {
  return async function checkOwner(c, next) {
    const session = c.get('owner');
    if (!session) throw new UnauthorizedError('not_signed_in', 'Sign in to the console first.');
    if (options.csrf && !safeEqual(c.req.header('x-csrf-token') ?? '', session.csrf)) {
      throw new ForbiddenError('csrf_invalid', 'The request is missing the console CSRF token: reload the page.');
    }
    await next();
  };
}
