// Zod model of a dashboard document and its widgets; the describe() texts are what a model reads as tool schema.
import { z } from 'zod';
import { ChartWidgetSchema } from './chart-schema.ts';
import { DASHBOARD_ID_PATTERN, WIDGET_KINDS as KINDS, type WidgetKind as RuleKind } from './document-rules.ts';
import { FormatSchema, ThemeSchema, widgetBase } from './schema-common.ts';
import { ChoiceWidgetSchema, FormWidgetSchema } from './schema-interactive.ts';

export { ChartWidgetSchema, ChartPointSchema, ChartSeriesSchema, CHART_TYPES } from './chart-schema.ts';
export type { ChartWidget, ChartPoint, ChartSeries, ChartType } from './chart-schema.ts';
export { ChoiceWidgetSchema, FormWidgetSchema, FORM_FIELD_TYPES } from './schema-interactive.ts';
export type { ChoiceWidget, FormWidget, FormField, FormFieldType } from './schema-interactive.ts';
export { WidgetIdSchema, ThemeSchema, FormatSchema, NUMBER_FORMATS } from './schema-common.ts';

export const MAX_TABLE_ROWS = 100_000;
export const MAX_LOG_LINES = 10_000;
export const MAX_TREND_POINTS = 1_000;
export const MAX_IMAGE_CHARS = 2 * 1024 * 1024;

export const MarkdownWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('markdown').describe('Widget kind: "markdown".'),
    text: z.string().max(100_000).describe('CommonMark text; GitHub tables work; raw HTML is shown as text.'),
  })
  .describe('Formatted text: findings, explanations, lists, small tables.');

export const MetricWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('metric').describe('Widget kind: "metric".'),
    value: z.union([z.number(), z.string().max(100)]).describe('The headline figure (a number, or short text such as "n/a").'),
    unit: z.string().max(20).optional().describe('Unit shown after the value: "USD", "ms", "%".'),
    label: z.string().max(200).optional().describe('What the figure is, e.g. "Total value".'),
    delta: z
      .number()
      .optional()
      .describe(
        'Change since the previous period, in the value\'s own unit: shown in the metric\'s format and unit (delta -4.5 with unit "ms" shows "▼ 4.5 ms"), never guessed from its size. For a relative change give it as a fraction with deltaFormat "percent" (0.05 shows "+5 %").',
      ),
    deltaFormat: FormatSchema.optional().describe(
      'How to show the delta, same words as format: "percent" = the delta is a fraction shown as % (0.05 -> +5 %); "number", "integer", "fixed:N", "compact", "bytes", "currency:XXX". Default: the metric\'s format and unit.',
    ),
    goodWhen: z.enum(['up', 'down']).optional().describe('Whether a rise is good (green) or bad (red). Default up.'),
    trend: z.array(z.number()).max(MAX_TREND_POINTS).optional().describe(`Recent values for a sparkline, oldest first (at most ${MAX_TREND_POINTS}).`),
    format: FormatSchema.optional(),
  })
  .describe('One headline number with optional change (delta) and sparkline (trend); data_append points add to the trend.');

const CellSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
const RowSchema = z.union([z.record(z.string(), CellSchema), z.array(CellSchema).max(100)], {
  error: 'a row is an object keyed by column key, or an array in column order; cells are strings, numbers, booleans or null',
});

export const TableColumnSchema = z.strictObject({
  key: z.string().min(1).max(100).describe('Key of the value in each row object (or a name for array rows).'),
  label: z.string().max(200).optional().describe('Column heading; defaults to the key.'),
  type: z
    .enum(['string', 'number', 'date', 'link', 'boolean'])
    .optional()
    .describe('How to show and sort values: link cells are http(s) URLs, date cells ISO 8601 strings or epoch ms. Default string.'),
  format: FormatSchema.optional(),
});

export const TableWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('table').describe('Widget kind: "table".'),
    columns: z.array(TableColumnSchema).min(1).max(100).describe('Columns in display order.'),
    rows: z
      .array(RowSchema)
      .max(MAX_TABLE_ROWS, { error: `a table holds at most ${MAX_TABLE_ROWS} rows` })
      .describe(`Rows: objects { [column key]: value } or arrays in column order (at most ${MAX_TABLE_ROWS}).`),
    sortBy: z.string().max(100).optional().describe('Column key to sort by initially; "-value" or "value:desc" sorts descending.'),
    pageSize: z.number().int().min(1).max(1000).optional().describe('Rows per page (default 50).'),
  })
  .superRefine((table, ctx) => {
    if (table.sortBy !== undefined) {
      const key = table.sortBy.replace(/^-/, '').replace(/[: ](asc|desc)$/i, '');
      if (!table.columns.some((column) => column.key === key)) {
        ctx.addIssue({ code: 'custom', path: ['sortBy'], message: `sortBy "${table.sortBy}" is not a column key; use one of: ${table.columns.map((c) => c.key).join(', ')}` });
      }
    }
    const firstIsArray = Array.isArray(table.rows[0]);
    const mixed = table.rows.findIndex((row) => Array.isArray(row) !== firstIsArray);
    if (mixed >= 0) {
      ctx.addIssue({ code: 'custom', path: ['rows', mixed], message: `rows must all be ${firstIsArray ? 'arrays' : 'objects'} like the first row` });
    }
    const seen = new Set<string>();
    table.columns.forEach((column, i) => {
      if (seen.has(column.key)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'key'], message: `column key "${column.key}" is used twice` });
      seen.add(column.key);
    });
  })
  .describe('A table of rows; sortable and paged on the page.');

