// Log widget: a fixed-height monospace box showing the newest lines (the page keeps it scrolled to the bottom).
import type { LogWidget } from '../../dashboard/schema.ts';
import { CSS, type Body, type HeightClass, type RenderContext } from '../body.ts';
import { baseline, rect, text, type Box } from '../svg.ts';
import { wrap } from '../text.ts';

const FONT = { size: 12, line: 18 };
const PAD = { x: 10.5, y: 7.5 };

export function logBody(widget: LogWidget, _width: number, size: HeightClass, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const lines = widget.lines.slice(-(widget.maxLines ?? 1000));
  const height = CSS.log[size];
  const last = lines[lines.length - 1];
  const summary = `${lines.length} line${lines.length === 1 ? '' : 's'}${last !== undefined ? `, last: "${last.slice(0, 120)}"` : ''}`;
  const problems = lines.length === 0 ? ['the log is empty'] : [];

  const draw = (box: Box): string => {
    const frame = { x: box.x, y: box.y, width: box.width, height };
    const inner = frame.width - 2 * PAD.x;
    const rows = Math.max(1, Math.floor((height - 2 * PAD.y) / FONT.line));
    // Newest at the bottom: wrap from the end until the box is full (pre-wrap, like the page).
    const shown: string[] = [];
    for (let i = lines.length - 1; i >= 0 && shown.length < rows; i--) {
      const wrapped = wrap(lines[i]!, inner, FONT.size, fonts.mono, rows).lines;
      shown.unshift(...(wrapped.length ? wrapped : ['']));
    }
    const visible = shown.slice(-rows);
    // Lines that fit start at the top; a longer log shows its newest lines, the box scrolled to the bottom.
    const top = shown.length >= rows ? frame.y + height - PAD.y - visible.length * FONT.line : frame.y + PAD.y;
    const out = [rect(frame, { fill: palette.codeBg, stroke: palette.border, rx: 6 })];
    visible.forEach((l, i) => out.push(text(frame.x + PAD.x, baseline(top + i * FONT.line, FONT.line, FONT.size), l, { font: 'mono', size: FONT.size, fill: palette.text })));
    return out.join('');
  };
  return { height, draw, summary, problems };
}
