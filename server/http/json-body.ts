// The one JSON request body reader: bad JSON, a wrong content type or a bad shape is a thrown AppError that the
// route's error handler answers in its protocol's shape.
import type { Context } from 'hono';
import type { z } from 'zod';
import { type AppError, ValidationError } from '../errors.ts';

/** The body parsed as JSON; `invalid` is the refusal for a body that is not JSON (the OAuth routes name their own code). */
export async function readJson(c: Context, invalid: () => AppError = () => new ValidationError('The body is not valid JSON.')): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw invalid();
  }
}

/** A JSON body checked against a zod schema; only application/json is taken. */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  // Only JSON: an HTML form cannot send it across sites without a CORS preflight, which nothing here allows.
  if (!(c.req.header('content-type') ?? '').includes('application/json')) throw new ValidationError('Send the body as application/json.');
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'unexpected shape'}`);
  }
  return parsed.data;
}
