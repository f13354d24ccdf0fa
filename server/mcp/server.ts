// createMcpServer(deps): a fresh McpServer with mcpdash's tools and resources (one per live session).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { VERSION } from '../version.ts';
import { registerConformanceFixtures } from './conformance-fixtures.ts';

export const SERVER_INSTRUCTIONS = `mcpdash gives this conversation a live dashboard at a stable URL.
Call dashboard_open first and share the returned url with the user once; then add widgets with widget_put,
change them with widget_update, stream data with data_append. Every result repeats dashboard_id and url:
pass dashboard_id back as "dashboard" on later calls so the conversation keeps one URL even if the connection
is re-established.`;

/** Something that adds tools/resources to a server; the dashboard tools are one of these. */
export type ServerPlugin = (server: McpServer) => void;

export interface McpServerDeps {
  plugins: ServerPlugin[];
  conformanceFixtures: boolean;
}

export function createMcpServer(deps: McpServerDeps): McpServer {
  const capabilities: ServerCapabilities = { tools: {}, resources: {}, logging: {} };
  const server = new McpServer({ name: 'mcpdash', version: VERSION }, { capabilities, instructions: SERVER_INSTRUCTIONS });
  for (const plugin of deps.plugins) plugin(server);
  if (deps.conformanceFixtures) registerConformanceFixtures(server);
  return server;
}
