// Choice widget: the prompt, one button per option (label, description), and a submit button when several may be picked.
import type { ChoiceWidget } from '../../dashboard/schema.ts';
import type { Body, RenderContext } from '../body.ts';
import { baseline, rect, text, type Box } from '../svg.ts';
import { ellipsize, wrap } from '../text.ts';

const PROMPT = { size: 15, line: 22.5, gap: 9 };
const OPTION = { label: 14, description: 12, padY: 7.5, padX: 12, gap: 6, labelLine: 21, descriptionLine: 18 };
export const BUTTON = { size: 13.5, height: 32, padX: 15, gap: 10.5 };

/** An accent-filled button like the page's submit buttons; returns its SVG. */
export function submitButton(x: number, y: number, label: string, ctx: RenderContext): string {
  const width = ctx.fonts.bold.width(label, BUTTON.size) + 2 * BUTTON.padX;
  return (
    rect({ x, y, width, height: BUTTON.height }, { fill: ctx.palette.accent, rx: 6 }) +
    text(x + width / 2, baseline(y, BUTTON.height, BUTTON.size), label, { font: 'bold', size: BUTTON.size, fill: ctx.palette.card, anchor: 'middle' })
  );
}

export function choiceBody(widget: ChoiceWidget, width: number, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const prompt = widget.prompt ? wrap(widget.prompt, width, PROMPT.size, fonts.sans, 6).lines : [];
  const optionHeight = (o: ChoiceWidget['options'][number]) => OPTION.padY * 2 + OPTION.labelLine + (o.description ? OPTION.descriptionLine : 0);
  const optionsHeight = widget.options.reduce((sum, o) => sum + optionHeight(o), 0) + (widget.options.length - 1) * OPTION.gap;
  const height = (prompt.length ? prompt.length * PROMPT.line + PROMPT.gap : 0) + optionsHeight + (widget.multiple ? BUTTON.gap + BUTTON.height : 0);
  const summary = `${widget.multiple ? 'pick several' : 'pick one'}${widget.prompt ? ` - "${widget.prompt.slice(0, 160)}"` : ''}; options: ${widget.options.map((o) => `${o.id} "${o.label}"`).join(', ')}`;

  const draw = (box: Box): string => {
    const out: string[] = [];
    let y = box.y;
    for (const l of prompt) {
      out.push(text(box.x, baseline(y, PROMPT.line, PROMPT.size), l, { font: 'sans', size: PROMPT.size, fill: palette.text }));
      y += PROMPT.line;
    }
    if (prompt.length) y += PROMPT.gap;
    const check = widget.multiple ? 22 : 0;
    for (const option of widget.options) {
      const h = optionHeight(option);
      out.push(rect({ x: box.x, y, width: box.width, height: h }, { fill: palette.card, stroke: palette.border, rx: 6 }));
      if (widget.multiple) out.push(rect({ x: box.x + OPTION.padX, y: y + OPTION.padY + 3, width: 14, height: 14 }, { stroke: palette.muted, rx: 3 }));
      const inner = box.width - 2 * OPTION.padX - check;
      out.push(text(box.x + OPTION.padX + check, baseline(y + OPTION.padY, OPTION.labelLine, OPTION.label), ellipsize(option.label, inner, OPTION.label, fonts.bold), { font: 'bold', size: OPTION.label, fill: palette.text }));
      if (option.description) {
        out.push(
          text(box.x + OPTION.padX + check, baseline(y + OPTION.padY + OPTION.labelLine, OPTION.descriptionLine, OPTION.description), ellipsize(option.description, inner, OPTION.description, fonts.sans), {
            font: 'sans',
            size: OPTION.description,
            fill: palette.muted,
          }),
        );
      }
      y += h + OPTION.gap;
    }
    if (widget.multiple) out.push(submitButton(box.x, y - OPTION.gap + BUTTON.gap, widget.submitLabel ?? 'Submit', ctx));
    return out.join('');
  };
  return { height, draw, summary, problems: [] };
}
