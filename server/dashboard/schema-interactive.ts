// The widgets a person answers on the page: a choice (one click, or several then submit) and a small form.
// What people send back is checked again on the server against these definitions (see server/feedback/).
import { z } from 'zod';
import { widgetBase } from './schema-common.ts';

export const MAX_CHOICE_OPTIONS = 20;
export const MAX_FORM_FIELDS = 30;
export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'select', 'checkbox', 'date'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Option ids and field names travel back in feedback events and are shown to the model: keep them plain. */
export const ANSWER_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const answerKey = (what: string) =>
  z
    .string()
    .regex(ANSWER_KEY_PATTERN, { error: `a ${what} is 1-64 characters of letters, digits, "_", "." or "-", starting with a letter or digit` })
    .describe(`The ${what} reported back in feedback events (letters, digits, "_", ".", "-").`);

const submitLabel = z.string().min(1).max(60).optional().describe('Text of the submit button (default "Submit").');

export const ChoiceWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('choice').describe('Widget kind: "choice".'),
    prompt: z.string().max(1000).optional().describe('The question shown above the options.'),
    options: z
      .array(
        z.strictObject({
          id: answerKey('option id'),
          label: z.string().min(1).max(200).describe('Button text.'),
          description: z.string().max(500).optional().describe('One line under the label.'),
        }),
      )
      .min(1)
      .max(MAX_CHOICE_OPTIONS, { error: `a choice has at most ${MAX_CHOICE_OPTIONS} options` })
      .describe(`The options (1-${MAX_CHOICE_OPTIONS}).`),
    multiple: z.boolean().optional().describe('true = the person may pick several, then presses submit; default one click answers.'),
    submitLabel,
  })
  .superRefine((choice, ctx) => {
    const seen = new Set<string>();
    choice.options.forEach((option, i) => {
      if (seen.has(option.id)) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `option id "${option.id}" is used twice` });
      seen.add(option.id);
    });
  })
  .describe('A question the person answers by picking an option; read the answer with feedback_read.');

const FormFieldSchema = z.strictObject({
  name: answerKey('field name'),
  label: z.string().min(1).max(200).describe('Label shown beside the input.'),
  type: z.enum(FORM_FIELD_TYPES).describe('Input type: text, textarea, number, select (needs options), checkbox, date (YYYY-MM-DD).'),
  options: z.array(z.string().min(1).max(200)).min(1).max(100).optional().describe('select only: the values to pick from.'),
  required: z.boolean().optional().describe('true = the form cannot be sent without it.'),
  placeholder: z.string().max(200).optional().describe('Hint text inside an empty input.'),
  default: z.union([z.string().max(10_000), z.number(), z.boolean()]).optional().describe('Initial value (a string, number or boolean matching the type).'),
});
export type FormField = z.infer<typeof FormFieldSchema>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a default does not fit its field, or undefined when it does. */
function defaultProblem(field: FormField): string | undefined {
  const value = field.default;
  if (value === undefined) return undefined;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number field takes a number default';
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'a checkbox field takes true or false as default';
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? undefined : 'a date field takes a default like "2026-12-31"';
    case 'select':
      return typeof value === 'string' && field.options?.includes(value) ? undefined : 'a select default must be one of its options';
    default:
      return typeof value === 'string' ? undefined : `a ${field.type} field takes a text default`;
  }
}

export const FormWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('form').describe('Widget kind: "form".'),
    fields: z
      .array(FormFieldSchema)
      .min(1)
      .max(MAX_FORM_FIELDS, { error: `a form has at most ${MAX_FORM_FIELDS} fields` })
      .describe(`The inputs, in order (1-${MAX_FORM_FIELDS}).`),
    submitLabel,
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((field, i) => {
      if (seen.has(field.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `field name "${field.name}" is used twice` });
      seen.add(field.name);
      if (field.type === 'select' && !field.options) ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'a select field needs "options"' });
      if (field.type !== 'select' && field.options) ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: '"options" is only for select fields' });
      const problem = defaultProblem(field);
      if (problem) ctx.addIssue({ code: 'custom', path: ['fields', i, 'default'], message: problem });
    });
  })
  .describe('A small form the person fills in and submits; read the values with feedback_read.');

export type ChoiceWidget = z.infer<typeof ChoiceWidgetSchema>;
export type FormWidget = z.infer<typeof FormWidgetSchema>;
