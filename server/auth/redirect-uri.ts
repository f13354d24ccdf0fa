// Redirect URIs a client may register: https, or http to this machine (native apps and CLI tools listen on
// loopback, RFC 8252 §7.3). Compared by exact string at authorization time.
import { isLoopback } from '../loopback.ts';

export const MAX_REDIRECT_URI = 2048;

/** Why a redirect URI cannot be registered, or undefined when it can. */
export function redirectUriProblem(uri: string): string | undefined {
  if (uri.length > MAX_REDIRECT_URI) return `redirect URI longer than ${MAX_REDIRECT_URI} characters`;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `redirect URI '${uri.slice(0, 100)}' is not an absolute URL`;
  }
  if (url.hash || uri.includes('#')) return 'a redirect URI must not have a fragment';
  if (url.username || url.password) return 'a redirect URI must not carry a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return `redirect URI '${uri.slice(0, 100)}' must use https, or http to 127.0.0.1, [::1] or localhost`;
}

/** The host people see on the consent page (host and port of the redirect URI). */
export function redirectHost(uri: string): string {
  return new URL(uri).host;
}
