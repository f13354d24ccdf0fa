// What a person's answer from the page must look like: choice selections, form values (types, required, select
// options), text and event sizes, the viewer id; and how open pages hear of answers. Pure and without imports: the
// page checks with this very file before sending, and the server checks again with it (server/feedback/), so the
// two cannot drift apart.

/** Option ids and form field names travel back in feedback events and are shown to the model: keep them plain. */
export const ANSWER_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** A short random id per browser (not an identity): tells the model which answers came from the same person. */
export const VIEWER_ID_PATTERN = /^[a-z0-9]{6,32}$/;

export const FEEDBACK_KINDS = ['message', 'comment', 'choice', 'form', 'click'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'select', 'checkbox', 'date'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Longest text a person can send in one message, comment or form field. */
export const MAX_ANSWER_TEXT_CHARS = 10_000;
/** Largest feedback event, as JSON bytes (a request body over this is refused before it is read further). */
export const MAX_FEEDBACK_EVENT_BYTES = 16 * 1024;
/** Events kept per dashboard; older ones are dropped (and counted) when more arrive. */
export const MAX_FEEDBACK_EVENTS = 500;

/** The parts of a form field the checks need (the full schema is server/dashboard/schema-interactive.ts). */
export interface FormFieldRule {
  name: string;
  label?: string;
  type: string;
  options?: readonly string[];
  required?: boolean;
}

/** A choice as far as its answers are concerned. */
export interface ChoiceRule {
  options: readonly { id: string }[];
  multiple?: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a real calendar day (what <input type="date"> gives). */
export function isIsoDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** No answer given: what an empty input sends (the page leaves it out). */
export function isEmptyAnswer(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Why `value` cannot be what a person answers to `field`, or undefined when it can. With role 'default' it checks
 * a form author's default instead: the type only (a default never makes a field "answered").
 */
export function formValueProblem(field: FormFieldRule, value: unknown, role: 'answer' | 'default' = 'answer'): string | undefined {
  const author = role === 'default';
  if (isEmptyAnswer(value)) {
    if (author) return undefined;
    return field.required ? 'is required' : undefined;
  }
  switch (field.type) {
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return undefined;
      return author ? 'a number field takes a number default' : 'must be a number';
    case 'checkbox':
      if (typeof value !== 'boolean') return author ? 'a checkbox field takes true or false as default' : 'must be true or false';
      // A required checkbox is one the person has to tick ("I agree").
      return !author && field.required && !value ? 'must be ticked' : undefined;
    case 'date':
      if (isIsoDate(value)) return undefined;
      return author ? 'a date field takes a default like "2026-12-31"' : 'must be a date like 2026-12-31';
    case 'select':
      if (typeof value === 'string' && field.options?.includes(value)) return undefined;
      return author ? 'a select default must be one of its options' : `must be one of: ${(field.options ?? []).join(', ')}`;
    default:
      if (typeof value !== 'string') return author ? `a ${field.type} field takes a text default` : 'must be text';
      return !author && value.length > MAX_ANSWER_TEXT_CHARS ? `is longer than ${MAX_ANSWER_TEXT_CHARS} characters` : undefined;
  }
}

/** Every problem of a whole form answer, by field name: unknown names, missing required fields, wrong values. */
export function formAnswerProblems(fields: readonly FormFieldRule[], values: Readonly<Record<string, unknown>>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push({ field: name, message: 'is not a field of this form' });
  }
  for (const field of fields) {
    const own = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
    const message = formValueProblem(field, own);
    if (message) problems.push({ field: field.name, message });
  }
  return problems;
}

/** Why `selected` cannot answer `choice`, or undefined when it can: known option ids, no repeats, one unless multiple. */
export function choiceAnswerProblem(choice: ChoiceRule, selected: readonly unknown[]): string | undefined {
  if (selected.length === 0) return 'pick at least one option';
  if (!choice.multiple && selected.length > 1) return 'pick exactly one option';
  const ids = new Set(choice.options.map((option) => option.id));
  const unknown = selected.find((id) => typeof id !== 'string' || !ids.has(id));
  if (unknown !== undefined) return `"${String(unknown).slice(0, 64)}" is not an option of this choice`;
  if (new Set(selected).size !== selected.length) return 'an option is picked twice';
  return undefined;
}

/** A choice or form answer as every open page sees it, the newest per widget (comments and messages stay private). */
export interface InboxAnswer {
  id: number;
  at: string;
  widget: string;
  kind: 'choice' | 'form';
  data: Record<string, unknown>;
  viewer: string;
}

/**
 * What a page hears about the inbox on its live feed (event "inbox"): events up to `seenThrough` were read by the
 * assistant; `answers` are the newest per widget. `full` replaces what the page knew (sent after each snapshot and
 * resume), otherwise it merges.
 */
export interface InboxNotice {
  full?: true;
  seenThrough?: number;
  answers?: InboxAnswer[];
}
