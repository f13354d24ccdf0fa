// SVG -> RGBA with resvg (WebAssembly), initialised once per process, with only the embedded fonts: no system fonts.
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { RenderAssets } from './assets.ts';
import { MONO, SANS } from './svg.ts';

let initialised: Promise<void> | undefined;

export function initResvg(assets: RenderAssets): Promise<void> {
  initialised ??= initWasm(assets.wasm);
  initialised.catch(() => (initialised = undefined));
  return initialised;
}

export interface Raster {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Draws `svg` scaled by `zoom` on `background`. initResvg must have finished. */
export function rasterize(svg: string, zoom: number, background: string, assets: RenderAssets): Raster {
  return renderWith(svg, { fitTo: { mode: 'zoom', value: zoom }, background }, assets);
}

/** The embedded fonts only, with every generic family mapped to them. */
export function fontOptions(assets: RenderAssets) {
  return {
    fontBuffers: [assets.sans, assets.sansBold, assets.mono],
    loadSystemFonts: false,
    defaultFontFamily: SANS,
    sansSerifFamily: SANS,
    serifFamily: SANS,
    monospaceFamily: MONO,
  };
}

/** Draws `svg` with resvg and these options plus the embedded fonts; the pixels are RGBA (transparent where empty). */
export function renderWith(svg: string, options: { fitTo?: { mode: 'zoom'; value: number } | { mode: 'width'; value: number }; background?: string }, assets: RenderAssets): Raster {
  const resvg = new Resvg(svg, { ...options, font: fontOptions(assets) });
  try {
    const image = resvg.render();
    try {
      return { width: image.width, height: image.height, rgba: image.pixels };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** The size an SVG document declares, as resvg reads it (nothing is drawn). */
export function svgSize(svg: string, assets: RenderAssets): { width: number; height: number } {
  const resvg = new Resvg(svg, { font: fontOptions(assets) });
  try {
    return { width: resvg.width, height: resvg.height };
  } finally {
    resvg.free();
  }
}
