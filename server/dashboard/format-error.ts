// Turns zod issues into one readable line each, naming the path and what to change, for a model to act on.
import type { z } from 'zod';
import { WIDGET_KEYS, WIDGET_KINDS } from './schema.ts';

export const MAX_REPORTED_ISSUES = 12;

type Issue = z.core.$ZodIssue;

/**
 * `issues` of a parse of `input` -> lines like `widgets[3] (id "sales").series[0]: a line point is ...`.
 * `prefix` names the input itself (e.g. `widgets[3]`); widget-like objects on the way get their id appended.
 */
export function formatIssues(issues: readonly Issue[], input: unknown, prefix = ''): string[] {
  const lines = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const where = describePath(input, issue.path, prefix);
    const what = describeIssue(issue, valueAt(input, issue.path));
    return where ? `${where}: ${what}` : what;
  });
  if (issues.length > MAX_REPORTED_ISSUES) lines.push(`... and ${issues.length - MAX_REPORTED_ISSUES} more problems`);
  return lines;
}

/** `prefix` plus the path, with ` (id "x")` after every step that lands on a widget with an id. */
export function describePath(input: unknown, path: readonly PropertyKey[], prefix = ''): string {
  let text = prefix + widgetTag(input);
  let value: unknown = input;
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text ? `.${String(segment)}` : String(segment);
    value = step(value, segment);
    text += widgetTag(value);
  }
  return text;
}

function widgetTag(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
  const { id, kind } = value as { id?: unknown; kind?: unknown };
  return typeof id === 'string' && typeof kind === 'string' ? ` (id "${id.slice(0, 64)}")` : '';
}

function step(value: unknown, segment: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<PropertyKey, unknown>)[segment];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(step, input);
}

function describeIssue(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const names = issue.keys.map((key) => `"${key}"`).join(', ');
      const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
      const allowed = typeof kind === 'string' ? WIDGET_KEYS[kind] : undefined;
      const hint = allowed ? `; a ${kind} widget takes: ${allowed.join(', ')}` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names}: remove ${issue.keys.length > 1 ? 'them' : 'it'}${hint}`;
    }
    case 'invalid_union':
      if (issue.discriminator === 'kind') {
        const given = value === undefined ? '"kind" is missing' : `kind ${JSON.stringify(value)} is not a widget kind`;
        return `${given}; use one of: ${WIDGET_KINDS.join(', ')}`;
      }
      if (value === undefined) return 'is required';
      if (issue.message === 'Invalid input') {
        // zod's generic union message says nothing; the branches' expected types say what would have fitted.
        const expected = [...new Set(issue.errors.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [i.expected] : []))))];
        if (expected.length > 0) return `expected ${expected.join(' or ')}, got ${describeType(value)}`;
      }
      return issue.message;
    case 'invalid_type':
      if (value === undefined) return `is required (${issue.expected})`;
      return `expected ${issue.expected}, got ${describeType(value)}`;
    default:
      return lowerFirst(issue.message);
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} (numbers must be finite)`;
  return typeof value;
}

/** zod's "Too big: ..." reads better mid-line as "too big: ..."; acronyms like "HTML" stay as they are. */
function lowerFirst(text: string): string {
  if (/^[A-Z][A-Z]/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
