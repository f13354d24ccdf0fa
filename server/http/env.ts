// The Hono environment shared by routes and middleware: per-request values set along the way.
import type { AuthInfo } from '@modelcontextprotocol/server';
import type { Principal } from '../auth/bearer.ts';
import type { OwnerSession } from '../auth/owner.ts';

export interface AppEnv {
  Variables: {
    /** Short prefix of the MCP session id, for the request log (never the full id). */
    session: string;
    /** The client's address (socket, or the trusted proxy's forwarded one): the key of per-client bounds. */
    clientAddress: string;
    /** /mcp with auth on: who the bearer token belongs to (undefined with auth off). Sessions bind to its grantId. */
    principal: Principal | undefined;
    /** /mcp with auth on: the verified token as the SDK's AuthInfo (extra.principal is the same principal). */
    authInfo: AuthInfo | undefined;
    /** The owner's console session from its cookie (console, consent and setup routes), if signed in. */
    owner: OwnerSession | undefined;
  };
}
