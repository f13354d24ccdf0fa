// dashboard_snapshot's engine: the dashboard (or one widget, larger) -> SVG as the page lays it out -> PNG within a
// size budget, plus the text account of what it shows and the problems a person would notice. Pure given its inputs:
// the document, the options and the embedded assets; no clock, no other I/O.
import { chartColorsByWidget } from '../dashboard/present/series-colors.ts';
import type { Dashboard } from '../dashboard/schema.ts';
import { toView, type DashboardView } from '../dashboard/view.ts';
import { loadRenderAssets, type RenderAssets } from './assets.ts';
import { writeAccount, type PictureInfo } from './account.ts';
import { CSS, type RenderContext } from './body.ts';
import { buildCard, innerWidth } from './card.ts';
import { parseFontMetrics } from './font-metrics.ts';
import { gridGeometry, placeItems, spanWidth, widgetSpan } from './grid.ts';
import { document, layoutPage, type Band, type PageRow, type WidgetBox } from './page.ts';
import { initResvg } from './rasterize.ts';
import { IdSource } from './svg.ts';
import type { Fonts } from './text.ts';
import { palette, type SnapshotTheme } from './theme.ts';
import { widgetBody } from './widget-body.ts';
import { NotFoundError } from '../errors.ts';
import { MAX_WIDTH, MIN_WIDTH } from './snapshot-options.ts';
import { drawTiles, planTiles, type Tile } from './tiles.ts';

export interface SnapshotOptions {
  width: number;
  theme: SnapshotTheme;
  /** Draw only this widget, across the whole width and at the large height. */
  widget?: string;
  /**
   * Characters the caller can spend on the picture (as base64) plus the account and the problems list (which a tool
   * result carries twice: in its text and in structuredContent).
   */
  budgetChars: number;
}

export interface Snapshot {
  /** The page top to bottom, each tile at the laid-out width (never scaled down); cut between rows of cards. */
  tiles: Tile[];
  /** The laid-out page width, which every tile has. */
  width: number;
  /** Height of the page drawn (the tiles' heights summed). */
  height: number;
  account: string;
  problems: string[];
  /** Each drawn widget's card and content box, in page px (a tile's top is where it starts). */
  boxes: WidgetBox[];
  /** Palette size of the tiles (256 unless fewer colours were needed to fit the budget). */
  colours: number;
  /** The SVG the PNG was drawn from (tests check it is well-formed). */
  svg: string;
}

let fontsOnce: Fonts | undefined;
function fontsOf(assets: RenderAssets): Fonts {
  fontsOnce ??= { sans: parseFontMetrics(assets.sans), bold: parseFontMetrics(assets.sansBold), mono: parseFontMetrics(assets.mono) };
  return fontsOnce;
}

/** One widget's box on the page, for its problems as the page shows them. */
function pageProblems(view: DashboardView, id: string, viewport: number, ctx: RenderContext): { summary: string; problems: string[] } {
  const geometry = gridGeometry(viewport);
  const index = view.widgets.findIndex((w) => w.id === id);
  const span = placeItems(geometry, view.widgets.map(widgetSpan))[index]!.span;
  const outer = spanWidth(geometry, span);
  const card = buildCard(view.widgets[index]!, widgetBody(view.widgets[index]!, innerWidth(outer), ctx), outer, ctx);
  return { summary: card.body.summary, problems: [...card.problems, ...card.body.problems] };
}

/** Each image's JSON envelope in the tool result ({"type":"image","data":"","mimeType":"image/png"}, ...). */
const TILE_ENVELOPE_CHARS = 80;

const MAX_PROBLEMS = 50;
const MAX_PROBLEM_CHARS = 400;

/** Enough problems to act on, each a line of bounded length: the result has a size budget. */
function capProblems(problems: string[]): string[] {
  const lines = problems.slice(0, MAX_PROBLEMS).map((p) => (p.length > MAX_PROBLEM_CHARS ? `${p.slice(0, MAX_PROBLEM_CHARS - 1)}…` : p));
  if (problems.length > MAX_PROBLEMS) lines.push(`(and ${problems.length - MAX_PROBLEMS} more problems not listed: fix these first, then take another snapshot)`);
  return lines;
}

