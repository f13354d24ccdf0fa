// Headers for every answer: the page may talk only to its own origin, is never cached, indexed or framed.
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Robots-Tag', 'noindex');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    // A link the AI put on the page (chart title, markdown) opens in a new tab that cannot reach back and
    // navigate this one (reverse tabnabbing).
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    // Hashed static assets set their own long-lived Cache-Control; everything else is live data.
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };
}
