// A client's self-chosen name as the consent page and console show it: plain text, one line, bounded. It is
// rendered as a text node; this only keeps it readable (no control characters, no wall of text).

export const CLIENT_NAME_MAX = 100;

export function displayName(name: string | null | undefined, fallback: string): string {
  // Control and formatting characters (including bidi overrides that could reorder what the owner reads).
  const cleaned = (name ?? '').replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned) return fallback;
  return cleaned.length > CLIENT_NAME_MAX ? `${cleaned.slice(0, CLIENT_NAME_MAX - 1)}…` : cleaned;
}
