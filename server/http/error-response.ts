// The one way HTTP answers an error. Routes throw; each sub-app's onError answers in its protocol's shape: AppErrors
// as { error: { code, message } } with their status, the OAuth endpoints in the OAuth shape (RFC 6749 §5.2), /mcp as
// JSON-RPC errors. Anything that is not an AppError goes on to the app's handler, which logs it and answers a bare
// 500: never a stack trace or an internal message.
import type { ErrorHandler } from 'hono';
import { AppError, RateLimitError } from '../errors.ts';
import { OAuthRequestError } from '../auth/oauth-error.ts';
import { rpcError } from '../mcp/rpc-error.ts';

/** Retry-After for a rate-limited answer, nothing otherwise. */
function retryHeaders(error: unknown): Record<string, string> {
  return error instanceof RateLimitError ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
}

/** An AppError as JSON with its own status; anything else is a 500 whose cause the caller has logged. */
export function appErrorResponse(error: unknown): Response {
  const known = error instanceof AppError ? error : new AppError('internal', 500, 'Internal error.');
  return Response.json(known.toJSON(), { status: known.status, headers: retryHeaders(known) });
}

/**
 * An AppError in the OAuth shape, never cached (token answers must not be stored by anything in between). A rate
 * limit has no registered code (temporarily_unavailable, 429, Retry-After); any other refusal is invalid_request.
 */
export function oauthErrorResponse(error: AppError): Response {
  const code = error instanceof OAuthRequestError ? error.error : error instanceof RateLimitError ? 'temporarily_unavailable' : 'invalid_request';
  return Response.json({ error: code, error_description: error.message }, { status: error.status, headers: { 'Cache-Control': 'no-store', ...retryHeaders(error) } });
}

/** A request refused in front of the MCP endpoint: a JSON-RPC error (id null, the body was not read). */
export function jsonRpcErrorResponse(error: AppError): Response {
  return rpcError(error.status, -32000, error.message, retryHeaders(error));
}

/** A sub-app's onError: AppErrors answered by `answer`, anything else rethrown to the app's handler (logged, bare 500). */
export function answerAppErrors(answer: (error: AppError) => Response): ErrorHandler {
  return (error) => {
    if (error instanceof AppError) return answer(error);
    throw error;
  };
}
