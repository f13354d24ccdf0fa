// Building blocks shared by every widget schema: the widget id, the layout fields and small value types.
import { z } from 'zod';
import { WIDGET_ID_PATTERN } from './document-rules.ts';

export const WidgetIdSchema = z
  .string()
  .regex(WIDGET_ID_PATTERN, {
    error: 'a widget id is 1-64 characters of a-z, 0-9, "_" or "-", starting with a letter or digit (e.g. "sales-by-month")',
  })
  .describe('Widget id you choose, unique in the dashboard: lowercase a-z, 0-9, "_", "-" (e.g. "sales-by-month"). Reuse it to replace or update the widget.');

export const ThemeSchema = z
  .enum(['auto', 'light', 'dark'])
  .describe('Colour theme of the page: "auto" follows the viewer\'s system setting.');

/** The number formats the page knows (present/format.ts); the list a model reads and a client can check. */
export const NUMBER_FORMATS = ['number', 'integer', 'percent', 'compact', 'bytes', 'fixed:N', 'currency:XXX'] as const;
const FORMAT_PATTERN = /^(?:number|integer|percent(?::\d{1,2})?|compact|bytes|fixed(?::\d{1,2})?|currency(?::[A-Za-z]{3})?|date|datetime|time)$/;

export const FormatSchema = z
  .string()
  .max(40)
  .regex(FORMAT_PATTERN, {
    error: 'format is one of "number", "integer", "percent", "compact", "bytes", "fixed:N" (N digits, e.g. "fixed:2"), "currency:XXX" (an ISO code, e.g. "currency:EUR"); date columns also "date", "datetime", "time"',
  })
  .describe(
    'How to show numbers: "number" (default), "integer", "fixed:2" (N decimals), "percent" (a fraction: 0.12 shows as 12 %), "compact" (1.2k, 3.4M), "bytes" (1.5 MB), "currency:USD" or "currency:EUR" (any ISO 4217 code); date columns: "date", "datetime", "time".',
  );

/** Fields every widget kind accepts, spread into each kind's object. */
export const widgetBase = {
  id: WidgetIdSchema,
  title: z.string().max(200).optional().describe('Heading shown above the widget.'),
  width: z
    .number()
    .int()
    .min(1)
    .max(12)
    .optional()
    .describe('Width in columns of a 12-column grid (12 = full row, 6 = half, 3 = quarter). Default depends on the kind.'),
  height: z.enum(['s', 'm', 'l']).optional().describe('Height: s (small), m (medium, default), l (large).'),
  note: z.string().max(10_000).optional().describe('Markdown caption shown under the widget.'),
};

export const BASE_KEYS: readonly string[] = Object.keys(widgetBase);
