// A compact JSON Schema for one widget, generated from the zod schema: what a client can check before it sends
// (kinds, required fields, field types, small enums), small enough to repeat in tools/list. The server still
// validates everything itself and answers with messages that say what to fix.
import { z } from 'zod';
import { WIDGET_ID_PATTERN } from './document-rules.ts';
import { BASE_KEYS } from './schema-common.ts';
import { WidgetSchema } from './schema.ts';

type JsonSchema = Record<string, unknown>;

/** The JSON type(s) of a zod schema, or undefined when any value may do. */
function jsonTypes(schema: z.ZodType): string[] | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    const inner = jsonTypes(schema.unwrap() as z.ZodType);
    return inner && schema instanceof z.ZodNullable ? [...inner, 'null'] : inner;
  }
  if (schema instanceof z.ZodString) return ['string'];
  if (schema instanceof z.ZodNumber) return [schema.format === 'safeint' ? 'integer' : 'number'];
  if (schema instanceof z.ZodBoolean) return ['boolean'];
  if (schema instanceof z.ZodNull) return ['null'];
  if (schema instanceof z.ZodArray) return ['array'];
  if (schema instanceof z.ZodObject || schema instanceof z.ZodRecord) return ['object'];
  if (schema instanceof z.ZodUnion) {
    const members = (schema.options as z.ZodType[]).map(jsonTypes);
    return members.every((types) => types !== undefined) ? [...new Set(members.flat() as string[])] : undefined;
  }
  return undefined;
}

/** A field reduced to what a client can check cheaply: its few allowed values, or its JSON type(s). */
function compactField(schema: z.ZodType): JsonSchema {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodLiteral) return { const: inner.value };
  if (inner instanceof z.ZodEnum) return { enum: inner.options };
  const types = jsonTypes(inner);
  if (!types) return {};
  return { type: types.length === 1 ? types[0] : types };
}

const isRequired = (schema: z.ZodType) => !(schema instanceof z.ZodOptional);

/** The common fields once, then one branch per kind (its kind constant, own fields and required ones). */
export function widgetItemJsonSchema(): JsonSchema {
  const first = WidgetSchema.options[0].shape as Record<string, z.ZodType>;
  const base = Object.fromEntries(BASE_KEYS.map((key) => [key, compactField(first[key] as z.ZodType)]));
  const width = (first.width as z.ZodOptional<z.ZodNumber>).unwrap();
  return {
    type: 'object',
    properties: { ...base, id: { type: 'string', pattern: WIDGET_ID_PATTERN.source }, width: { ...base.width, minimum: width.minValue, maximum: width.maxValue } },
    required: ['id', 'kind'],
    oneOf: WidgetSchema.options.map((option) => {
      const own = Object.entries(option.shape as Record<string, z.ZodType>).filter(([name]) => !BASE_KEYS.includes(name));
      return {
        properties: Object.fromEntries(own.map(([name, field]) => [name, compactField(field)])),
        required: own.filter(([, field]) => isRequired(field)).map(([name]) => name),
      };
    }),
  };
}
