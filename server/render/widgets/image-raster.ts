// Draws an image data URL on its own before it goes into the page: an SVG image is rasterised here with the embedded
// fonts (resvg draws an SVG nested in <image> with no fonts, so its <text> vanished), and a picture that draws nothing
// (undecodable, or blank) is found, so the snapshot says so instead of "No problems found".
import type { RenderAssets } from '../assets.ts';
import { encodeIndexedPng } from '../png-encode.ts';
import { quantize } from '../quantize.ts';
import { renderWith, svgSize, type Raster } from '../rasterize.ts';
import { escapeXml } from '../text.ts';
import { parseColour } from '../chart/color.ts';

export type DrawnImage = { ok: true; href: string } | { ok: false; reason: string };

/** Raster pictures are checked on a small copy: whether anything shows, not how it looks. */
const PROBE_EDGE = 48;

const anyVisible = (rgba: Uint8Array) => rgba.some((v, i) => (i & 3) === 3 && v > 8);

/** Flattens RGBA onto an opaque background (the PNG writer is for opaque, indexed pictures). */
function flatten(raster: Raster, background: string): Uint8Array {
  const bg = parseColour(background) ?? { r: 255, g: 255, b: 255, a: 1 };
  const out = new Uint8Array(raster.rgba.length);
  for (let i = 0; i < out.length; i += 4) {
    const a = raster.rgba[i + 3]! / 255;
    out[i] = raster.rgba[i]! * a + bg.r * (1 - a);
    out[i + 1] = raster.rgba[i + 1]! * a + bg.g * (1 - a);
    out[i + 2] = raster.rgba[i + 2]! * a + bg.b * (1 - a);
    out[i + 3] = 255;
  }
  return out;
}

/** The SVG text of a data URL (base64 or percent-encoded), or undefined when it cannot be read. */
function svgText(src: string): string | undefined {
  const comma = src.indexOf(',');
  if (comma < 0) return undefined;
  const data = src.slice(comma + 1);
  try {
    return src.slice(0, comma).includes(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
  } catch {
    return undefined;
  }
}

/**
 * The href to draw at `width` px wide on `background`, or why the picture cannot be drawn. An SVG is parsed by resvg
 * as a document of its own (never spliced into the page's markup). initResvg must have finished.
 */
export function drawImage(src: string, width: number, height: number, background: string, assets: RenderAssets): DrawnImage {
  const w = Math.max(1, Math.round(width));
  try {
    if (/^data:image\/svg\+xml/i.test(src)) {
      const own = svgText(src);
      if (own === undefined) return { ok: false, reason: 'the SVG data URL could not be decoded' };
      // Fitted into the box on both sides: a 1 x 100,000 SVG must not become a picture metres tall.
      const natural = svgSize(own, assets);
      if (!(natural.width > 0 && natural.height > 0)) return { ok: false, reason: 'the SVG has no size resvg can read' };
      const zoom = Math.min(w / natural.width, Math.max(1, Math.round(height)) / natural.height);
      const raster = renderWith(own, { fitTo: { mode: 'zoom', value: zoom } }, assets);
      if (!anyVisible(raster.rgba)) return { ok: false, reason: 'the SVG draws nothing (everything in it is transparent or outside its view box)' };
      const png = encodeIndexedPng(raster.width, raster.height, quantize(flatten(raster, background), 256));
      return { ok: true, href: `data:image/png;base64,${Buffer.from(png).toString('base64')}` };
    }
    const scale = Math.min(1, PROBE_EDGE / Math.max(w, height));
    const pw = Math.max(1, Math.round(w * scale));
    const ph = Math.max(1, Math.round(height * scale));
    const probe = renderWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${pw}" height="${ph}"><image width="${pw}" height="${ph}" href="${escapeXml(src)}"/></svg>`, {}, assets);
    if (!anyVisible(probe.rgba)) return { ok: false, reason: 'the picture could not be decoded (or is fully transparent), so the card shows nothing' };
    return { ok: true, href: src };
  } catch (error) {
    return { ok: false, reason: `the picture could not be read (${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'})` };
  }
}
