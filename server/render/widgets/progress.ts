// Progress widget as the page draws it: label and percentage, a rounded bar, then the checklist of steps.
import type { ProgressWidget } from '../../dashboard/schema.ts';
import type { Body, RenderContext } from '../body.ts';
import { baseline, rect, text, type Box } from '../svg.ts';
import { ellipsize } from '../text.ts';

const HEAD = { size: 13.2, line: 19.8, gap: 5.25 };
const TRACK = 10;
const STEPS = { gapTop: 11.25, gap: 4.5, line: 19.8, size: 13.2 };
const ICON: Record<string, string> = { todo: '○', doing: '◐', done: '✓', failed: '✕' };

export function progressBody(widget: ProgressWidget, _width: number, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const value = widget.value === undefined ? undefined : Math.min(1, Math.max(0, widget.value));
  const steps = widget.steps ?? [];
  const hasHead = value !== undefined || Boolean(widget.label);
  const height =
    (hasHead ? HEAD.line : 0) +
    (value !== undefined ? HEAD.gap + TRACK : 0) +
    (steps.length ? STEPS.gapTop + steps.length * STEPS.line + (steps.length - 1) * STEPS.gap : 0);
  const counts = (status: string) => steps.filter((s) => s.status === status).length;
  const summary = [
    widget.label ? `"${widget.label}"` : '',
    value !== undefined ? `${Math.round(value * 100)} %` : '',
    steps.length ? `${counts('done')}/${steps.length} steps done${counts('failed') ? `, ${counts('failed')} failed` : ''}${counts('doing') ? `, doing: ${steps.filter((s) => s.status === 'doing').map((s) => `"${s.label}"`).join(', ')}` : ''}` : '',
  ]
    .filter(Boolean)
    .join(', ');

  const draw = (box: Box): string => {
    const out: string[] = [];
    let y = box.y;
    if (hasHead) {
      const base = baseline(y, HEAD.line, HEAD.size);
      const pct = value !== undefined ? `${Math.round(value * 100)} %` : '';
      const pctWidth = pct ? fonts.sans.width(pct, HEAD.size) + 8 : 0;
      out.push(text(box.x, base, ellipsize(widget.label ?? 'Progress', box.width - pctWidth, HEAD.size, fonts.sans), { font: 'sans', size: HEAD.size, fill: palette.text }));
      if (pct) out.push(text(box.x + box.width, base, pct, { font: 'sans', size: HEAD.size, fill: palette.muted, anchor: 'end' }));
      y += HEAD.line;
    }
    if (value !== undefined) {
      y += HEAD.gap;
      out.push(rect({ x: box.x, y, width: box.width, height: TRACK }, { fill: palette.accentWeak, rx: TRACK / 2 }));
      out.push(rect({ x: box.x, y, width: box.width * value, height: TRACK }, { fill: palette.accent, rx: TRACK / 2 }));
      y += TRACK;
    }
    if (steps.length) y += STEPS.gapTop;
    for (const step of steps) {
      if (y > box.y + box.height) break;
      const base = baseline(y, STEPS.line, STEPS.size);
      const colour = step.status === 'done' ? palette.good : step.status === 'failed' ? palette.bad : step.status === 'doing' ? palette.accent : palette.muted;
      out.push(text(box.x + 9, base, ICON[step.status] ?? '○', { font: 'bold', size: STEPS.size, fill: colour, anchor: 'middle' }));
      const labelColour = step.status === 'failed' ? palette.bad : step.status === 'todo' || step.status === 'done' ? palette.muted : palette.text;
      out.push(
        text(box.x + 25.5, base, ellipsize(step.label, box.width - 25.5, STEPS.size, step.status === 'doing' ? fonts.bold : fonts.sans), {
          font: step.status === 'doing' ? 'bold' : 'sans',
          size: STEPS.size,
          fill: labelColour,
          strike: step.status === 'done',
        }),
      );
      y += STEPS.line + STEPS.gap;
    }
    return out.join('');
  };
  return { height, draw, summary: summary || 'no progress yet', problems: [] };
}
