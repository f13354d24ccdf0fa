// Shared by the renderer tests: schema-checked documents, the portfolio example, PNG decoding and pixel reading.
import { PNG } from 'pngjs';
import { DashboardSchema, type Dashboard } from '../../../server/dashboard/schema.ts';
import type { Box } from '../../../server/render/svg.ts';
import portfolio from '../../fixtures/portfolio.json';

/** A valid document (checked by the same schema as every write), so planted problems are things a model can send. */
export function docOf(widgets: unknown[], extra: Partial<Pick<Dashboard, 'title' | 'description' | 'theme'>> = {}): Dashboard {
  return DashboardSchema.parse({
    id: '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c',
    title: 'Snapshot test',
    theme: 'auto',
    revision: 4,
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    expiresAt: '2026-11-25T10:00:00.000Z',
    ...extra,
    widgets: structuredClone(widgets),
  });
}

export function portfolioDoc(extra: Partial<Pick<Dashboard, 'theme'>> = {}): Dashboard {
  return docOf(portfolio.widgets, { title: portfolio.title, description: portfolio.description, ...extra });
}

export const PORTFOLIO_IDS = portfolio.widgets.map((w) => w.id);

export type Rgb = [number, number, number];

export function decodePng(png: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(png));
}

export function pixel(image: PNG, x: number, y: number): Rgb {
  const o = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.data[o]!, image.data[o + 1]!, image.data[o + 2]!];
}

export const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
export const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** How many pixels inside `box` are within `tolerance` of one of `colours`. */
export function countNear(image: PNG, box: Box, colours: Rgb[], tolerance = 24): number {
  let count = 0;
  for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.height); y++) {
    for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.width); x++) {
      const p = pixel(image, x, y);
      if (colours.some((c) => distance(p, c) <= tolerance)) count++;
    }
  }
  return count;
}

/** The tiles of a snapshot put back together top to bottom, so boxes in page px can be read off one picture. */
export function stitch(tiles: { png: Uint8Array; top: number }[]): PNG {
  const decoded = tiles.map((t) => ({ top: t.top, png: decodePng(t.png) }));
  const width = decoded[0]!.png.width;
  const height = decoded.reduce((h, t) => Math.max(h, t.top + t.png.height), 0);
  const out = new PNG({ width, height });
  for (const t of decoded) PNG.bitblt(t.png, out, 0, 0, t.png.width, t.png.height, 0, t.top);
  return out;
}
