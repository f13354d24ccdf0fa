// The page's grid (web/src/styles.css, web/src/widgets/registry.ts): 12 columns above 1000 px, 6 up to 1000 px, one
// below 640 px; default widths per kind; auto-placement row by row as CSS grid does for one-row items.
import type { WidgetView } from '../dashboard/view.ts';
import { CSS } from './body.ts';

/** Default column spans per kind, as the page's widget registry has them (other kinds take 6 there too). */
const DEFAULT_WIDTH: Record<string, number> = { markdown: 12, metric: 3, table: 12, chart: 6, image: 4, code: 6, progress: 6, log: 12 };

export function widgetSpan(widget: Pick<WidgetView, 'kind' | 'width'>): number {
  const n = typeof widget.width === 'number' ? Math.round(widget.width) : (DEFAULT_WIDTH[widget.kind] ?? 6);
  return Math.min(12, Math.max(1, n));
}

export interface GridGeometry {
  /** Viewport width the page is laid out for. */
  viewport: number;
  columns: 12 | 6 | 1;
  /** Left edge and width of the grid (the .page box minus its padding). */
  left: number;
  width: number;
  padTop: number;
  padBottom: number;
  column: number;
}

export function gridGeometry(viewport: number): GridGeometry {
  const narrow = viewport <= 640;
  const padX = narrow ? 11.25 : 22.5;
  const page = Math.min(viewport, 1480);
  const left = (viewport - page) / 2 + padX;
  const width = page - 2 * padX;
  const columns = viewport > 1000 ? 12 : narrow ? 1 : 6;
  const column = (width - (columns - 1) * CSS.gridGap) / columns;
  return { viewport, columns, left, width, padTop: narrow ? 11.25 : 18.75, padBottom: narrow ? 11.25 : 30, column };
}

/** The span the page's media queries give a widget at this geometry. */
export function spanAt(geometry: GridGeometry, span: number): number {
  if (geometry.columns === 12) return span;
  if (geometry.columns === 1) return 1;
  return span <= 2 ? 2 : span <= 4 ? 3 : 6;
}

export interface Placement {
  row: number;
  column: number;
  span: number;
}

/** CSS grid auto-placement for items one row tall: an item that does not fit the rest of a row starts the next. */
export function placeItems(geometry: GridGeometry, spans: number[]): Placement[] {
  let row = 0;
  let column = 0;
  return spans.map((requested) => {
    const span = spanAt(geometry, requested);
    if (column + span > geometry.columns) {
      row++;
      column = 0;
    }
    const placed = { row, column, span };
    column += span;
    return placed;
  });
}

export function spanWidth(geometry: GridGeometry, span: number): number {
  return geometry.column * span + CSS.gridGap * (span - 1);
}
