// DNS-rebinding and cross-site protection: Host must be one we serve (when bound to loopback), Origin one we trust.
import type { MiddlewareHandler } from 'hono';
import { isLoopback } from '../../loopback.ts';
import { ForbiddenError } from '../../errors.ts';
import { LOOPBACK_NAMES, ownOrigins } from '../origins.ts';

export interface HostOriginOptions {
  /** Bound address, e.g. 127.0.0.1, ::1, 0.0.0.0. */
  host: string;
  /** The actual bound port (known after listen). */
  port: () => number;
  publicUrl: string | undefined;
  allowedOrigins: string[];
}


export function hostOriginGuard(options: HostOriginOptions): MiddlewareHandler {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : undefined;
  // The port is known only after listen (--port 0), so the allow-lists are built on first use and whenever it changes.
  let builtFor = -1;
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const allowLists = () => {
    const port = options.port();
    if (port !== builtFor) {
      builtFor = port;
      allowedHosts = new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
      if (options.host.startsWith('127.') && options.host !== '127.0.0.1') allowedHosts.add(`${options.host}:${port}`);
      if (publicUrl) allowedHosts.add(publicUrl.host);
      allowedOrigins = ownOrigins(publicUrl, port);
      for (const origin of options.allowedOrigins) allowedOrigins.add(origin);
    }
    return { allowedHosts, allowedOrigins };
  };
  const checkHost = isLoopback(options.host);

  return async function hostOrigin(c, next) {
    const { allowedHosts, allowedOrigins } = allowLists();
    if (checkHost) {
      const host = (c.req.header('host') ?? '').toLowerCase();
      if (!allowedHosts.has(host)) {
        const hint = options.publicUrl
          ? `Allowed: localhost and ${publicUrl?.host}.`
          : 'If you reach mcpdash through a tunnel (cloudflared, Tailscale Funnel, ngrok), start it with --public-url https://<tunnel-host>.';
        throw new ForbiddenError('forbidden_host', `Host '${host.slice(0, 200)}' is not allowed. ${hint}`);
      }
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      throw new ForbiddenError('forbidden_origin', `Origin '${origin.slice(0, 200)}' is not allowed. Add it with --allowed-origin ${origin.slice(0, 200)} if you trust it.`);
    }
    await next();
  };
}
