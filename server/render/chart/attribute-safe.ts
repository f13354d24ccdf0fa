// ECharts' SSR escapes the text it draws but writes style values (colours, font families, symbols) into SVG
// attributes as they are: a `"` in a model's fontFamily would end the attribute and add markup of its own. Strings
// outside text positions lose the characters that could do that; text stays as written (ECharts escapes it).
import { isRecord } from '../../dashboard/document-rules.ts';
const TEXT_KEYS = new Set(['name', 'text', 'subtext', 'formatter', 'data', 'value', 'dimensions', 'indicator', 'seriesName']);
const ATTRIBUTE_BREAKERS = /["'<>&]/g;


function clean(value: unknown, textual: boolean, depth: number): unknown {
  if (typeof value === 'string') return textual ? value : value.replace(ATTRIBUTE_BREAKERS, '');
  if (depth > 40) return value;
  // Strings listed under a text key ("data": ["Mon", "Tue"]) are text; objects inside start over (their colours).
  if (Array.isArray(value)) return value.map((item) => clean(item, textual, depth + 1));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = clean(child, TEXT_KEYS.has(key), depth + 1);
  return out;
}

export function attributeSafe(option: Record<string, unknown>): Record<string, unknown> {
  return clean(option, false, 0) as Record<string, unknown>;
}
