// Recognises a dashboard reference a model passes back: a bare id or a dashboard URL from any host.
import { DASHBOARD_ID_PATTERN, UUID_ANY_CASE_PATTERN as UUID_ANY_CASE } from './document-rules.ts';

/** True for a stored-form dashboard id (a lower-case UUID). */
export function isDashboardId(s: unknown): s is string {
  return typeof s === 'string' && DASHBOARD_ID_PATTERN.test(s);
}

/**
 * A bare UUID, or an absolute URL whose path ends in /dashboard/<uuid> (host ignored: the model may have the
 * tunnel URL, the localhost URL or an old public URL), -> the lower-cased id; anything else -> undefined.
 */
export function parseDashboardRef(ref: string): string | undefined {
  const text = ref.trim();
  if (UUID_ANY_CASE.test(text)) return text.toLowerCase();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const match = /\/dashboard\/([^/]+)\/?$/.exec(url.pathname);
  const id = match?.[1];
  return id !== undefined && UUID_ANY_CASE.test(id) ? id.toLowerCase() : undefined;
}
