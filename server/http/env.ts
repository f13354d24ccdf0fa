// The Hono environment shared by routes and middleware: per-request values set along the way.
export interface AppEnv {
  Variables: {
    /** Short prefix of the MCP session id, for the request log (never the full id). */
    session: string;
    /** The client's address (socket, or the trusted proxy's forwarded one): the key of per-client bounds. */
    clientAddress: string;
  };
}
