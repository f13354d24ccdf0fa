// Validates what a page sends: the request shape with zod, then its data against the widget it names (a zod schema
// built for that widget from the shared answer rules), so an answer the page would refuse is refused here too.
import { z } from 'zod';
import {
  ANSWER_KEY_PATTERN,
  choiceAnswerProblem,
  FEEDBACK_KINDS,
  formAnswerProblems,
  MAX_ANSWER_TEXT_CHARS,
  VIEWER_ID_PATTERN,
} from '../dashboard/answer-rules.ts';
import { WIDGET_ID_PATTERN } from '../dashboard/document-rules.ts';
import { formatIssues } from '../dashboard/format-error.ts';
import type { Dashboard, Widget } from '../dashboard/schema.ts';
import { ValidationError } from '../errors.ts';
import type { FeedbackSource, NewFeedbackEvent } from '../store/feedback.ts';

const widgetId = z.string().regex(WIDGET_ID_PATTERN, { error: 'is not a widget id' });
const viewer = z.string().regex(VIEWER_ID_PATTERN, { error: 'must be the page\'s random viewer id (6-32 of a-z, 0-9)' });
const text = z
  .string()
  .max(MAX_ANSWER_TEXT_CHARS, { error: `is longer than ${MAX_ANSWER_TEXT_CHARS} characters` })
  .refine((value) => value.trim() !== '', { error: 'is empty' });
const label = z.string().max(200);
const clickValue = z.union([z.number(), label, z.null(), z.array(z.union([z.number(), label, z.null()])).max(8)], {
  error: 'must be a number, a short text, null or a short list of them',
});

const TextData = z.strictObject({ text });
const ChoiceData = z.strictObject({ selected: z.array(z.string().max(64)).min(1).max(20) });
const FormData = z.strictObject({
  values: z
    .record(z.string().regex(ANSWER_KEY_PATTERN, { error: 'is not a field name' }), z.union([z.string().max(MAX_ANSWER_TEXT_CHARS), z.number(), z.boolean()]))
    .refine((values) => Object.keys(values).length <= 30, { error: 'has more than 30 fields' }),
});
const ClickData = z.strictObject({ series: label.nullable(), name: label, value: clickValue });

/** The body of POST /api/dashboard/:id/feedback: the stored event without id, time and with the viewer's id. */
export const FeedbackRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('message'), data: TextData, viewer }),
  z.strictObject({ kind: z.literal('comment'), widget: widgetId, data: TextData, viewer }),
  z.strictObject({ kind: z.literal('choice'), widget: widgetId, data: ChoiceData, viewer }),
  z.strictObject({ kind: z.literal('form'), widget: widgetId, data: FormData, viewer }),
  z.strictObject({ kind: z.literal('click'), widget: widgetId, data: ClickData, viewer }),
]);
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** The data of `request` checked against `widget`: which kinds of feedback the widget takes and what answers fit it. */
function dataSchemaFor(request: Exclude<FeedbackRequest, { kind: 'message' }>, widget: Widget): z.ZodType {
  const id = `widget "${widget.id}"`;
  switch (request.kind) {
    case 'comment':
      return TextData;
    case 'choice':
      if (widget.kind !== 'choice') throw new ValidationError(`${id} is a ${widget.kind}, not a choice: it takes no choice answer`);
      return ChoiceData.superRefine((data, ctx) => {
        const problem = choiceAnswerProblem(widget, data.selected);
        if (problem) ctx.addIssue({ code: 'custom', path: ['selected'], message: problem });
      });
    case 'form':
      if (widget.kind !== 'form') throw new ValidationError(`${id} is a ${widget.kind}, not a form: it takes no form answer`);
      return FormData.superRefine((data, ctx) => {
        for (const problem of formAnswerProblems(widget.fields, data.values)) ctx.addIssue({ code: 'custom', path: ['values', problem.field], message: problem.message });
      });
    case 'click':
      if (widget.kind !== 'chart' || widget.clickable !== true) throw new ValidationError(`${id} is not a clickable chart: clicks on it are not sent`);
      return ClickData;
  }
}

/**
 * A page's or in-chat view's request -> the event to store; ValidationError says what is wrong (shown to the person).
 * `source` is decided by the server (which door the request came through), never taken from the request.
 */
export function validateFeedback(doc: Dashboard, raw: unknown, source: FeedbackSource = 'page'): Omit<NewFeedbackEvent, 'at'> {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (!FEEDBACK_KINDS.includes(kind as never)) {
    throw new ValidationError(`"kind" must be one of: ${FEEDBACK_KINDS.join(', ')}`);
  }
  const parsed = FeedbackRequestSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(formatIssues(parsed.error.issues, raw).join('\n'), parsed.error);
  const request = parsed.data;
  if (request.kind === 'message') return { kind: 'message', data: request.data, viewer: request.viewer, source };
  const widget = doc.widgets.find((w) => w.id === request.widget);
  if (!widget) throw new ValidationError(`there is no widget "${request.widget}" on this dashboard (it may have been removed): reload the page`);
  const data = dataSchemaFor(request, widget).safeParse(request.data);
  if (!data.success) throw new ValidationError(formatIssues(data.error.issues, request.data, 'data').join('\n'), data.error);
  return { kind: request.kind, widget: widget.id, data: request.data, viewer: request.viewer, source };
}
