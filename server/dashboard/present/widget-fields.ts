// Field checks for widget components: a wrong field throws, and the widget's error box says which one.
export class WidgetDataError extends Error {
  override name = 'WidgetDataError';
}

export { isRecord } from '../document-rules.ts';

export function need<T>(ok: boolean, value: T, message: string): T {
  if (!ok) throw new WidgetDataError(message);
  return value;
}

export function string(v: unknown, field: string): string {
  return need(typeof v === 'string', v as string, `"${field}" must be text`);
}

export function optString(v: unknown, field: string): string | undefined {
  return v === undefined || v === null ? undefined : string(v, field);
}

export function number(v: unknown, field: string): number {
  return need(typeof v === 'number' && Number.isFinite(v), v as number, `"${field}" must be a number`);
}

export function optNumber(v: unknown, field: string): number | undefined {
  return v === undefined || v === null ? undefined : number(v, field);
}

export function list(v: unknown, field: string): unknown[] {
  return need(Array.isArray(v), v as unknown[], `"${field}" must be a list`);
}
