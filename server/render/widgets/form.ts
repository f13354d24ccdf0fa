// Form widget: each field's label over its input (placeholder or default shown), checkboxes inline, then submit.
import type { FormField, FormWidget } from '../../dashboard/schema.ts';
import type { Body, RenderContext } from '../body.ts';
import { baseline, rect, text, type Box } from '../svg.ts';
import { ellipsize } from '../text.ts';
import { BUTTON, submitButton } from './choice.ts';

const LABEL = { size: 13, line: 19.5, gap: 3 };
const INPUT = { size: 13.5, height: 32, textarea: 72, padX: 9 };
const FIELD_GAP = 10.5;

function fieldHeight(field: FormField): number {
  if (field.type === 'checkbox') return LABEL.line;
  return LABEL.line + LABEL.gap + (field.type === 'textarea' ? INPUT.textarea : INPUT.height);
}

function shownValue(field: FormField): { text: string; placeholder: boolean } {
  if (field.default !== undefined && field.default !== '') return { text: String(field.default), placeholder: false };
  if (field.placeholder) return { text: field.placeholder, placeholder: true };
  if (field.type === 'date') return { text: 'yyyy-mm-dd', placeholder: true };
  return { text: '', placeholder: true };
}

export function formBody(widget: FormWidget, _width: number, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const height = widget.fields.reduce((sum, f) => sum + fieldHeight(f), 0) + widget.fields.length * FIELD_GAP + BUTTON.height;
  const summary = `form of ${widget.fields.length} field${widget.fields.length === 1 ? '' : 's'}: ${widget.fields.map((f) => `${f.name} (${f.type}${f.required ? ', required' : ''})`).join(', ')}`;

  const draw = (box: Box): string => {
    const out: string[] = [];
    let y = box.y;
    for (const field of widget.fields) {
      const label = `${field.label}${field.required ? ' *' : ''}`;
      if (field.type === 'checkbox') {
        out.push(rect({ x: box.x, y: y + 2.75, width: 14, height: 14 }, { fill: field.default === true ? palette.accent : palette.card, stroke: palette.muted, rx: 3 }));
        out.push(text(box.x + 22, baseline(y, LABEL.line, LABEL.size), ellipsize(label, box.width - 22, LABEL.size, fonts.sans), { font: 'sans', size: LABEL.size, fill: palette.text }));
        y += LABEL.line + FIELD_GAP;
        continue;
      }
      out.push(text(box.x, baseline(y, LABEL.line, LABEL.size), ellipsize(label, box.width, LABEL.size, fonts.bold), { font: 'bold', size: LABEL.size, fill: palette.text }));
      y += LABEL.line + LABEL.gap;
      const h = field.type === 'textarea' ? INPUT.textarea : INPUT.height;
      out.push(rect({ x: box.x, y, width: box.width, height: h }, { fill: palette.card, stroke: palette.border, rx: 6 }));
      const value = shownValue(field);
      const arrow = field.type === 'select' ? 18 : 0;
      if (value.text) {
        out.push(
          text(box.x + INPUT.padX, baseline(y, INPUT.height, INPUT.size), ellipsize(value.text, box.width - 2 * INPUT.padX - arrow, INPUT.size, fonts.sans), {
            font: 'sans',
            size: INPUT.size,
            fill: value.placeholder ? palette.muted : palette.text,
          }),
        );
      }
      if (arrow) out.push(text(box.x + box.width - INPUT.padX, baseline(y, INPUT.height, INPUT.size), '▾', { font: 'sans', size: INPUT.size, fill: palette.muted, anchor: 'end' }));
      y += h + FIELD_GAP;
    }
    out.push(submitButton(box.x, y, widget.submitLabel ?? 'Submit', ctx));
    return out.join('');
  };
  return { height, draw, summary, problems: [] };
}
