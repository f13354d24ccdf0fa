// The one place tool handlers learn who is calling: the 2025-era session (if any) and the verified caller.
import type { AuthInfo, ServerContext } from '@modelcontextprotocol/server';

export type ToolContext = ServerContext;

export interface CallContext {
  /** The caller's Mcp-Session-Id, or undefined when the client has no session (2026-07-28, or 2025 sessionless). */
  sessionId: string | undefined;
  /** The verified token's information when auth is on; undefined when auth is off. */
  authInfo: AuthInfo | undefined;
}

export function callContext(ctx: ToolContext): CallContext {
  return { sessionId: ctx.sessionId, authInfo: ctx.http?.authInfo };
}
