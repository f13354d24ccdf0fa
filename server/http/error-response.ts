// The one way HTTP answers an error: AppErrors as { error: { code, message } } with their status, OAuth endpoints in
// the OAuth shape (RFC 6749 §5.2), and refusals in front of /mcp as JSON-RPC errors. Never a stack trace.
import { AppError, RateLimitError } from '../errors.ts';

/** Retry-After for a rate-limited answer, nothing otherwise. */
function retryHeaders(error: unknown): Record<string, string> {
  return error instanceof RateLimitError ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
}

/** An AppError as JSON with its own status; anything else is a 500 whose cause the caller has logged. */
export function appErrorResponse(error: unknown): Response {
  const known = error instanceof AppError ? error : new AppError('internal', 500, 'Internal error.');
  return Response.json(known.toJSON(), { status: known.status, headers: retryHeaders(known) });
}

/** An OAuth error body, never cached (token answers must not be stored by anything in between). */
export function oauthErrorResponse(error: string, description: string, status = 400, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** A rate-limited OAuth request: the OAuth shape (there is no registered code for it), 429 and Retry-After. */
export function oauthRateLimitResponse(error: RateLimitError): Response {
  return oauthErrorResponse('temporarily_unavailable', error.message, 429, retryHeaders(error));
}

/** A request refused before it reached the MCP endpoint: a JSON-RPC error (id null, it was not read). */
export function jsonRpcErrorResponse(error: AppError): Response {
  const body = { jsonrpc: '2.0', id: null, error: { code: -32000, message: error.message } };
  return Response.json(body, { status: error.status, headers: retryHeaders(error) });
}
