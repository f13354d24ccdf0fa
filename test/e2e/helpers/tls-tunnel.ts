// A stand-in for cloudflared: an https endpoint with a certificate made at test time for a made-up host name,
// forwarding every request (Host kept, as a tunnel does) to the binary on loopback. Chromium reaches it through a
// host mapping that trusts the certificate; this process reaches it through tunnelFetch.
import { selfSignedCert, type TestCert } from '../../server/helpers/tls-cert.ts';

export const TUNNEL_HOST = 'mcpdash.test';

export interface TlsTunnel {
  /** https://mcpdash.test:<port>: what the binary gets as --public-url. */
  publicUrl: string;
  cert: TestCert;
  /** Where requests go, e.g. http://127.0.0.1:<binary port> (set once the binary is up). */
  setUpstream(url: string): void;
  /** fetch for this process: requests to publicUrl go to the tunnel with the certificate verified. */
  fetch: typeof fetch;
  /** Chromium flags: resolve the tunnel host to loopback and accept the test certificate. */
  chromiumArgs: string[];
  stop(): void;
}

export function startTlsTunnel(): TlsTunnel {
  const cert = selfSignedCert(TUNNEL_HOST);
  let upstream = '';
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    tls: { cert: cert.cert, key: cert.key },
    idleTimeout: 60,
    async fetch(request) {
      if (!upstream) return new Response('tunnel has no upstream yet', { status: 502 });
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      // Bodies pass through as they are: asked for gzip, the binary would compress what this fetch then unpacks
      // while keeping the Content-Encoding header (and without the header Bun's fetch asks for gzip itself).
      headers.set('accept-encoding', 'identity');
      return fetch(`${upstream}${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: request.body,
        redirect: 'manual',
        // @ts-expect-error Bun's fetch streams a request body with duplex half
        duplex: 'half',
      });
    },
  });
  const publicHost = `${TUNNEL_HOST}:${server.port}`;
  const tunnelFetch = ((input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : input.toString());
    if (url.host !== publicHost) return fetch(input, init);
    const headers = new Headers(init?.headers ?? request?.headers);
    headers.set('host', publicHost);
    url.host = `127.0.0.1:${server.port}`;
    return fetch(url, {
      method: init?.method ?? request?.method,
      body: init?.body ?? request?.body,
      redirect: init?.redirect ?? 'manual',
      signal: init?.signal ?? request?.signal,
      headers,
      tls: { ca: cert.cert, serverName: TUNNEL_HOST },
    } as RequestInit);
  }) as typeof fetch;
  return {
    publicUrl: `https://${publicHost}`,
    cert,
    setUpstream: (url) => (upstream = url),
    fetch: tunnelFetch,
    chromiumArgs: [`--host-resolver-rules=MAP ${TUNNEL_HOST} 127.0.0.1`, '--ignore-certificate-errors'],
    stop: () => server.stop(true),
  };
}
