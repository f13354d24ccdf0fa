// Calling a tool the way a test that expects it to work does: a refusal fails the test with the tool's own words.
import type { Client } from '@modelcontextprotocol/client';

export type ToolResult<S = Record<string, unknown>> = { structuredContent?: Record<string, unknown> & S; isError?: boolean; content?: { text?: string }[] };

export async function callToolOk<S = Record<string, unknown>>(client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult<S>> {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult<S>;
  if (result.isError) throw new Error(`${name} failed: ${result.content?.[0]?.text}`);
  return result;
}
