// One widget's card as .widget in the page's CSS: border, radius, padding, title row with its small action buttons,
// the body (clipped to the card), and the caption (note) under it.
import type { WidgetView } from '../dashboard/view.ts';
import { CSS, type Body, type RenderContext } from './body.ts';
import { baseline, clipped, rect, text, type Box } from './svg.ts';
import { wrap, wrapAtSpaces } from './text.ts';
import { inlineText } from './widgets/markdown-blocks.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';

const ACTIONS: Record<string, string[]> = { table: ['CSV'], chart: ['CSV', 'PNG'], log: ['TXT'] };
const ACTION = { size: 10.5, height: 20.75, padX: 6, gap: 4.5 };
const NOTE_LINE = 18;
const NOTE_LINES = 4;
/** Titles are bounded (200 characters); a few lines is all a card shows before its body. */
const MAX_TITLE_LINES = 8;

export interface Card {
  widget: WidgetView;
  body: Body;
  /** What a person notices about the card itself (its title cut short), before the body's problems. */
  problems: string[];
  /** Card height before the row stretches it. */
  height: number;
  draw(box: Box): string;
  /** Where the body was drawn in the last draw (tests look for a chart's pixels there). */
  bodyBox?: Box;
}

function hasHead(widget: WidgetView): boolean {
  return Boolean(widget.title) || widget.kind in ACTIONS;
}

/**
 * The buttons in a card's head row, as the page's widget frame has them: downloads by kind, then Comment while the
 * dashboard takes feedback. An untitled card with no download keeps no head row (the page puts Comment in its corner).
 */
function headButtons(widget: WidgetView, ctx: RenderContext): string[] {
  const buttons = ACTIONS[widget.kind] ?? [];
  return ctx.comments && hasHead(widget) ? [...buttons, 'Comment'] : buttons;
}

function noteLines(widget: WidgetView, width: number, ctx: RenderContext): string[] {
  if (!widget.note) return [];
  const plain = inlineText(fromMarkdown(widget.note.slice(0, 4000)));
  return wrap(plain, width, CSS.note.size, ctx.fonts.sans, NOTE_LINES).lines;
}

/** The content box width of a card `outer` px wide. */
export function innerWidth(outer: number): number {
  return outer - 2 * (CSS.card.padX + CSS.card.border);
}

export function buildCard(widget: WidgetView, body: Body, outerWidth: number, ctx: RenderContext): Card {
  const { fonts, palette } = ctx;
  const inner = innerWidth(outerWidth);
  const head = hasHead(widget);
  const note = noteLines(widget, inner, ctx);
  const buttons = headButtons(widget, ctx);
  const buttonWidth = (label: string) => fonts.sans.width(label, ACTION.size) * 1.03 + 2 * ACTION.padX + 2;
  const actionsWidth = buttons.reduce((sum, label) => sum + buttonWidth(label) + ACTION.gap, 0);
  // The page's title wraps beside its buttons (a flex row, gap 0.5rem); only a word wider than the room is cut.
  const titleWrap = widget.title ? wrapAtSpaces(widget.title, inner - actionsWidth - 7.5, (t) => fonts.bold.width(t, CSS.head.titleSize)) : { lines: [], overflow: [] };
  const titleLines = titleWrap.lines.slice(0, MAX_TITLE_LINES);
  const headHeight = Math.max(1, titleLines.length) * CSS.head.height;
  const problems = titleWrap.overflow.length ? [`the title's word "${titleWrap.overflow[0]!.slice(0, 40)}" is wider than the card and is cut; shorten it or widen the card`] : [];
  const chrome = 2 * (CSS.card.padY + CSS.card.border) + (head ? headHeight + CSS.head.gap : 0) + (note.length ? CSS.note.gap + note.length * NOTE_LINE : 0);
  const card: Card = {
    widget,
    body,
    problems,
    height: chrome + body.height,
    draw(box) {
      const out: string[] = [];
      if (palette.name === 'light') out.push(rect({ ...box, y: box.y + 1 }, { fill: '#101828', opacity: 0.07, rx: CSS.card.radius }));
      out.push(rect({ x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1 }, { fill: palette.card, stroke: palette.border, rx: CSS.card.radius }));
      const x = box.x + CSS.card.border + CSS.card.padX;
      let y = box.y + CSS.card.border + CSS.card.padY;
      if (head) {
        let right = 0;
        for (const label of [...buttons].reverse()) {
          const w = buttonWidth(label);
          const bx = x + inner - right - w;
          const by = y + (headHeight - CSS.head.height) / 2 + 0.3;
          out.push(rect({ x: bx, y: by, width: w, height: ACTION.height }, { fill: palette.card, stroke: palette.border, rx: 6 }));
          out.push(text(bx + w / 2, baseline(by, ACTION.height, ACTION.size), label, { font: 'sans', size: ACTION.size, fill: palette.muted, anchor: 'middle' }));
          right += w + ACTION.gap;
        }
        titleLines.forEach((l, i) => {
          out.push(text(x, baseline(y + i * CSS.head.height, CSS.head.height, CSS.head.titleSize), l, { font: 'bold', size: CSS.head.titleSize, fill: palette.text }));
        });
        y += headHeight + CSS.head.gap;
      }
      const noteHeight = note.length ? CSS.note.gap + note.length * NOTE_LINE : 0;
      const bodyBox = { x, y, width: inner, height: box.y + box.height - CSS.card.border - CSS.card.padY - noteHeight - y };
      card.bodyBox = bodyBox;
      out.push(clipped(ctx.ids, { x: box.x, y: bodyBox.y - 2, width: box.width, height: bodyBox.height + 4 }, body.draw(bodyBox)));
      note.forEach((l, i) => {
        out.push(text(x, baseline(bodyBox.y + bodyBox.height + CSS.note.gap + i * NOTE_LINE, NOTE_LINE, CSS.note.size), l, { font: 'sans', size: CSS.note.size, fill: palette.muted }));
      });
      return out.join('');
    },
  };
  return card;
}
