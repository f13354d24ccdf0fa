// Pure, copy-on-write edits of a dashboard document: each validates everything or throws, never half-applies.
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../errors.ts';
import { contentWarnings } from './content-warnings.ts';
import { changedIds, diffWidgets, listIds, type EditResult } from './edit-result.ts';
import { formatIssues } from './format-error.ts';
import { checkLimits, type Limits } from './limits.ts';
import { mergePatch } from './merge-patch.ts';
import { DashboardSchema, type Dashboard, type Theme, type Widget } from './schema.ts';
import { isDashboardId } from './target.ts';
import { parseWidget, parseWidgets } from './validate.ts';

export type { EditResult } from './edit-result.ts';
export { appendData, type AppendInput } from './append.ts';

export const DEFAULT_TITLE = 'Dashboard';

export function createDashboard(input: { id: string; title?: string; now: Date; ttlMs: number }): Dashboard {
  if (!isDashboardId(input.id)) throw new ValidationError('a dashboard id is a lower-case UUID');
  const now = input.now.getTime();
  const doc: Dashboard = {
    id: input.id,
    title: input.title ?? DEFAULT_TITLE,
    theme: 'auto',
    widgets: [],
    revision: 0,
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + input.ttlMs).toISOString(),
  };
  const title = DashboardSchema.shape.title.safeParse(doc.title);
  if (!title.success) throw new ValidationError(formatIssues(title.error.issues, doc.title, 'title').join('\n'));
  return doc;
}

export interface SetInput {
  title?: string;
  description?: string | null;
  theme?: Theme;
  /** false closes the page's inbox, true opens it again. */
  feedback?: boolean;
  widgets?: unknown[];
}

const SetHeaderSchema = z.strictObject({
  title: DashboardSchema.shape.title.optional(),
  description: DashboardSchema.shape.description,
  theme: DashboardSchema.shape.theme.optional(),
  feedback: DashboardSchema.shape.feedback,
});

/** Replaces what is given; `widgets`, when given, replaces the whole list. `description: null` clears it. */
export function setDashboard(doc: Dashboard, input: SetInput, limits: Limits): EditResult {
  const { widgets: rawWidgets, description, ...rest } = input;
  const header = SetHeaderSchema.safeParse({ ...rest, ...(description === null ? {} : { description }) });
  if (!header.success) throw new ValidationError(formatIssues(header.error.issues, input).join('\n'));
  const changes = Object.fromEntries(Object.entries(header.data).filter(([, value]) => value !== undefined));
  const setFields = Object.keys(changes);
  if (description === null) setFields.push('description');
  if (setFields.length === 0 && rawWidgets === undefined) {
    throw new ValidationError('nothing to set: give title, description, theme, feedback and/or widgets');
  }
  const widgets = rawWidgets === undefined ? doc.widgets : parseWidgets(rawWidgets);
  const next: Dashboard = { ...doc, ...changes, widgets };
  if (description === null) delete next.description;
  checkLimits(next, limits);

  const diff = diffWidgets(doc.widgets, widgets);
  const parts = [...setFields];
  if (rawWidgets !== undefined) {
    const counts = [
      diff.added.length ? `${diff.added.length} added` : '',
      diff.modified.length ? `${diff.modified.length} changed` : '',
      diff.removed.length ? `${diff.removed.length} removed` : '',
    ].filter(Boolean);
    parts.push(`widgets (${widgets.length} in all${counts.length ? `: ${counts.join(', ')}` : ''})`);
  }
  return {
    doc: next,
    summary: `set ${parts.join(', ')}`,
    changed: changedIds(diff, widgets),
    removed: diff.removed,
    orderChanged: diff.orderChanged,
    warnings: rawWidgets === undefined ? [] : contentWarnings(widgets),
  };
}

export interface Placement {
  before?: string;
  after?: string;
}

/** Inserts or replaces widgets by id: replaced ones keep their place, new ones go before/after an anchor or at the end. */
export function putWidgets(doc: Dashboard, rawWidgets: unknown[], place: Placement, limits: Limits): EditResult {
  if (!Array.isArray(rawWidgets) || rawWidgets.length === 0) {
    throw new ValidationError('widgets: give at least one widget, e.g. [{ "id": "notes", "kind": "markdown", "text": "..." }]');
  }
  if (place.before !== undefined && place.after !== undefined) {
    throw new ValidationError('give either "before" or "after", not both');
  }
  const incoming = parseWidgets(rawWidgets);
  const byId = new Map(incoming.map((widget) => [widget.id, widget]));
  const existing = new Set(doc.widgets.map((widget) => widget.id));
  const fresh = incoming.filter((widget) => !existing.has(widget.id));

  const widgets: Widget[] = doc.widgets.map((widget) => byId.get(widget.id) ?? widget);
  const anchor = place.before ?? place.after;
  if (anchor === undefined) {
    widgets.push(...fresh);
  } else {
    const at = widgets.findIndex((widget) => widget.id === anchor);
    if (at < 0) {
      throw new NotFoundError(
        `no widget "${anchor}" to put the new widgets ${place.before !== undefined ? 'before' : 'after'}; ${existingIds(doc)}`,
      );
    }
    widgets.splice(place.before !== undefined ? at : at + 1, 0, ...fresh);
  }
  const next: Dashboard = { ...doc, widgets };
  checkLimits(next, limits);

  const diff = diffWidgets(doc.widgets, widgets);
  const replaced = incoming.length - fresh.length;
  const counts = [fresh.length ? `added ${fresh.length}` : '', replaced ? `replaced ${replaced}` : ''].filter(Boolean).join(', ');
  return {
    doc: next,
    summary: `put ${incoming.length === 1 ? 'widget' : 'widgets'} ${listIds(incoming.map((widget) => widget.id))} (${counts})`,
    changed: changedIds(diff, widgets),
    removed: [],
    orderChanged: diff.orderChanged,
    warnings: contentWarnings(incoming),
  };
}

