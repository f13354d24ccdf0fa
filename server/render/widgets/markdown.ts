// Markdown widget as text blocks: headings, paragraphs, list items, code, quotes and simplified GFM tables, wrapped to
// the card width. The page grows a markdown card to fit its text; one given an explicit height that its text
// overflows is reported, since the card then is not the size the assistant asked for.
import type { MarkdownWidget } from '../../dashboard/schema.ts';
import { CSS, type Body, type HeightClass, type RenderContext } from '../body.ts';
import { baseline, line, rect, text, type Box } from '../svg.ts';
import { ellipsize, wrap, type FontKind } from '../text.ts';
import { markdownBlocks, type MdBlock } from './markdown-blocks.ts';

const P = { size: 15, line: 22.5, margin: 15 };
const HEADINGS = [
  { size: 19.5, line: 25.35 },
  { size: 16.8, line: 21.84 },
  { size: 15, line: 19.5 },
];
const H_MARGIN = { top: 15, bottom: 6 };
const CODE = { size: 12.9, line: 19.35, pad: 9, margin: 12.9 };
const TABLE = { size: 12.9, row: 30.85, pad: 9 };
const INDENT = 40;
const QUOTE = 15;
/** The picture stops here however long the text is (a 100,000-character note would be metres tall). */
const MAX_DRAWN = 1600;
/** The body height a card of each explicit height class offers (the same as a chart's). */
const HEIGHT_OF = CSS.chart;

interface Placed {
  top: number;
  height: number;
  draw(x: number, y: number, width: number): string;
}

function margins(block: MdBlock, prev: MdBlock | undefined): { top: number; bottom: number } {
  switch (block.type) {
    case 'heading':
      return H_MARGIN;
    case 'item':
      return { top: prev?.type === 'item' ? 0 : P.margin, bottom: P.margin };
    case 'code':
      return { top: CODE.margin, bottom: CODE.margin };
    case 'table':
      return { top: 0, bottom: 0 };
    case 'rule':
      return { top: 7.5, bottom: 7.5 };
    default:
      return { top: P.margin, bottom: P.margin };
  }
}

export function layoutMarkdown(blocks: MdBlock[], width: number, ctx: RenderContext, limit = MAX_DRAWN): { height: number; placed: Placed[]; cut: boolean } {
  const { fonts, palette } = ctx;
  const placed: Placed[] = [];
  let y = 0;
  let prevBottom = 0;
  let cut = false;
  const lines = (content: string, x0: number, w: number, font: FontKind, size: number, lh: number, fill: string): Placed => {
    const wrapped = wrap(content, w, size, fonts[font], Math.max(1, Math.ceil((limit - y) / lh))).lines;
    return {
      top: 0,
      height: Math.max(1, wrapped.length) * lh,
      draw: (x, top) => wrapped.map((l, i) => text(x + x0, baseline(top + i * lh, lh, size), l, { font, size, fill })).join(''),
    };
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (y >= limit) {
      cut = true;
      break;
    }
    const m = margins(block, blocks[i - 1]);
    const gap = i === 0 ? 0 : block.type === 'item' && blocks[i - 1]?.type === 'item' ? 0 : Math.max(prevBottom, m.top);
    y += gap;
    let item: Placed;
    switch (block.type) {
      case 'heading': {
        const h = HEADINGS[Math.min(block.depth, 3) - 1]!;
        item = lines(block.text, 0, width, 'bold', h.size, h.line, palette.text);
        break;
      }
      case 'paragraph': {
        const indent = block.quote * QUOTE;
        const para = lines(block.text, indent, width - indent, 'sans', P.size, P.line, block.quote ? palette.muted : palette.text);
        item = block.quote
          ? { ...para, draw: (x, top, w) => rect({ x, y: top, width: 3, height: para.height }, { fill: palette.border }) + para.draw(x, top, w) }
          : para;
        break;
      }
      case 'item': {
        const indent = block.indent * INDENT;
        const body = lines(block.text, indent, width - indent, 'sans', P.size, P.line, palette.text);
        item = {
          ...body,
          draw: (x, top, w) =>
            text(x + indent - 6, baseline(top, P.line, P.size), block.marker, { font: 'sans', size: P.size, fill: palette.text, anchor: 'end' }) + body.draw(x, top, w),
        };
        break;
      }
      case 'code': {
        const shown = block.lines.slice(0, Math.max(1, Math.ceil((limit - y) / CODE.line)));
        const h = shown.length * CODE.line + 2 * CODE.pad + 2;
        item = {
          top: 0,
          height: h,
          draw: (x, top, w) =>
            rect({ x, y: top, width: w, height: h }, { fill: palette.codeBg, stroke: palette.border, rx: 6 }) +
            shown.map((l, k) => text(x + CODE.pad + 1, baseline(top + CODE.pad + 1 + k * CODE.line, CODE.line, CODE.size), ellipsize(l, w - 2 * CODE.pad, CODE.size, fonts.mono), { font: 'mono', size: CODE.size, fill: palette.text })).join(''),
        };
        break;
      }
      case 'table':
        item = tableBlock(block, width, ctx, Math.max(1, Math.floor((limit - y) / TABLE.row)));
        break;
      case 'rule':
        item = { top: 0, height: 2, draw: (x, top, w) => line(x, top + 1, x + w, top + 1, palette.border, 2) };
        break;
    }
    placed.push({ ...item, top: y });
    y += item.height;
    prevBottom = m.bottom;
  }
  return { height: Math.min(y, limit), placed, cut };
}

