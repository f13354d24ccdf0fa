// Validates untrusted widget input into typed widgets, throwing one ValidationError that lists every problem.
import { ValidationError } from '../errors.ts';
import { formatIssues, MAX_REPORTED_ISSUES } from './format-error.ts';
import { WidgetSchema, type Widget } from './schema.ts';

/** Parses one widget; `label` names it in messages (e.g. `widgets[2]`). */
export function parseWidget(raw: unknown, label = 'widget'): Widget {
  const result = WidgetSchema.safeParse(raw);
  if (!result.success) throw new ValidationError(formatIssues(result.error.issues, raw, label).join('\n'), result.error);
  return normalizeWidget(result.data);
}

/** Parses a list of widgets whose ids must be unique among themselves; reports problems of all of them at once. */
export function parseWidgets(raws: unknown, label = 'widgets'): Widget[] {
  if (!Array.isArray(raws)) throw new ValidationError(`${label}: expected an array of widgets`);
  const lines: string[] = [];
  const widgets: Widget[] = [];
  const seen = new Map<string, number>();
  raws.forEach((raw, i) => {
    const result = WidgetSchema.safeParse(raw);
    if (!result.success) {
      lines.push(...formatIssues(result.error.issues, raw, `${label}[${i}]`));
      return;
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      lines.push(`${label}[${i}]: id "${result.data.id}" is already used by ${label}[${first}]; widget ids must be unique`);
      return;
    }
    seen.set(result.data.id, i);
    widgets.push(normalizeWidget(result.data));
  });
  if (lines.length > 0) {
    const shown = lines.slice(0, MAX_REPORTED_ISSUES);
    if (lines.length > shown.length) shown.push(`... and ${lines.length - shown.length} more problems`);
    throw new ValidationError(shown.join('\n'));
  }
  return widgets;
}

/** Applies rules that are cheaper to enforce than to reject: a log keeps only its newest maxLines lines. */
export function normalizeWidget(widget: Widget): Widget {
  if (widget.kind === 'log' && widget.maxLines !== undefined && widget.lines.length > widget.maxLines) {
    return { ...widget, lines: widget.lines.slice(-widget.maxLines) };
  }
  return widget;
}
