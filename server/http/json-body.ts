// A JSON request body read against a zod schema: wrong content type, bad JSON or a bad shape is a ValidationError.
import type { Context } from 'hono';
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { findTooDeep, tooDeepMessage } from '../json-depth.ts';

export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  // Only JSON: an HTML form cannot send it across sites without a CORS preflight, which nothing here allows.
  if (!(c.req.header('content-type') ?? '').includes('application/json')) throw new ValidationError('Send the body as application/json.');
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ValidationError('The body is not valid JSON.');
  }
  const deep = findTooDeep(json, undefined, 'body');
  if (deep !== undefined) throw new ValidationError(tooDeepMessage(deep));
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'unexpected shape'}`);
  }
  return parsed.data;
}
