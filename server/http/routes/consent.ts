// The consent page's API: what the page shows for a pending authorization request, and the owner's answer (CSRF
// token required; the password unless signed in, rate limited per address and in total).
import { Hono } from 'hono';
import type { ConsentDetails, ConsentSettled } from '../../dashboard/wire.ts';
import { z } from 'zod';
import type { AuthService } from '../../auth/service.ts';
import { UnauthorizedError } from '../../errors.ts';
import type { AuthLimits } from '../auth-limits.ts';
import type { AppEnv } from '../env.ts';
import { answerAppErrors, appErrorResponse } from '../error-response.ts';
import { jsonBody } from '../json-body.ts';
import { smallBodyLimit } from '../middleware/body-limit.ts';
import { checkOwnerPassword } from './owner-password.ts';
import { ownerSession } from '../middleware/owner-session.ts';

export interface ConsentRoutesDeps {
  auth: AuthService;
  limits: AuthLimits;
  secureCookies: boolean;
}

const answerBody = z.object({
  csrf: z.string().max(200).optional(),
  decision: z.enum(['approve', 'deny']),
  password: z.string().max(1000).optional(),
});

export function createConsentRoutes(deps: ConsentRoutesDeps): Hono<AppEnv> {
  const { auth } = deps;
  const app = new Hono<AppEnv>();
  app.onError(answerAppErrors(appErrorResponse));
  // A signed-in owner approves without typing the password again.
  // Bodies bounded in size and time before the session or the password is looked at.
  app.use('/api/consent/*', smallBodyLimit());
  app.use('/api/consent/*', ownerSession(auth.owner, deps.secureCookies));

  app.get('/api/consent/:id', (c) => {
    // Approved from the server's machine (`mcpdash owner approve`): the page goes on to the client.
    const redirectTo = auth.consentSettled(c.req.param('id'));
    if (redirectTo) return c.json({ redirectTo } satisfies ConsentSettled);
    const view = auth.consentView(c.req.param('id'));
    return c.json({ ...view, ownerSignedIn: c.get('owner') !== undefined, passwordSet: auth.owner.hasPassword() } satisfies ConsentDetails);
  });

  app.post('/api/consent/:id', async (c) => {
    const id = c.req.param('id');
    const body = await jsonBody(c, answerBody);
    // CSRF first: a forged answer is refused before it can cost a password attempt or change anything.
    auth.checkConsent(id, body.csrf);
    if (body.decision === 'approve' && !c.get('owner')) {
      if (!body.password) throw new UnauthorizedError('password_required', 'Type the owner password to approve.');
      await checkOwnerPassword(auth, deps.limits, c.get('clientAddress'), body.password);
    }
    return c.json({ redirectTo: await auth.answerConsent(id, body.decision) });
  });

  return app;
}
