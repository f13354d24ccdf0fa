// dashboard_snapshot's engine: the dashboard (or one widget, larger) -> SVG as the page lays it out -> PNG within a
// size budget, plus the text account of what it shows and the problems a person would notice. Pure given its inputs:
// the document, the options and the embedded assets; no clock, no other I/O.
import type { Dashboard } from '../dashboard/schema.ts';
import { toView, type DashboardView } from '../dashboard/view.ts';
import { loadRenderAssets, type RenderAssets } from './assets.ts';
import { writeAccount } from './account.ts';
import type { RenderContext } from './body.ts';
import { buildCard, innerWidth } from './card.ts';
import { fitPng } from './fit.ts';
import { parseFontMetrics } from './font-metrics.ts';
import { gridGeometry, placeItems, spanWidth, widgetSpan } from './grid.ts';
import { document, layoutPage, type PageRow, type WidgetBox } from './page.ts';
import { initResvg } from './rasterize.ts';
import { IdSource } from './svg.ts';
import type { Fonts } from './text.ts';
import { palette, type SnapshotTheme } from './theme.ts';
import { widgetBody } from './widget-body.ts';
import { NotFoundError } from '../errors.ts';
import { MAX_WIDTH, MIN_WIDTH } from './snapshot-options.ts';

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
  png: Uint8Array;
  /** Size of the PNG delivered (smaller than asked when scaled to fit). */
  width: number;
  height: number;
  account: string;
  problems: string[];
  /** Each drawn widget's card and content box, in PNG px. */
  boxes: WidgetBox[];
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
  const body = widgetBody(view.widgets[index]!, innerWidth(spanWidth(geometry, span)), ctx);
  return { summary: body.summary, problems: body.problems };
}

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
  const ctx: RenderContext = { fonts: fontsOf(assets), palette: palette(options.theme), ids: new IdSource() };
  const view = toView(doc);

  let svg: string;
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
    svg = document(width, height, ctx.palette.bg, card.draw(box));
    boxes = [{ id: widget.id, kind: widget.kind, box, body: card.bodyBox! }];
    const onPage = pageProblems(view, widget.id, width, ctx);
    widgets = [{ id: widget.id, kind: widget.kind, title: widget.title, summary: onPage.summary }];
    problems = onPage.problems.map((p) => `${widget.id}: ${p}`);
    columns = geometry.columns;
  } else {
    const page = await layoutPage(view, width, ctx);
    ({ svg, height, boxes, rows, notDrawn } = page);
    columns = page.geometry.columns;
    widgets = page.cards.map((c) => ({ id: c.widget.id, kind: c.widget.kind, title: c.widget.title, summary: c.body.summary }));
    problems = page.cards.flatMap((c) => c.body.problems.map((p) => `${c.widget.id}: ${p}`));
  }

  problems = capProblems(problems);
  const account = (picture: { width: number; height: number }) =>
    writeAccount({ view, theme: options.theme, viewport: width, columns, picture, rows, widgets, problems, notDrawn, focus: options.widget });
  // The account's length barely depends on the picture's size: measure it with the largest one.
  const textChars = account({ width: 99_999, height: 99_999 }).length + JSON.stringify(problems).length;
  const maxPngBytes = Math.floor(((options.budgetChars - textChars) * 3) / 4);
  if (maxPngBytes < 8_000) throw new Error('no room left for the picture after the account');
  const fitted = fitPng(svg, { width, height }, maxPngBytes, ctx.palette.bg, assets);
  const scale = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x * fitted.zoom, y: b.y * fitted.zoom, width: b.width * fitted.zoom, height: b.height * fitted.zoom });
  return {
    png: fitted.png,
    width: fitted.width,
    height: fitted.height,
    account: account({ width: fitted.width, height: fitted.height }),
    problems,
    boxes: boxes.map((b) => ({ ...b, box: scale(b.box), body: scale(b.body) })),
    svg,
  };
}
