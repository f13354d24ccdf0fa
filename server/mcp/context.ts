// The one place tool handlers learn who is calling: the MCP session id (undefined for sessionless clients).
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface CallContext {
  /** The caller's Mcp-Session-Id, or undefined when the client sent none (served sessionless). */
  sessionId: string | undefined;
}

export function callContext(extra: ToolExtra): CallContext {
  return { sessionId: extra.sessionId };
}
