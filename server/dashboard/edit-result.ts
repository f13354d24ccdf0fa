// What every edit returns, and the diff of two widget lists that fills in changed/removed/orderChanged.
import type { Dashboard, Widget } from './schema.ts';

export interface EditResult {
  /** The edited document; revision/updatedAt/expiresAt are still the old ones: the store bumps them. */
  doc: Dashboard;
  /** One line for a human or a model: "put widgets sales, costs (added 1, replaced 1)". */
  summary: string;
  /** Ids of widgets added or whose content changed, in display order. */
  changed: string[];
  /** Ids of widgets that are gone. */
  removed: string[];
  /**
   * True when the new order is not simply the old one minus `removed` with the added widgets at the end,
   * i.e. a page that patches widgets in place needs the full id order to get it right.
   */
  orderChanged: boolean;
  /** What the written widgets hold that the page will not show as meant (content-warnings.ts); the write stands. */
  warnings?: string[];
}

export interface WidgetDiff {
  added: string[];
  modified: string[];
  removed: string[];
  orderChanged: boolean;
}

export function diffWidgets(before: readonly Widget[], after: readonly Widget[]): WidgetDiff {
  const old = new Map(before.map((widget) => [widget.id, widget]));
  const next = new Set(after.map((widget) => widget.id));
  const added: string[] = [];
  const modified: string[] = [];
  for (const widget of after) {
    const previous = old.get(widget.id);
    if (previous === undefined) added.push(widget.id);
    // Edits are copy-on-write, so an untouched widget is the same object and costs no serialisation.
    else if (previous !== widget && JSON.stringify(previous) !== JSON.stringify(widget)) modified.push(widget.id);
  }
  const removed = before.filter((widget) => !next.has(widget.id)).map((widget) => widget.id);
  const expected = [...before.filter((widget) => next.has(widget.id)).map((widget) => widget.id), ...added];
  const orderChanged = after.some((widget, i) => widget.id !== expected[i]);
  return { added, modified, removed, orderChanged };
}

/** Changed ids (added or modified) in display order. */
export function changedIds(diff: WidgetDiff, after: readonly Widget[]): string[] {
  const changed = new Set([...diff.added, ...diff.modified]);
  return after.filter((widget) => changed.has(widget.id)).map((widget) => widget.id);
}

/** "a, b, c" or "a, b, c and 7 more": summaries stay one short line. */
export function listIds(ids: readonly string[], max = 6): string {
  if (ids.length <= max) return ids.join(', ');
  return `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
