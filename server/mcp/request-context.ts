// What the HTTP layer tells /mcp about one request (the caller's token and grant). Its own module because the
// endpoint and the 2025-era session layer both take it, and neither may import the other for it.
import type { AuthInfo } from '@modelcontextprotocol/server';

export interface McpRequestContext {
  /** The verified token (auth on); the SDK hands it to tool handlers as ctx.http.authInfo. */
  authInfo?: AuthInfo;
  /** The grant behind the token (auth on): a 2025-era session serves only the grant that created it. */
  grantId?: string;
  /** The request body as the HTTP layer read it (within its size and time bounds); the request's own is then spent. */
  body?: ArrayBuffer;
  /** Told the session id a request belongs to (for the request log, which shortens it). */
  onSession?: (sessionId: string) => void;
}
