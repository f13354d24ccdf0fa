// The origins this server's own pages are served from: the loopback names with the bound port, and the public URL's.
// One definition for the host/origin guard (which adds --allowed-origin) and the page feedback check (which does not).
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

export function ownOrigins(url: string | URL | undefined, port: number): Set<string> {
  const origins = new Set<string>(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
  if (url !== undefined) origins.add(new URL(url).origin);
  return origins;
}
