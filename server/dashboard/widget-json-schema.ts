// A compact JSON Schema for one widget, generated from the zod schema: what a client can check before it sends
// (kinds, required fields, field types, small enums), small enough to repeat in tools/list. The server still
// validates everything itself and answers with messages that say what to fix.
import { z } from 'zod';
import { BASE_KEYS } from './schema-common.ts';
import { WidgetSchema } from './schema.ts';

type JsonSchema = Record<string, unknown>;

/** A field reduced to what a client can check cheaply: its JSON type(s), or its few allowed values. */
function compactField(field: JsonSchema): JsonSchema {
  if (field.const !== undefined) return { const: field.const };
  if (Array.isArray(field.enum)) return { enum: field.enum };
  if (field.type !== undefined) return { type: field.type };
  const members = (field.anyOf ?? field.oneOf) as JsonSchema[] | undefined;
  if (members) {
    const types = [...new Set(members.flatMap((member) => (member.type === undefined ? [] : [member.type].flat())))];
    if (types.length > 0) return { type: types.length === 1 ? types[0] : types };
  }
  return {};
}

function compactProperties(properties: Record<string, JsonSchema>, keep: (name: string) => boolean): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(properties).filter(([name]) => keep(name)).map(([name, field]) => [name, compactField(field)]));
}

const pick = (field: JsonSchema | undefined, keys: string[]): JsonSchema => Object.fromEntries(keys.filter((key) => field?.[key] !== undefined).map((key) => [key, field?.[key]]));

/** The common fields once, then one branch per kind (its kind constant, own fields and required ones). */
export function widgetItemJsonSchema(): JsonSchema {
  const full = z.toJSONSchema(WidgetSchema, { io: 'input' }) as { oneOf: { properties: Record<string, JsonSchema>; required?: string[] }[] };
  const base = full.oneOf[0]?.properties ?? {};
  return {
    type: 'object',
    properties: { ...compactProperties(base, (name) => BASE_KEYS.includes(name)), id: pick(base.id, ['type', 'pattern']), width: pick(base.width, ['type', 'minimum', 'maximum']) },
    required: ['id', 'kind'],
    oneOf: full.oneOf.map((option) => ({
      properties: compactProperties(option.properties, (name) => !BASE_KEYS.includes(name)),
      required: (option.required ?? []).filter((name) => !BASE_KEYS.includes(name)),
    })),
  };
}
