// The Hono environment shared by routes and middleware: per-request values set along the way.
import type { AuthInfo } from '@modelcontextprotocol/server';

export interface AppEnv {
  Variables: {
    /** Short prefix of the MCP session id, for the request log (never the full id). */
    session: string;
    /** The client's address (socket, or the trusted proxy's forwarded one): the key of per-client bounds. */
    clientAddress: string;
    /** The verified caller of /mcp when auth is on: its token's info and the grant behind it. */
    mcpCaller?: { authInfo: AuthInfo; grantId: string };
  };
}