/** Applies a JSON Merge Patch (RFC 7396) to one widget and re-validates the result. */
export function updateWidget(doc: Dashboard, id: string, patch: unknown, limits: Limits): EditResult {
  const index = findWidget(doc, id);
  const current = doc.widgets[index] as Widget;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new ValidationError('patch: give a JSON object of the fields to change, e.g. { "title": "New title" }; null removes a field');
  }
  const fields = Object.keys(patch);
  if (fields.length === 0) throw new ValidationError('patch is empty: give the fields to change');
  const attempted = (['id', 'kind'] as const).filter(
    (key) => key in patch && (patch as Record<string, unknown>)[key] !== current[key],
  );
  if (attempted.length > 0) {
    throw new ValidationError(
      `the ${attempted.join(' and ')} of a widget cannot change (widget "${id}" is a ${current.kind}): to rename or change the kind, remove it and put a new widget`,
    );
  }
  const widget = parseWidget(mergePatch(current, patch), `widget "${id}" after the patch`);
  const widgets = doc.widgets.with(index, widget);
  const next: Dashboard = { ...doc, widgets };
  checkLimits(next, limits);
  const diff = diffWidgets(doc.widgets, widgets);
  return {
    doc: next,
    summary: `updated widget ${id} (${listIds(fields)})`,
    changed: changedIds(diff, widgets),
    removed: [],
    orderChanged: false,
    warnings: contentWarnings([widget]),
  };
}

/** Removes widgets by id; if any id is unknown nothing is removed. */
export function removeWidgets(doc: Dashboard, ids: string[], limits: Limits): EditResult {
  if (!Array.isArray(ids) || ids.length === 0) throw new ValidationError('ids: give at least one widget id to remove');
  const wanted = [...new Set(ids)];
  const existing = new Set(doc.widgets.map((widget) => widget.id));
  const unknown = wanted.filter((id) => !existing.has(id));
  if (unknown.length > 0) {
    throw new NotFoundError(
      `no widget ${unknown.map((id) => `"${id}"`).join(', ')}; nothing was removed. ${existingIds(doc)}`,
    );
  }
  const drop = new Set(wanted);
  const next: Dashboard = { ...doc, widgets: doc.widgets.filter((widget) => !drop.has(widget.id)) };
  checkLimits(next, limits);
  return {
    doc: next,
    summary: `removed ${wanted.length === 1 ? 'widget' : 'widgets'} ${listIds(wanted)}`,
    changed: [],
    removed: doc.widgets.filter((widget) => drop.has(widget.id)).map((widget) => widget.id),
    orderChanged: false,
  };
}

/**
 * Makes the content (title, description, theme, widgets) of an earlier revision current again. Whether the page takes
 * feedback stays as it is now: restoring old content must not reopen an inbox the assistant closed since (or close one).
 */
export function restoreRevision(doc: Dashboard, oldDoc: Dashboard, limits?: Limits): EditResult {
  if (oldDoc.id !== doc.id) throw new ValidationError('that revision belongs to another dashboard');
  const next: Dashboard = {
    ...doc,
    title: oldDoc.title,
    theme: oldDoc.theme,
    widgets: oldDoc.widgets,
  };
  if (oldDoc.description === undefined) delete next.description;
  else next.description = oldDoc.description;
  if (limits) checkLimits(next, limits);
  const diff = diffWidgets(doc.widgets, next.widgets);
  return {
    doc: next,
    summary: `restored revision ${oldDoc.revision}`,
    changed: changedIds(diff, next.widgets),
    removed: diff.removed,
    orderChanged: diff.orderChanged,
  };
}

/** Index of a widget, or NotFoundError listing the ids there are. */
export function findWidget(doc: Dashboard, id: string): number {
  const index = doc.widgets.findIndex((widget) => widget.id === id);
  if (index < 0) throw new NotFoundError(`no widget "${id}"; ${existingIds(doc)}`);
  return index;
}

function existingIds(doc: Dashboard): string {
  if (doc.widgets.length === 0) return 'the dashboard has no widgets yet';
  return `existing ids: ${listIds(doc.widgets.map((widget) => widget.id), 20)}`;
}