const DATA_URL = /^data:image\/(?:(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+|svg\+xml(?:;charset=[\w-]+)?(?:;base64,[A-Za-z0-9+/=\s]+|,[\s\S]+))$/;

export const ImageWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('image').describe('Widget kind: "image".'),
    src: z
      .string()
      .max(MAX_IMAGE_CHARS, { error: `the image is too large: at most ${MAX_IMAGE_CHARS / 1024 / 1024} MiB of data URL` })
      .regex(DATA_URL, {
        error: 'src must be a data URL: data:image/png;base64,... (also jpeg, gif, webp) or data:image/svg+xml,... (base64 or not); links to other hosts are not loaded',
      })
      .describe('The image as a data URL (png, jpeg, gif, webp base64; or svg+xml). Remote URLs are not allowed.'),
    alt: z.string().min(1).max(1000).describe('Text alternative describing the image.'),
  })
  .describe('A picture embedded as a data URL.');

export const CodeWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('code').describe('Widget kind: "code".'),
    code: z.string().max(200_000).describe('The source text, shown monospaced.'),
    language: z.string().max(40).optional().describe('Language name for highlighting, e.g. "sql", "python", "ts".'),
  })
  .describe('A block of code or preformatted text.');

export const ProgressWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('progress').describe('Widget kind: "progress".'),
    value: z.number().min(0).max(1).optional().describe('Completion from 0 to 1 (0.4 = 40 %).'),
    label: z.string().max(200).optional().describe('What is in progress.'),
    steps: z
      .array(
        z.strictObject({
          label: z.string().min(1).max(200).describe('Step name.'),
          status: z.enum(['todo', 'doing', 'done', 'failed']).describe('Step state.'),
        }),
      )
      .max(100)
      .optional()
      .describe('Checklist of steps with their state.'),
  })
  .describe('A progress bar and/or a list of steps.');

export const LogWidgetSchema = z
  .strictObject({
    ...widgetBase,
    kind: z.literal('log').describe('Widget kind: "log".'),
    lines: z.array(z.string().max(2000)).max(MAX_LOG_LINES).describe(`Log lines, oldest first (at most ${MAX_LOG_LINES}).`),
    maxLines: z
      .number()
      .int()
      .min(1)
      .max(MAX_LOG_LINES)
      .optional()
      .describe('Keep only this many of the newest lines; older ones are dropped on write.'),
  })
  .describe('A scrolling log of text lines; append to it with data_append.');

export const WidgetSchema = z
  .discriminatedUnion('kind', [
    MarkdownWidgetSchema,
    MetricWidgetSchema,
    TableWidgetSchema,
    ChartWidgetSchema,
    ImageWidgetSchema,
    CodeWidgetSchema,
    ProgressWidgetSchema,
    LogWidgetSchema,
    ChoiceWidgetSchema,
    FormWidgetSchema,
  ])
  .describe('One widget; "kind" selects its fields.');

/** The kinds as the page knows them (server/dashboard/document-rules.ts). */
export const WIDGET_KINDS = KINDS;
// The union above must have exactly the kinds of the shared rules: a kind added on one side only fails tsc here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type WidgetKindsMatchRules = Holds<Same<z.infer<typeof WidgetSchema>['kind'], RuleKind>>;

/** Allowed keys per kind, used to tell a model which fields a kind takes when it sends an unknown one. */
export const WIDGET_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  WidgetSchema.options.map((option) => [option.shape.kind.value, Object.keys(option.shape)]),
);

const IsoSchema = z.iso.datetime({ offset: true });

export const DashboardSchema = z
  .strictObject({
    id: z.string().regex(DASHBOARD_ID_PATTERN).describe('Dashboard id (a lower-case UUID).'),
    title: z.string().min(1).max(200).describe('Page title.'),
    description: z.string().max(2000).optional().describe('One or two sentences under the title.'),
    theme: ThemeSchema,
    feedback: z
      .boolean()
      .optional()
      .describe('false = the page takes no answers, comments or messages (its inbox is closed; what it holds stays readable). Absent or true = open.'),
    widgets: z.array(WidgetSchema).describe('Widgets in display order.'),
    revision: z.number().int().min(0).describe('Increases by one on every write.'),
    createdAt: IsoSchema.describe('When the dashboard was created (ISO 8601).'),
    updatedAt: IsoSchema.describe('When it was last written (ISO 8601).'),
    expiresAt: IsoSchema.describe('When it disappears unless written to again (ISO 8601).'),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.widgets.forEach((widget, i) => {
      if (seen.has(widget.id)) ctx.addIssue({ code: 'custom', path: ['widgets', i, 'id'], message: `widget id "${widget.id}" is used twice` });
      seen.add(widget.id);
    });
  })
  .describe('A dashboard document.');

export type Theme = z.infer<typeof ThemeSchema>;
export type Widget = z.infer<typeof WidgetSchema>;
export type WidgetKind = Widget['kind'];
export type MarkdownWidget = z.infer<typeof MarkdownWidgetSchema>;
export type MetricWidget = z.infer<typeof MetricWidgetSchema>;
export type TableWidget = z.infer<typeof TableWidgetSchema>;
export type TableColumn = z.infer<typeof TableColumnSchema>;
export type ImageWidget = z.infer<typeof ImageWidgetSchema>;
export type CodeWidget = z.infer<typeof CodeWidgetSchema>;
export type ProgressWidget = z.infer<typeof ProgressWidgetSchema>;
export type LogWidget = z.infer<typeof LogWidgetSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
