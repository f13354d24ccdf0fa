// The whole page as the browser lays it out at one viewport width: title and description, then the widget grid row by
// row (each row as tall as its tallest card, every card stretched to it). Returns the SVG, its size and each box.
import type { DashboardView, WidgetView } from '../dashboard/view.ts';
import { CSS, type RenderContext } from './body.ts';
import { buildCard, innerWidth, type Card } from './card.ts';
import { gridGeometry, placeItems, spanWidth, widgetSpan, type GridGeometry } from './grid.ts';
import { baseline, rect, text, type Box } from './svg.ts';
import { wrap, wrapAtSpaces } from './text.ts';
import { widgetBody } from './widget-body.ts';

const TITLE = { size: 24, line: 30 };
const DESCRIPTION = { size: 15, line: 22.5, gap: 5.25, maxWidth: 600 };
const HEAD_GAP = 18.75;
/** Past this the picture stops (200 tall widgets would make a page metres long); the account says what was left out. */
export const MAX_PAGE_HEIGHT = 9000;

export interface WidgetBox {
  id: string;
  kind: WidgetView['kind'];
  /** The card, in page px. */
  box: Box;
  /** The widget's content inside the card (a chart's drawing area). */
  body: Box;
}

export interface PageRow {
  widgets: { id: string; span: number }[];
}

/** A horizontal slice of the page's drawing (the head, or one row of cards) and the page px it covers. */
export interface Band {
  top: number;
  bottom: number;
  svg: string;
}

export interface LaidOutPage {
  svg: string;
  /** The same drawing as horizontal slices, so a tile draws only what it shows. */
  bands: Band[];
  width: number;
  height: number;
  geometry: GridGeometry;
  rows: PageRow[];
  boxes: WidgetBox[];
  cards: Card[];
  /** Widgets below MAX_PAGE_HEIGHT, not drawn. */
  notDrawn: string[];
}

/** Lets other requests run between widgets: a 20-chart page is many small steps, not one long block. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function layoutPage(view: DashboardView, viewport: number, ctx: RenderContext): Promise<LaidOutPage> {
  const { fonts, palette } = ctx;
  const geometry = gridGeometry(viewport);
  const out: string[] = [];
  let y = geometry.padTop;
  // The page's h1 wraps (only its first few lines are drawn here: a title is at most a couple of hundred characters).
  for (const l of wrapAtSpaces(view.title, geometry.width, (t) => fonts.bold.width(t, TITLE.size)).lines.slice(0, 6)) {
    out.push(text(geometry.left, baseline(y, TITLE.line, TITLE.size), l, { font: 'bold', size: TITLE.size, fill: palette.text }));
    y += TITLE.line;
  }
  if (view.description) {
    y += DESCRIPTION.gap;
    for (const l of wrap(view.description, Math.min(DESCRIPTION.maxWidth, geometry.width), DESCRIPTION.size, fonts.sans, 4).lines) {
      out.push(text(geometry.left, baseline(y, DESCRIPTION.line, DESCRIPTION.size), l, { font: 'sans', size: DESCRIPTION.size, fill: palette.muted }));
      y += DESCRIPTION.line;
    }
  }
  y += HEAD_GAP;
  const bands: Band[] = [{ top: 0, bottom: y, svg: out.join('') }];
  out.length = 0;

  const placements = placeItems(geometry, view.widgets.map(widgetSpan));
  const rows: PageRow[] = [];
  const boxes: WidgetBox[] = [];
  const cards: Card[] = [];
  const notDrawn: string[] = [];
  let index = 0;
  while (index < view.widgets.length) {
    const row = placements[index]!.row;
    const members: number[] = [];
    while (index < view.widgets.length && placements[index]!.row === row) members.push(index++);
    if (y > MAX_PAGE_HEIGHT) {
      notDrawn.push(...members.map((i) => view.widgets[i]!.id));
      continue;
    }
    const rowCards: Card[] = [];
    for (const i of members) {
      const widget = view.widgets[i]!;
      const outer = spanWidth(geometry, placements[i]!.span);
      rowCards.push(buildCard(widget, widgetBody(widget, innerWidth(outer), ctx), outer, ctx));
      if (widget.kind === 'chart') await breathe();
    }
    const height = Math.max(...rowCards.map((c) => c.height));
    rows.push({ widgets: members.map((i) => ({ id: view.widgets[i]!.id, span: placements[i]!.span })) });
    members.forEach((i, k) => {
      const card = rowCards[k]!;
      const p = placements[i]!;
      const box = { x: geometry.left + p.column * (geometry.column + CSS.gridGap), y, width: spanWidth(geometry, p.span), height };
      out.push(card.draw(box));
      boxes.push({ id: card.widget.id, kind: card.widget.kind, box, body: card.bodyBox! });
      cards.push(card);
    });
    bands.push({ top: y, bottom: y + height, svg: out.join('') });
    out.length = 0;
    y += height + CSS.gridGap;
  }
  if (view.widgets.length === 0) {
    const box = { x: geometry.left, y, width: geometry.width, height: 120 };
    out.push(rect(box, { stroke: palette.border, rx: 10 }));
    out.push(text(box.x + box.width / 2, baseline(box.y + 30, 30, 19.5), 'Nothing here yet', { font: 'bold', size: 19.5, fill: palette.muted, anchor: 'middle' }));
    out.push(text(box.x + box.width / 2, baseline(box.y + 66, 22.5, 15), 'Widgets appear here as soon as the assistant writes them.', { font: 'sans', size: 15, fill: palette.muted, anchor: 'middle' }));
    bands.push({ top: y, bottom: y + box.height, svg: out.join('') });
    y += box.height + CSS.gridGap;
  }
  const height = Math.ceil(y - CSS.gridGap + geometry.padBottom);
  return { svg: document(viewport, height, palette.bg, bands.map((b) => b.svg).join('')), bands, width: viewport, height, geometry, rows, boxes, cards, notDrawn };
}

export function document(width: number, height: number, background: string, content: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${background}"/>${content}</svg>`
  );
}
