// What every widget kind produces for the snapshot: its body's size and drawing, a line for the account, its problems.
import type { Palette } from './theme.ts';
import type { Fonts } from './text.ts';
import type { Box, IdSource } from './svg.ts';
import type { RenderAssets } from './assets.ts';

export type HeightClass = 's' | 'm' | 'l';

export interface RenderContext {
  fonts: Fonts;
  palette: Palette;
  ids: IdSource;
  /** The fonts and resvg, for pictures drawn on their own first (images); without them images are not checked. */
  assets?: RenderAssets;
  /** Whether the page shows each card's Comment button (the dashboard takes feedback, as it does by default). */
  comments?: boolean;
  /** Palette index per series or item name for each chart widget (by id), shared across the dashboard as on the page. */
  chartColors?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface Body {
  /** Natural height of the body in px; a row may stretch the card taller. */
  height: number;
  /** The body's SVG inside `box` (the card's content box below the title, as tall as the row allows). */
  draw(box: Box): string;
  /** What the widget shows, in a few words, for the text account. */
  summary: string;
  /** What a person would notice, without the widget id (the caller prefixes it). */
  problems: string[];
}

/** The page's CSS in px (root font size 15 px): shared by the card frame and the bodies. */
export const CSS = {
  rem: 15,
  lineHeight: 1.5,
  gridGap: 15,
  card: { padX: 15, padY: 13.5, radius: 10, border: 1 },
  head: { titleSize: 14.25, height: 21.4, gap: 7.5 },
  note: { size: 12, gap: 7.5 },
  /** .chart, .image img, .code pre, .log and .table-scroll heights per widget height class. */
  chart: { s: 200, m: 300, l: 460 },
  image: { s: 160, m: 300, l: 560 },
  code: { s: 180, m: 320, l: 600 },
  log: { s: 130, m: 220, l: 420 },
  table: { s: 240, m: 420, l: 720 },
} as const;
