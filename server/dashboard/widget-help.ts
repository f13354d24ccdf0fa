// The widget help a model reads in the tool descriptions, generated from the zod schemas so it cannot drift from
// what the server accepts: every kind with its description, every field with its own, enums spelled out.
import { z } from 'zod';
import { BASE_KEYS } from './schema-common.ts';
import { WidgetSchema } from './schema.ts';

/** One field: `name?` (optional), its allowed words when it has few, and its description. */
function fieldHelp(name: string, schema: z.ZodType, seen: Map<string, string>, path: string): string {
  const optional = schema instanceof z.ZodOptional;
  const inner = optional ? (schema.unwrap() as z.ZodType) : schema;
  const description = schema.description ?? inner.description ?? '';
  const words = inner instanceof z.ZodEnum ? ` (${(inner.options as string[]).join('|')})` : '';
  // A description met before (the format words on metric and table columns) is named, not repeated.
  const first = seen.get(description);
  if (description && first === undefined) seen.set(description, path);
  // Fields are joined with "; ", so a closing full stop would only add noise.
  const text = first !== undefined ? `as ${first}` : description.replace(/\.$/, '');
  const element = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
  const nested = element instanceof z.ZodObject ? `. Each: ${objectHelp(element, seen, path)}` : '';
  return `${name}${optional ? '?' : ''}${words}: ${text}${nested}`;
}

function objectHelp(schema: z.ZodObject, seen: Map<string, string>, path: string, skip: readonly string[] = []): string {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).filter(([name]) => !skip.includes(name));
  return `{${fields.map(([name, field]) => fieldHelp(name, field, seen, `${path}.${name}`)).join('; ')}}`;
}

/** The kinds the schema accepts, in its order. */
export function widgetKinds(): string[] {
  return WidgetSchema.options.map((option) => option.shape.kind.value);
}

/**
 * The help for the `widgets` argument: the fields every widget takes, then each kind's own fields. Chart types and
 * their point shapes come in with the chart's `type` description, the format words with `format`'s.
 */
export function widgetsHelp(): string {
  const seen = new Map<string, string>();
  const first = WidgetSchema.options[0];
  const common = objectHelp(first, seen, 'widget', [...Object.keys(first.shape).filter((key) => !BASE_KEYS.includes(key))]);
  const kinds = WidgetSchema.options.map((option) => {
    const kind = option.shape.kind.value;
    return `kind "${kind}": ${option.description ?? ''} ${objectHelp(option, seen, kind, [...BASE_KEYS, 'kind'])}`;
  });
  return [`Every widget: {kind (${widgetKinds().join('|')}); ${common.slice(1)}.`, ...kinds].join('\n');
}
