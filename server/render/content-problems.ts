// The snapshot's one door to the content warnings (malformed markdown tables, table keys that match no column): the
// same lines the tool results give, without their `<kind> "<id>": ` head, since the snapshot prefixes the widget id.
import type { Widget } from '../dashboard/schema.ts';
import { widgetContentWarnings } from '../dashboard/content-warnings.ts';

export function contentProblems(widget: Widget): string[] {
  const head = `${widget.kind} "${widget.id}": `;
  return widgetContentWarnings(widget).map((line) => (line.startsWith(head) ? line.slice(head.length) : line));
}