function tableBlock(block: Extract<MdBlock, { type: 'table' }>, width: number, ctx: RenderContext, maxRows: number): Placed {
  const { fonts, palette } = ctx;
  const columns = Math.max(block.head.length, ...block.rows.map((r) => r.length));
  const rows = block.rows.slice(0, Math.max(0, maxRows - 1));
  const natural = Array.from({ length: columns }, (_, c) =>
    Math.max(fonts.bold.width(block.head[c] ?? '', TABLE.size), ...rows.map((r) => fonts.sans.width(r[c] ?? '', TABLE.size))) + 2 * TABLE.pad,
  );
  const total = natural.reduce((a, b) => a + b, 0) || 1;
  // width: 100 %: columns share the card in proportion to their content (cells wrap on the page; here they are cut).
  const widths = natural.map((w) => (w / total) * width);
  const height = (rows.length + 1) * TABLE.row;
  return {
    top: 0,
    height,
    draw: (x, top) => {
      const out: string[] = [];
      [block.head, ...rows].forEach((row, r) => {
        const y = top + r * TABLE.row;
        let cx = x;
        for (let c = 0; c < columns; c++) {
          const w = widths[c]!;
          const align = block.align[c];
          const font = r === 0 ? 'bold' : 'sans';
          const shown = ellipsize(row[c] ?? '', w - 2 * TABLE.pad, TABLE.size, fonts[font]);
          const tx = align === 'right' ? cx + w - TABLE.pad : align === 'center' ? cx + w / 2 : cx + TABLE.pad;
          out.push(text(tx, baseline(y, TABLE.row - 1, TABLE.size), shown, { font, size: TABLE.size, fill: palette.text, anchor: align === 'right' ? 'end' : align === 'center' ? 'middle' : 'start' }));
          cx += w;
        }
        out.push(line(x, y + TABLE.row - 0.5, cx, y + TABLE.row - 0.5, palette.border));
      });
      return out.join('');
    },
  };
}

export function markdownBody(widget: MarkdownWidget, width: number, size: HeightClass | undefined, ctx: RenderContext): Body {
  const blocks = markdownBlocks(widget.text);
  const layout = layoutMarkdown(blocks, width, ctx);
  const problems: string[] = [];
  if (size !== undefined && layout.height > HEIGHT_OF[size] * 1.15) {
    problems.push(
      `the text needs about ${Math.round(layout.height)}${layout.cut ? '+' : ''} px of height but the card was given height "${size}" (about ${HEIGHT_OF[size]} px), so the card grows past the size asked for and stretches its row; shorten the text, split it, or drop "height"`,
    );
  }
  if (blocks.length === 0) problems.push('the markdown is empty');
  const count = (type: MdBlock['type']) => blocks.filter((b) => b.type === type).length;
  const first = blocks.find((b) => b.type === 'heading' || b.type === 'paragraph') as { text: string } | undefined;
  const tables = blocks.filter((b): b is Extract<MdBlock, { type: 'table' }> => b.type === 'table');
  const summary = [
    first ? `starts "${first.text.slice(0, 100)}${first.text.length > 100 ? '…' : ''}"` : 'empty',
    `${widget.text.length} characters`,
    count('heading') ? `${count('heading')} heading${count('heading') === 1 ? '' : 's'}` : '',
    count('item') ? `${count('item')} list item${count('item') === 1 ? '' : 's'}` : '',
    ...tables.map((t) => `a table of ${t.rows.length} x ${t.head.length}`),
    layout.cut ? `drawn up to ${layout.height} px (cut in the picture)` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    height: layout.height,
    draw: (box: Box) => layout.placed.map((p) => p.draw(box.x, box.y + p.top, box.width)).join(''),
    summary,
    problems,
  };
}
