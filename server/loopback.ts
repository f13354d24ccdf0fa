// Whether a host name or address stays on this machine: decides the auth default and the Host check.

/** A bound address or URL host (brackets allowed) that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

/** Whether others may reach the server: it listens beyond loopback, or its public URL is not a loopback one. */
export function reachableFromOutside(boundHost: string, baseUrl: string): boolean {
  return !isLoopback(boundHost) || !isLoopback(new URL(baseUrl).hostname);
}
