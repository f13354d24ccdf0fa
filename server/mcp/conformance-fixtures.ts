// Fixture tools, resources and prompts that @modelcontextprotocol/conformance expects.
// Registered only when mcpdash is started with --conformance-fixtures (never in a normal start).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function registerConformanceFixtures(_server: McpServer): void {
  // filled in by the conformance work
}
