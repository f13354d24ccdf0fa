// One line per request at info: method, path (ids shortened: they are credentials), status, duration, session prefix.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import type { Logger } from '../../logger.ts';
import { uuidsIn } from '../../dashboard/document-rules.ts';

export function redactPath(path: string): string {
  return path.replace(uuidsIn(), (id) => `${id.slice(0, 8)}…`);
}

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    if (!logger.enabled('info')) return next();
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: redactPath(c.req.path).slice(0, 200),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      session: c.get('session'),
    });
  };
}
