// Who is asking, for per-client bounds: the socket's address, or with --trust-proxy the address the proxy in
// front (cloudflared, a reverse proxy) reports. Without --trust-proxy forwarded headers are ignored: any client
// can write them, so trusting them would let one client pose as many. A loopback peer that sends them is a tunnel
// or proxy on this machine (cloudflared, Tailscale): every client then looks like 127.0.0.1 and shares one set of
// per-address bounds, so the server says once that --trust-proxy is missing.
import type { MiddlewareHandler } from 'hono';
import { isLoopback } from '../../loopback.ts';
import type { AppEnv } from '../env.ts';

export interface ClientAddressOptions {
  trustProxy: boolean;
  /** Called once, the first time a loopback peer sends forwarded headers while trustProxy is off. */
  onUntrustedProxy?: (header: string) => void;
}

/** Bun's server, which Hono on Bun passes as `c.env`: the only way to the socket's address. */
interface SocketInfo {
  requestIP?: (request: Request) => { address: string } | null;
}

/** The client address a trusted proxy put in the request, or undefined when it put none. */
export function forwardedAddress(headers: Headers): string | undefined {
  const cloudflare = headers.get('cf-connecting-ip')?.trim();
  if (cloudflare) return cloudflare.slice(0, 64);
  // Each proxy appends the address it saw; the last entry was written by the proxy we trust, the rest by anyone.
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last ? last.slice(0, 64) : undefined;
}

/** The forwarded header a request carries, if any. */
function forwardedHeader(headers: Headers): string | undefined {
  return ['cf-connecting-ip', 'x-forwarded-for'].find((name) => headers.has(name));
}

export function clientAddress(options: ClientAddressOptions): MiddlewareHandler<AppEnv> {
  let noticed = !options.onUntrustedProxy || options.trustProxy;
  return async function setClientAddress(c, next) {
    const socket = (c.env as SocketInfo | undefined)?.requestIP?.(c.req.raw)?.address;
    const forwarded = options.trustProxy ? forwardedAddress(c.req.raw.headers) : undefined;
    if (!noticed && socket !== undefined && isLoopback(socket.replace(/^::ffff:/, ''))) {
      const header = forwardedHeader(c.req.raw.headers);
      if (header) {
        noticed = true;
        options.onUntrustedProxy?.(header);
      }
    }
    // 'local' covers app.request() in tests and any runtime without a socket address: one shared bucket.
    c.set('clientAddress', forwarded ?? socket ?? 'local');
    await next();
  };
}
