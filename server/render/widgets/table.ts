// Table widget: header and the first rows that fit the card's scroll height, columns sized to their content like an
// auto-layout table; a table wider than its card is a problem (the person scrolls sideways to read it).
import { cellText, pageCount, readColumns, readRows, readSort, sortedIndices, type Column } from '../../dashboard/present/table-model.ts';
import type { TableWidget } from '../../dashboard/schema.ts';
import { CSS, type Body, type HeightClass, type RenderContext } from '../body.ts';
import { baseline, line, rect, text, type Box } from '../svg.ts';
import { ellipsize, oneLine } from '../text.ts';

const FONT = 12.9;
const HEAD_ROW = 33.35;
const ROW = 30.85;
const CELL_PAD = 9;
const SORT_MARK = 13.5;
const PAGER = { gap: 7.5, height: 24, size: 12 };
const MAX_COLUMN = 420;
/** Widths are measured on the rows a person sees first; 100,000 rows need not be measured for a picture. */
const MEASURED_ROWS = 60;
// The snapshot's font is a little wider than the page's system font: only a clear overflow is reported.
const OVERFLOW_TOLERANCE = 1.1;

export function tableBody(widget: TableWidget, width: number, size: HeightClass, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const columns = readColumns(widget.columns);
  const rows = readRows(widget.rows, columns);
  const pageSize = Math.min(1000, Math.max(1, Math.floor(widget.pageSize ?? 50)));
  const order = sortedIndices(rows, columns, readSort(widget.sortBy, columns));
  const pages = pageCount(rows.length, pageSize);
  const firstPage = order.slice(0, Math.min(pageSize, MEASURED_ROWS)).map((i) => rows[i]!);
  const cells = firstPage.map((row) => columns.map((c, i) => oneLine(cellText(row[i], c))));

  const natural = columns.map((c, i) => {
    let w = fonts.bold.width(c.label, FONT) + SORT_MARK;
    for (const row of cells) w = Math.max(w, fonts.sans.width(row[i]!, FONT));
    return Math.min(MAX_COLUMN, w + 2 * CELL_PAD);
  });
  const needed = natural.reduce((a, b) => a + b, 0);
  // Auto layout at width 100 %: spare room is shared out in proportion; a wider table overflows its card.
  const widths = needed < width ? natural.map((w) => (w / needed) * width) : natural;

  const maxScroll = CSS.table[size];
  const pageRows = Math.min(pageSize, rows.length);
  const tableHeight = HEAD_ROW + (rows.length === 0 ? 28 : pageRows * ROW);
  const height = Math.min(tableHeight, maxScroll) + (pages > 1 ? PAGER.gap + PAGER.height : 0);

  const problems: string[] = [];
  if (rows.length === 0) problems.push('the table has no rows');
  if (needed > width * OVERFLOW_TOLERANCE) {
    problems.push(
      `the table is wider than its card: ${columns.length} columns need about ${Math.round(needed)} px, the card has ${Math.round(width)} px, so the person must scroll sideways; use fewer columns or a wider card (width 12)`,
    );
  }
  const numeric = (c: Column) => c.type === 'number';
  const summary = `${rows.length} row${rows.length === 1 ? '' : 's'} x ${columns.length} column${columns.length === 1 ? '' : 's'} (${columns
    .slice(0, 12)
    .map((c) => c.label)
    .join(', ')}${columns.length > 12 ? ', …' : ''})${widget.sortBy ? `, sorted by ${widget.sortBy}` : ''}`;

  const draw = (box: Box): string => {
    const out: string[] = [];
    const scrollHeight = Math.min(tableHeight, maxScroll);
    const bottom = box.y + scrollHeight;
    const xs: number[] = [];
    widths.reduce((x, w) => (xs.push(x), x + w), box.x);
    const cell = (value: string, i: number, top: number, h: number, bold: boolean) => {
      const w = widths[i]!;
      const x = xs[i]!;
      if (x > box.x + box.width) return '';
      const font = bold ? fonts.bold : fonts.sans;
      const shown = ellipsize(value, w - 2 * CELL_PAD, FONT, font);
      const right = numeric(columns[i]!);
      return text(right ? x + w - CELL_PAD : x + CELL_PAD, baseline(top, h, FONT), shown, { font: bold ? 'bold' : 'sans', size: FONT, fill: palette.text, anchor: right ? 'end' : 'start' });
    };
    columns.forEach((c, i) => out.push(cell(c.label, i, box.y, HEAD_ROW - 2, true)));
    out.push(line(box.x, box.y + HEAD_ROW - 1, box.x + Math.max(box.width, needed), box.y + HEAD_ROW - 1, palette.border, 2));
    if (rows.length === 0) {
      out.push(text(box.x, baseline(box.y + HEAD_ROW + 4, 20, 12.75), 'No rows yet.', { font: 'sans', size: 12.75, fill: palette.muted }));
    }
    const fitting = Math.max(0, Math.floor((scrollHeight - HEAD_ROW) / ROW));
    const hidden = pageRows - fitting;
    const drawn = hidden > 0 ? Math.max(0, fitting - 1) : fitting;
    for (let r = 0; r < drawn; r++) {
      const top = box.y + HEAD_ROW + r * ROW;
      const values = cells[r] ?? columns.map((c, i) => oneLine(cellText(rows[order[r]!]![i], c)));
      if (r % 2 === 1) out.push(rect({ x: box.x, y: top, width: Math.min(box.width, needed > width ? needed : width), height: ROW - 1 }, { fill: palette.rowAlt }));
      values.forEach((v, i) => out.push(cell(v, i, top, ROW - 1, false)));
      out.push(line(box.x, top + ROW - 0.5, box.x + Math.max(box.width, needed), top + ROW - 0.5, palette.border));
    }
    if (hidden > 0) {
      const top = box.y + HEAD_ROW + drawn * ROW;
      const more = rows.length - drawn;
      out.push(text(box.x + CELL_PAD, baseline(top, Math.min(ROW, bottom - top), FONT), `+${more.toLocaleString('en-US')} more row${more === 1 ? '' : 's'}`, { font: 'sans', size: FONT, fill: palette.muted }));
    }
    if (pages > 1) {
      const status = `Page 1 of ${pages} · ${rows.length.toLocaleString('en-US')} rows`;
      out.push(text(box.x + box.width, baseline(bottom + PAGER.gap, PAGER.height, PAGER.size), ellipsize(`«  ‹  ${status}  ›  »`, box.width, PAGER.size, fonts.sans), { font: 'sans', size: PAGER.size, fill: palette.muted, anchor: 'end' }));
    }
    return out.join('');
  };
  return { height, draw, summary, problems };
}
