// The widgets a person answers on the page: a choice (one click, or several then submit) and a small form.
// What people send back is checked again on the server against these definitions (see server/feedback/).
import { z } from 'zod';
import { ANSWER_KEY_PATTERN, FORM_FIELD_TYPES, formValueProblem } from './answer-rules.ts';
import { widgetBase } from './schema-common.ts';

export { FORM_FIELD_TYPES };
export type { FormFieldType } from './answer-rules.ts';

export const MAX_CHOICE_OPTIONS = 20;
export const MAX_FORM_FIELDS = 30;

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
    multiple: z.boolean().optional().describe('true = the person may pick several; false (default) = exactly one. Either way they press the submit button to send.'),
    submitOnSelect: z
      .boolean()
      .optional()
      .describe('Single choice only: true = a click on an option sends it at once (no submit button); default false = the person picks, then presses the submit button (submitLabel).'),
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
      const problem = formValueProblem(field, field.default, 'default');
      if (problem) ctx.addIssue({ code: 'custom', path: ['fields', i, 'default'], message: problem });
    });
  })
  .describe('A small form the person fills in and submits; read the values with feedback_read.');

export type ChoiceWidget = z.infer<typeof ChoiceWidgetSchema>;
export type FormWidget = z.infer<typeof FormWidgetSchema>;