export async function renderSnapshot(doc: Dashboard, options: SnapshotOptions): Promise<Snapshot> {
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, options.width)));
  const assets = await loadRenderAssets();
  await initResvg(assets);
  const view = toView(doc);
  const ctx: RenderContext = {
    fonts: fontsOf(assets),
    palette: palette(options.theme),
    ids: new IdSource(),
    assets,
    comments: doc.feedback !== false,
    chartColors: chartColorsByWidget(view.widgets),
  };

  let svg: string;
  let bands: Band[];
  let height: number;
  let boxes: WidgetBox[];
  let rows: PageRow[] = [];
  let notDrawn: string[] = [];
  let columns: number;
  let widgets: { id: string; kind: string; title?: string; summary: string }[];
  let problems: string[];
  if (options.widget !== undefined) {
    const widget = view.widgets.find((w) => w.id === options.widget);
    if (!widget) {
      throw new NotFoundError(`no widget "${options.widget}"; the dashboard has: ${view.widgets.map((w) => w.id).join(', ') || '(no widgets)'}. Call dashboard_snapshot again with one of these ids, or without "widget" for the whole page.`);
    }
    const geometry = gridGeometry(width);
    const card = buildCard(widget, widgetBody(widget, innerWidth(geometry.width), ctx, 'l'), geometry.width, ctx);
    height = Math.ceil(geometry.padTop + card.height + geometry.padBottom);
    const box = { x: geometry.left, y: geometry.padTop, width: geometry.width, height: card.height };
    const drawing = card.draw(box);
    svg = document(width, height, ctx.palette.bg, drawing);
    bands = [{ top: 0, bottom: height, svg: drawing }];
    boxes = [{ id: widget.id, kind: widget.kind, box, body: card.bodyBox! }];
    const onPage = pageProblems(view, widget.id, width, ctx);
    widgets = [{ id: widget.id, kind: widget.kind, title: widget.title, summary: onPage.summary }];
    problems = onPage.problems.map((p) => `${widget.id}: ${p}`);
    columns = geometry.columns;
  } else {
    const page = await layoutPage(view, width, ctx);
    ({ svg, bands, height, boxes, rows, notDrawn } = page);
    columns = page.geometry.columns;
    widgets = page.cards.map((c) => ({ id: c.widget.id, kind: c.widget.kind, title: c.widget.title, summary: c.body.summary }));
    problems = page.cards.flatMap((c) => [...c.problems, ...c.body.problems].map((p) => `${c.widget.id}: ${p}`));
  }

  problems = capProblems(problems);
  const cuts = [...new Set(boxes.map((b) => b.box.y))].map((y) => y - CSS.gridGap / 2);
  const plan = planTiles(width, height, cuts);
  const account = (picture: PictureInfo) =>
    writeAccount({ view, theme: options.theme, viewport: width, columns, picture, rows, widgets, problems, notDrawn, focus: options.widget });
  // The account's length barely depends on the tiles: measure it with the longest wording (every tile left out).
  const textChars = account({ width, tiles: plan, cutOff: widgets.map((w) => w.id) }).length + JSON.stringify(problems).length;
  const budget = options.budgetChars - textChars - plan.length * TILE_ENVELOPE_CHARS;
  if (budget < 8_000) throw new Error('no room left for the picture after the account');
  const drawn = drawTiles(bands, width, plan, budget, ctx.palette.bg, assets);
  const shownTo = drawn.dropped[0]?.top;
  const cutOff = shownTo === undefined ? [] : boxes.filter((b) => b.box.y + b.box.height > shownTo).map((b) => b.id);
  return {
    tiles: drawn.tiles,
    width,
    height: drawn.tiles.reduce((sum, t) => sum + t.height, 0),
    account: account({ width, tiles: drawn.tiles, cutOff }),
    problems,
    boxes,
    colours: drawn.colours,
    svg,
  };
}
