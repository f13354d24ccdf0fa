// Code widget: monospace lines coloured by the page's own tokenizer, in a box capped at the height class.
import { tokenize, type TokenType } from '../../dashboard/present/highlight.ts';
import type { CodeWidget } from '../../dashboard/schema.ts';
import { CSS, type Body, type HeightClass, type RenderContext } from '../body.ts';
import type { Palette } from '../theme.ts';
import { baseline, rect, text, type Box } from '../svg.ts';
import { ellipsize } from '../text.ts';

const FONT = { size: 12.9, line: 18.7 };
const PAD = { x: 12, y: 10.5 };
const LANG = 10.2;

const TOKEN_COLOURS: Record<'light' | 'dark', Record<Exclude<TokenType, 'plain'>, string>> = {
  light: { keyword: '#8a2bb9', string: '#116329', number: '#0550ae', comment: '#6e7781', literal: '#b35900', punct: '#57606a' },
  dark: { keyword: '#d2a8ff', string: '#7ee787', number: '#79c0ff', comment: '#8b949e', literal: '#ffa657', punct: '#b1bac4' },
};

export function codeBody(widget: CodeWidget, _width: number, size: HeightClass, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const allLines = widget.code.split('\n');
  const natural = allLines.length * FONT.line + 2 * PAD.y + 2;
  const height = Math.min(natural, CSS.code[size]);
  const summary = `${widget.language ?? 'text'}, ${allLines.length} line${allLines.length === 1 ? '' : 's'}`;

  const draw = (box: Box): string => {
    const frame = { x: box.x, y: box.y, width: box.width, height };
    const rows = Math.max(1, Math.floor((height - 2 * PAD.y) / FONT.line));
    const out = [rect(frame, { fill: palette.codeBg, stroke: palette.border, rx: 6 })];
    // Only the lines that fit are tokenized: a 200 KB file costs what its first screen costs.
    const visible = allLines.slice(0, rows).join('\n');
    const charWidth = fonts.mono.width('M', FONT.size);
    const maxChars = Math.max(1, Math.floor((frame.width - 2 * PAD.x) / charWidth));
    let row = 0;
    let col = 0;
    for (const token of tokenize(visible, widget.language)) {
      const parts = token.text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) {
          row++;
          col = 0;
        }
        if (!part || col >= maxChars) return;
        const shown = part.slice(0, maxChars - col);
        out.push(
          text(frame.x + PAD.x + col * charWidth, baseline(frame.y + PAD.y + row * FONT.line, FONT.line, FONT.size), shown, {
            font: 'mono',
            size: FONT.size,
            fill: tokenColour(token.type, palette),
            italic: token.type === 'comment',
          }),
        );
        col += part.length;
      });
    }
    if (widget.language) {
      const label = ellipsize(widget.language.toUpperCase(), frame.width / 2, LANG, fonts.sans);
      out.push(text(frame.x + frame.width - 7.5, frame.y + 5.25 + LANG, label, { font: 'sans', size: LANG, fill: palette.muted, anchor: 'end' }));
    }
    return out.join('');
  };
  return { height, draw, summary, problems: [] };
}

function tokenColour(type: TokenType, palette: Palette): string {
  return type === 'plain' ? palette.text : TOKEN_COLOURS[palette.name][type];
}
