// Bounds a request body in size and in time before anything reads it: a declared Content-Length over the bound is
// refused at once; a body (declared or chunked) is then read whole within the time bound, and refused as soon as it
// passes the size bound. A body that has not arrived in time is answered 408 and the connection closed, before any
// route sees it, so nothing is stored. Why a time bound: the server's idle timeout (60 s) is there for live streams,
// and without this a client that sends the headers and part of a body held a socket for as long; honest clients
// send these bodies (forms, JSON-RPC) in one go, in milliseconds.
// Hono's bodyLimit does the size part but turns every body into a JS stream on Bun; here a declared body is read
// with one native call and handed on as a buffer (~5 us a request, measured).
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';

/** Time for a small body (the auth, console and feedback routes take at most 64 KiB). */
export const BODY_TIMEOUT_MS = 5_000;

/** The time bound for bodies up to `maxBytes`: 5 s, and one more second per whole MiB (13 s for /mcp's default 8 MiB). */
export function bodyTimeoutFor(maxBytes: number): number {
  return BODY_TIMEOUT_MS + Math.floor(maxBytes / 1024 ** 2) * 1_000;
}

export interface BodyLimitOptions {
  maxBytes: number;
  /** The refusal for a body over the bound (a 413), thrown: the route's error handler answers it in its shape. */
  tooLarge: () => AppError;
  /** How long the whole body may take to arrive, from when the headers did (default: bodyTimeoutFor(maxBytes)). */
  timeoutMs?: number;
}

class BodyTimeout extends Error {}

/** The refusal for a body that did not arrive in time (answered in the route's error shape). */
export const bodyTooSlow = (seconds: number) => new AppError('request_timeout', 408, `The request body did not arrive within ${seconds} s; nothing was done. Send it again.`);

async function readWithin(request: Request, maxBytes: number, deadline: Promise<never>, tooLarge: () => AppError): Promise<ArrayBuffer> {
  if (request.headers.has('content-length') && !request.headers.has('transfer-encoding')) {
    // Bun enforces the declared length, which is within the bound: one native read.
    const whole = request.arrayBuffer();
    whole.catch(() => undefined); // a read given up on rejects when the socket closes
    return Promise.race([whole, deadline]);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  const joined = Buffer.concat(chunks);
  return joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
}

/** Ends the connection after the answer: Bun would otherwise keep waiting for the rest of the body on it. */
function closeAfterAnswer(c: Context): void {
  // The error handler's response takes over this one's headers (Hono copies them when it sets c.res).
  c.res = new Response(null, { headers: { Connection: 'close' } });
}

/**
 * The body of a request read whole within the bounds (see the top of this file), or undefined when it has none.
 * Throws the route's 413 or 408 (and marks the connection to close after a 408).
 */
export async function readBoundedBody(c: Context, options: BodyLimitOptions): Promise<ArrayBuffer | undefined> {
  const request = c.req.raw;
  const declared = request.headers.get('content-length');
  if (declared !== null && !request.headers.has('transfer-encoding') && Number(declared) > options.maxBytes) throw options.tooLarge();
  if (request.method === 'GET' || request.method === 'HEAD' || declared === '0') return undefined;
  // Only a body without a declared length is looked at as a stream: on Bun, touching request.body turns even a
  // declared body into a JS stream, ~20 us more per request than the one native read.
  if (declared === null && !request.body) return undefined;
  const timeoutMs = options.timeoutMs ?? bodyTimeoutFor(options.maxBytes);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BodyTimeout()), timeoutMs);
  });
  try {
    return await readWithin(request, options.maxBytes, deadline, options.tooLarge);
  } catch (error) {
    if (!(error instanceof BodyTimeout)) throw error;
    closeAfterAnswer(c);
    throw bodyTooSlow(Math.round(timeoutMs / 1000));
  } finally {
    clearTimeout(timer);
  }
}

/** The bounds as middleware, for routes that read the body themselves (c.req.json()): they get it as read. */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  return async function limitBody(c, next) {
    const body = await readBoundedBody(c, options);
    if (body !== undefined) c.req.raw = new Request(c.req.raw, { body });
    return next();
  };
}

/** The bound of the small JSON bodies people's pages send (console, consent): 64 KiB in 5 s. */
export function smallBodyLimit(): MiddlewareHandler {
  return bodyLimit({ maxBytes: 64 * 1024, tooLarge: () => new AppError('limit_exceeded', 413, 'The request body is larger than 64 KiB.') });
}
