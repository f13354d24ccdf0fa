// CSS colour strings -> RGB, and the WCAG 2 contrast ratio, for the check of colours a model set in a chart option.
import { NAMED_COLOURS } from './named-colours.ts';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const clamp255 = (v: number) => Math.max(0, Math.min(255, v));

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

/** Parses #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba(), hsl()/hsla() and CSS names; undefined for anything else. */
export function parseColour(input: string): Rgba | undefined {
  const s = input.trim().toLowerCase();
  if (s === 'transparent' || s === 'none') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED_COLOURS[s];
  if (named) return parseColour(named);
  const hex = /^#([0-9a-f]{3,8})$/.exec(s)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    if (full.length !== 6 && full.length !== 8) return undefined;
    const byte = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return { r: byte(0), g: byte(2), b: byte(4), a: full.length === 8 ? byte(6) / 255 : 1 };
  }
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(s);
  if (!fn) return undefined;
  const parts = fn[2]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const num = (p: string, scale: number) => (p.endsWith('%') ? (parseFloat(p) / 100) * scale : parseFloat(p));
  const alpha = parts[3] === undefined ? 1 : num(parts[3], 1);
  if (fn[1]!.startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((p) => clamp255(num(p, 255)));
    if ([r, g, b, alpha].some((v) => !Number.isFinite(v))) return undefined;
    return { r: r!, g: g!, b: b!, a: alpha };
  }
  const h = parseFloat(parts[0]!);
  const sat = parseFloat(parts[1]!) / 100;
  const light = parseFloat(parts[2]!) / 100;
  if ([h, sat, light, alpha].some((v) => !Number.isFinite(v))) return undefined;
  const [r, g, b] = hslToRgb(((h % 360) + 360) % 360, sat, light);
  return { r, g, b, a: alpha };
}

/** A translucent colour as it shows over an opaque background. */
export function over(colour: Rgba, background: Rgba): Rgba {
  const a = Math.max(0, Math.min(1, colour.a));
  return { r: colour.r * a + background.r * (1 - a), g: colour.g * a + background.g * (1 - a), b: colour.b * a + background.b * (1 - a), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio (1..21) of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function toHex({ r, g, b }: Rgba): string {
  return `#${[r, g, b].map((v) => Math.round(clamp255(v)).toString(16).padStart(2, '0')).join('')}`;
}
