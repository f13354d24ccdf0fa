// The owner console's API: sign-in and sign-out (an HttpOnly, SameSite=Strict cookie), the setup link's password
// choice, and for the signed-in owner the dashboards, connected clients, static tokens and data used, with
// delete and revoke. Every change needs the session's CSRF token.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AuthService } from '../../auth/service.ts';
import { SESSION_TTL_MS } from '../../auth/owner.ts';
import { NotFoundError, UnauthorizedError } from '../../errors.ts';
import type { DashboardListing } from '../../store/dashboard-list.ts';
import type { AuthLimits } from '../auth-limits.ts';
import type { AppEnv } from '../env.ts';
import { answerAppErrors, appErrorResponse } from '../error-response.ts';
import { jsonBody } from '../json-body.ts';
import { smallBodyLimit } from '../middleware/body-limit.ts';
import { ownerSession, requireOwner, sessionCookieName } from '../middleware/owner-session.ts';
import { checkOwnerPassword } from './owner-password.ts';

/** The data in use and the budget (--max-data), for the console. */
export interface Usage {
  usedBytes: number;
  budgetBytes?: number;
}

export interface ConsoleRoutesDeps {
  auth: AuthService;
  limits: AuthLimits;
  /** Whether /mcp needs a token (the console says so). */
  authOn: boolean;
  /** Cookies marked Secure (and __Host-): the public URL is https. */
  secureCookies: boolean;
  dashboards: {
    list(): { items: DashboardListing[]; total: number };
    /** Deletes a dashboard now (its viewers see it end); false when there is none. */
    delete(id: string): Promise<boolean>;
  };
  usage: () => Usage;
  baseUrl: () => string;
}

const passwordBody = z.object({ password: z.string().max(1000) });
const setupBody = z.object({ code: z.string().min(1).max(200), password: z.string().max(1000) });
const idBody = z.object({ id: z.string().min(1).max(2048) });
const nameBody = z.object({ name: z.string().min(1).max(64) });
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function createConsoleRoutes(deps: ConsoleRoutesDeps): Hono<AppEnv> {
  const { auth } = deps;
  const app = new Hono<AppEnv>();
  app.onError(answerAppErrors(appErrorResponse));
  const cookie = sessionCookieName(deps.secureCookies);
  // Bodies bounded in size and time before the session or the password is looked at.
  app.use('/api/console/*', smallBodyLimit());
  app.use('/api/console/*', ownerSession(auth.owner, deps.secureCookies));

  const signIn = async (c: Context<AppEnv>) => {
    const session = await auth.owner.signIn();
    setCookie(c, cookie, session.sessionToken, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.json({ signedIn: true, csrf: session.csrf });
  };

  app.get('/api/console/session', (c) => {
    const session = c.get('owner');
    return c.json({
      signedIn: session !== undefined,
      passwordSet: auth.owner.hasPassword(),
      auth: deps.authOn,
      mcpUrl: `${deps.baseUrl()}/mcp`,
      ...(session ? { csrf: session.csrf } : {}),
    });
  });

  app.post('/api/console/sign-in', async (c) => {
    const { password } = await jsonBody(c, passwordBody);
    await checkOwnerPassword(auth, deps.limits, c.get('clientAddress'), password);
    return signIn(c);
  });

  app.post('/api/console/setup', async (c) => {
    const { code, password } = await jsonBody(c, setupBody);
    // The code is 256 random bits; the bound is there so that nobody gets to try many anyway.
    const address = c.get('clientAddress');
    await deps.limits.passwordAttempt(address);
    try {
      await auth.owner.completeSetup(code, password);
    } catch (error) {
      // A wrong code counts like a wrong password; a refused password (too short, common) does not.
      if (error instanceof UnauthorizedError) deps.limits.passwordFailed(address);
      throw error;
    }
    return signIn(c);
  });

  app.post('/api/console/sign-out', requireOwner({ csrf: true }), async (c) => {
    const token = getCookie(c, cookie);
    if (token) await auth.owner.signOut(token);
    deleteCookie(c, cookie, { path: '/', secure: deps.secureCookies });
    return c.json({ signedIn: false });
  });

  app.get('/api/console/overview', requireOwner({ csrf: false }), (c) => {
    const dashboards = deps.dashboards.list();
    return c.json({
      dashboards,
      clients: auth.connectedClients().map((client) => ({ ...client, createdAt: iso(client.createdAt), lastUsedAt: iso(client.lastUsedAt) })),
      tokens: auth.staticTokens.list().map((token) => ({ ...token, createdAt: iso(token.createdAt), lastUsedAt: iso(token.lastUsedAt) })),
      usage: deps.usage(),
      passwordAttempts: (({ locked, slowed }) => ({ locked: locked.map((l) => ({ ...l, until: new Date(l.until).toISOString() })), slowed }))(deps.limits.passwordState()),
    });
  });

  app.post('/api/console/dashboards/delete', requireOwner({ csrf: true }), async (c) => {
    const { id } = await jsonBody(c, idBody);
    if (!(await deps.dashboards.delete(id))) throw new NotFoundError('There is no such dashboard (it may have expired).');
    return c.json({ deleted: id });
  });

  app.post('/api/console/clients/revoke', requireOwner({ csrf: true }), async (c) => {
    const { id } = await jsonBody(c, idBody);
    if (!(await auth.revokeClient(id))) throw new NotFoundError('There is no such client.');
    return c.json({ revoked: id });
  });

  app.post('/api/console/tokens/revoke', requireOwner({ csrf: true }), async (c) => {
    const { name } = await jsonBody(c, nameBody);
    if (!(await auth.staticTokens.revoke(name))) throw new NotFoundError('There is no token with that name.');
    return c.json({ revoked: name });
  });

  return app;
}
