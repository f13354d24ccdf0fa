// A tall page as a few tiles, each drawn at the laid-out width (zoom 1) and cut between rows of cards, instead of one
// strip scaled down until it is too small to read. Fewer palette colours buy room before any tile is left out.
import type { RenderAssets } from './assets.ts';
import { document, type Band } from './page.ts';
import { encodeIndexedPng } from './png-encode.ts';
import { quantize } from './quantize.ts';
import { rasterize, type Raster } from './rasterize.ts';

export interface TilePlan {
  /** Top of the tile in page px. */
  top: number;
  height: number;
}

export interface Tile extends TilePlan {
  png: Uint8Array;
  width: number;
}

/**
 * Claude shrinks an image past about 1.15 megapixels or 1568 px on its long edge before the model sees it; a tile
 * within both reaches the model at the size it was drawn.
 */
const MAX_TILE_PIXELS = 1_150_000;
const MAX_TILE_EDGE = 1568;
/** A cut between rows is preferred unless it leaves a tile shorter than this share of the most a tile may be. */
const MIN_FILL = 0.35;
/** Palette sizes tried in turn: 256 colours look like the page; 32 still keep text and series apart; 16 (4 bits a pixel) is the last resort before a tile is left out. */
const COLOUR_STEPS = [256, 128, 64, 32, 16];
/** About how big each palette's PNG is beside 256 colours' (measured on the example dashboard at 360-1280 px). */
const SIZE_AT: Record<number, number> = { 256: 1, 128: 0.96, 64: 0.91, 32: 0.83, 16: 0.67 };

export function maxTileHeight(width: number): number {
  return Math.max(200, Math.min(MAX_TILE_EDGE, Math.floor(MAX_TILE_PIXELS / width)));
}

/** Tiles top to bottom covering `height`, each cut at one of `cuts` (page y between rows) where one fits. */
export function planTiles(width: number, height: number, cuts: number[]): TilePlan[] {
  const most = maxTileHeight(width);
  const sorted = [...new Set(cuts.map(Math.round))].filter((c) => c > 0 && c < height).sort((a, b) => a - b);
  const plan: TilePlan[] = [];
  let top = 0;
  while (top < height) {
    if (height - top <= most) {
      plan.push({ top, height: height - top });
      break;
    }
    const limit = top + most;
    const cut = sorted.filter((c) => c <= limit && c - top >= most * MIN_FILL).pop() ?? limit;
    plan.push({ top, height: cut - top });
    top = cut;
  }
  return plan;
}

/**
 * One tile's document: only the bands it shows, moved up to its top. Only those: resvg-wasm 2.6 panics (and is left
 * unusable) on some pages when clipped groups lie wholly outside the canvas.
 */
function tileSvg(bands: Band[], width: number, tile: TilePlan, background: string): string {
  const bottom = tile.top + tile.height;
  const shown = bands.filter((b) => b.bottom > tile.top && b.top < bottom).map((b) => b.svg);
  return document(width, tile.height, background, `<g transform="translate(0 ${-tile.top})">${shown.join('')}</g>`);
}

const base64Chars = (bytes: number) => Math.ceil(bytes / 3) * 4;

export interface DrawnTiles {
  tiles: Tile[];
  /** Palette size used. */
  colours: number;
  /** Tiles of the plan left out because the result had no room for them (from the bottom). */
  dropped: TilePlan[];
}

/**
 * Draws every planned tile at zoom 1 within `budgetChars` of base64: with the richest palette that fits them all, else
 * with the smallest palette and as many tiles from the top as fit.
 */
export function drawTiles(bands: Band[], width: number, plan: TilePlan[], budgetChars: number, background: string, assets: RenderAssets): DrawnTiles {
  const rasters: Raster[] = plan.map((tile) => rasterize(tileSvg(bands, width, tile, background), 1, background, assets));
  const encode = (colours: number): { tiles: Tile[]; chars: number } => {
    const tiles = plan.map((tile, i) => {
      const r = rasters[i]!;
      return { ...tile, png: encodeIndexedPng(r.width, r.height, quantize(r.rgba, colours)), width: r.width, height: r.height };
    });
    return { tiles, chars: tiles.reduce((n, t) => n + base64Chars(t.png.length), 0) };
  };
  let colours = COLOUR_STEPS[0]!;
  let last = encode(colours);
  while (last.chars > budgetChars && colours > COLOUR_STEPS[COLOUR_STEPS.length - 1]!) {
    // Skip the palettes that cannot save enough (each try is a full encoding pass): the richest one expected to fit.
    const want = (SIZE_AT[colours]! * budgetChars) / last.chars;
    const steps = COLOUR_STEPS.filter((c) => c < colours);
    colours = steps.find((c) => SIZE_AT[c]! <= want) ?? steps[steps.length - 1]!;
    last = encode(colours);
  }
  if (last.chars <= budgetChars) return { tiles: last.tiles, colours, dropped: [] };
  const kept: Tile[] = [];
  let used = 0;
  for (const tile of last.tiles) {
    if (used + base64Chars(tile.png.length) > budgetChars) break;
    used += base64Chars(tile.png.length);
    kept.push(tile);
  }
  return { tiles: kept, colours, dropped: plan.slice(kept.length) };
}
