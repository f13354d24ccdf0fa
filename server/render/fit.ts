// Rasterises the page small enough for its budget: an indexed PNG (palette of 256), at the largest scale that fits.
// A cheap low-resolution probe predicts the scale, so the full-size picture is normally drawn once. The width
// delivered is reported, never hidden.
import type { RenderAssets } from './assets.ts';
import { encodeIndexedPng } from './png-encode.ts';
import { quantize } from './quantize.ts';
import { rasterize } from './rasterize.ts';

/** Most pixels drawn in one pass (about 1200 x 3300): bounds resvg's memory however tall the page is. */
const MAX_PIXELS = 4_000_000;
const PROBE_ZOOM = 0.25;
/** Measured on dashboards: the PNG grows about as zoom^1.2 (text and edges more than area). */
const GROWTH = 1.2;
const AIM = 0.92;
const MAX_PASSES = 5;

export interface FittedPng {
  png: Uint8Array;
  width: number;
  height: number;
  /** Output px per page px (1 = as requested). */
  zoom: number;
}

function draw(svg: string, zoom: number, background: string, assets: RenderAssets): FittedPng {
  const raster = rasterize(svg, zoom, background, assets);
  return { png: encodeIndexedPng(raster.width, raster.height, quantize(raster.rgba, 256)), width: raster.width, height: raster.height, zoom };
}

const rescale = (zoom: number, bytes: number, budget: number) => zoom * ((budget * AIM) / bytes) ** (1 / GROWTH);

export function fitPng(svg: string, size: { width: number; height: number }, maxBytes: number, background: string, assets: RenderAssets): FittedPng {
  const ceiling = Math.min(1, Math.sqrt(MAX_PIXELS / (size.width * size.height)));
  let zoom = ceiling;
  if (ceiling > PROBE_ZOOM * 1.5) {
    const probe = draw(svg, PROBE_ZOOM, background, assets);
    zoom = Math.min(ceiling, rescale(PROBE_ZOOM, probe.png.length, maxBytes));
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fitted = draw(svg, zoom, background, assets);
    if (fitted.png.length <= maxBytes) return fitted;
    zoom = Math.min(zoom * 0.97, rescale(zoom, fitted.png.length, maxBytes));
  }
  throw new Error(`the picture did not fit in ${maxBytes} bytes after ${MAX_PASSES} passes`);
}
