// URL allow-lists: which links may be live and which images may be shown (never another host's images).

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|svg\+xml)(;[a-z0-9=.+-]+)*,/i;

export function isAllowedImageSrc(src: unknown): src is string {
  return typeof src === 'string' && IMAGE_DATA_URL.test(src);
}

/** Only http(s) and mailto links are live; anything else (javascript:, data:, relative) is shown as text. */
export function safeLinkHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url.trim());
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
