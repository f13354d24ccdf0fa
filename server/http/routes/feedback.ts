// POST /dashboard/:id/feedback (mounted under /api): a person's answer, comment, click or message from the page.
// Anyone with the dashboard link may send (the people the owner shared it with); only from the page itself, JSON,
// small, and at a bounded rate per client address. A refused request stores nothing.
import { Hono, type Context } from 'hono';
import { bodyLimit } from '../middleware/body-limit.ts';
import { MAX_FEEDBACK_EVENT_BYTES } from '../../dashboard/answer-rules.ts';
import { AppError, ForbiddenError, LimitError, RateLimitError } from '../../errors.ts';
import { readJson } from '../json-body.ts';
import type { FeedbackService } from '../../feedback/service.ts';
import type { AppEnv } from '../env.ts';
import { createRateLimiter, type RateLimitOptions } from '../rate-limit.ts';
import { dashboardIdParam, dashboardNotFound } from './api.ts';
import { answerAppErrors, appErrorResponse } from '../error-response.ts';

export interface FeedbackRoutesDeps {
  feedback: FeedbackService;
  /** Origins the page is served from: requests from any other page (or none) are refused. */
  ownOrigins: () => ReadonlySet<string>;
  /** Sends per client address (default 30 a minute, in bursts of up to 30). */
  rateLimit?: Pick<RateLimitOptions, 'limit' | 'windowMs'>;
}

/** Set on every request by middleware/client-address.ts; this sub-app is mounted like the others, without the app's types. */
const clientAddressOf = (c: Context): string => (c as unknown as Context<AppEnv>).get('clientAddress') ?? 'local';

export function createFeedbackRoutes(deps: FeedbackRoutesDeps): Hono {
  const limiter = createRateLimiter({ limit: 30, windowMs: 60_000, ...deps.rateLimit });
  const app = new Hono();
  app.onError(answerAppErrors(appErrorResponse));

  app.post(
    '/dashboard/:id/feedback',
    async function sameOriginAndRate(c, next) {
      // Same origin only: a page elsewhere cannot make a visitor's browser answer for them.
      const origin = c.req.header('Origin');
      if (!origin || !deps.ownOrigins().has(origin)) {
        throw new ForbiddenError('forbidden_origin', 'Feedback is accepted only from the dashboard page itself (same origin).');
      }
      const decision = limiter.take(clientAddressOf(c));
      if (!decision.ok) {
        const seconds = decision.retryAfterSeconds;
        throw new RateLimitError(`Too many messages from this address: try again in ${seconds} s.`, seconds);
      }
      const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') throw new AppError('unsupported_media_type', 415, 'Send feedback as JSON (Content-Type: application/json).');
      await next();
    },
    bodyLimit({
      maxBytes: MAX_FEEDBACK_EVENT_BYTES,
      tooLarge: () => new LimitError(`At most ${MAX_FEEDBACK_EVENT_BYTES / 1024} KiB are accepted per message or answer: send less text.`),
    }),
    async (c) => {
      const id = dashboardIdParam(c.req.param('id'));
      if (!id) throw dashboardNotFound();
      const body = await readJson(c);
      const event = await deps.feedback.submit(id, body);
      return c.json({ id: event.id, at: event.at }, 201);
    },
  );

  return app;
}
