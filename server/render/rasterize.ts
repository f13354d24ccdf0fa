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
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background,
    font: {
      fontBuffers: [assets.sans, assets.sansBold, assets.mono],
      loadSystemFonts: false,
      defaultFontFamily: SANS,
      sansSerifFamily: SANS,
      serifFamily: SANS,
      monospaceFamily: MONO,
    },
  });
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
