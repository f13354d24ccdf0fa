// The value types of command-line options, as zod schemas from text: durations, sizes, origins, bounded integers.
import { z } from 'zod';

/** "90s", "30m", "24h", "7d", "250ms" -> milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Number(match[1]) * unit;
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : undefined;
}

/** "4mb", "512kb", "1048576" -> bytes. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+)(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  const bytes = Number(match[1]) * unit;
  return bytes > 0 ? bytes : undefined;
}

export const duration = (what: string) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like 90s, 30m or 24h for ${what}` });
      return z.NEVER;
    }
    return ms;
  });

export const durationAtLeast = (what: string, minMs: number, minText: string) =>
  duration(what).refine((ms) => ms >= minMs, `expected a duration of at least ${minText} for ${what}`);

export const size = (what: string) =>
  z.string().transform((text, ctx) => {
    const bytes = parseSize(text);
    if (bytes === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a size like 4mb or 512kb for ${what}` });
      return z.NEVER;
    }
    return bytes;
  });

export const origin = z.string().transform((text, ctx) => {
  try {
    const url = new URL(text);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== 'null') return url.origin;
  } catch {
    // fall through to the issue below
  }
  ctx.addIssue({ code: 'custom', message: 'expected an origin like https://claude.ai' });
  return z.NEVER;
});

export const intIn = (min: number, max: number) =>
  z.string().regex(/^\d+$/, `expected a whole number from ${min} to ${max}`).transform(Number).pipe(z.number().int().min(min, `expected a whole number from ${min} to ${max}`).max(max, `expected a whole number from ${min} to ${max}`));
