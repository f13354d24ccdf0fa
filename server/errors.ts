// Application errors: a stable code, an HTTP status and a message that is safe to show a user or a model.
// The internal cause (if any) is kept for logging and never serialised.

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toJSON(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Input that does not fit a schema or a limit; the message says what to change. */
export class ValidationError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('invalid_input', 400, message, cause);
  }
}

/** Something addressed by id does not exist (or has expired, which looks the same from outside). */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', 404, message);
  }
}

/** Something that existed has expired (HTTP 410): said apart from "never here" (404) so a page can tell the person. */
export class GoneError extends AppError {
  constructor(message: string) {
    super('expired', 410, message);
  }
}

/** An optimistic-concurrency check failed: someone else wrote first. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}

/** A size or count bound was exceeded. */
export class LimitError extends AppError {
  constructor(message: string) {
    super('limit_exceeded', 413, message);
  }
}

/** The server's data budget (--max-data) is used up; nothing was written. 507 Insufficient Storage. */
export class StorageFullError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('storage_full', 507, message, cause);
  }
}

/** The request needs credentials it did not carry, or they were wrong. */
export class UnauthorizedError extends AppError {
  constructor(code: string, message: string) {
    super(code, 401, message);
  }
}

/** The request is understood and refused (a foreign Host or Origin, a missing CSRF token). */
export class ForbiddenError extends AppError {
  constructor(code: string, message: string) {
    super(code, 403, message);
  }
}

/** A per-client or total rate bound was reached; the client may try again after `retryAfterSeconds`. */
export class RateLimitError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', 429, message);
  }
}

/** A short, non-secret prefix of an id for logs: ids are credentials. */
export function idPrefix(id: string | undefined | null): string {
  if (!id) return '-';
  return `${id.slice(0, 8)}…`;
}
