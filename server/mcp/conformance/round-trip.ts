// 2025-era conformance fixtures that ask the client something (sampling, elicitation) in the middle of a call, as
// server-to-client requests on the call's own stream. Registered only with --conformance-fixtures.
import type { McpServer, ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';

// Built once per process, like every fixture schema (a 2026-07-28 request builds a whole server).
const SCHEMAS = {
  sampling: z.object({ prompt: z.string().describe('The prompt to send to the LLM') }),
  noArgs: z.object({}),
  elicitMessage: z.object({ message: z.string().describe('The message to show the user') }),
};

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });

/** Registers test_sampling, test_elicitation and the SEP-1034/SEP-1330 elicitation forms. */
export function registerRoundTripTools(server: McpServer): void {
  server.registerTool(
    'test_sampling',
    { description: 'Asks the client for an LLM completion (conformance fixture)', inputSchema: SCHEMAS.sampling },
    async ({ prompt }, ctx) => {
      // mcpReq.send relates the request to this call, so it travels on the call's own stream (a client need not
      // open a GET stream to be asked).
      const result = await ctx.mcpReq.send({ method: 'sampling/createMessage', params: { messages: [{ role: 'user', content: { type: 'text', text: prompt } }], maxTokens: 100 } });
      const reply = !Array.isArray(result.content) && result.content.type === 'text' ? result.content.text : JSON.stringify(result.content);
      return text(`LLM response: ${reply}`);
    },
  );
  // Every one takes an input schema (empty by default) so its handler gets (args, ctx).
  const elicit = (tool: string, description: string, params: (args: Record<string, unknown>) => ElicitParams, inputSchema: z.ZodObject = SCHEMAS.noArgs) =>
    server.registerTool(tool, { description, inputSchema }, (async (args: Record<string, unknown>, ctx: ServerContext) => {
      const result = await ctx.mcpReq.send({ method: 'elicitation/create', params: params(args) });
      const prefix = tool === 'test_elicitation' ? 'User response' : 'Elicitation completed';
      return text(`${prefix}: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`);
    }) as never);
  elicit(
    'test_elicitation',
    'Asks the user for a username and email (conformance fixture)',
    (args) => ({
      mode: 'form',
      message: String(args.message),
      requestedSchema: {
        type: 'object',
        properties: { username: { type: 'string', description: "User's response" }, email: { type: 'string', description: "User's email address" } },
        required: ['username', 'email'],
      },
    }),
    SCHEMAS.elicitMessage,
  );
  elicit('test_elicitation_sep1034_defaults', 'Elicits a form with defaults for every primitive type (conformance fixture, SEP-1034)', () => ({
    mode: 'form',
    message: 'Please review and update the form fields with defaults',
    requestedSchema: {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'User name', default: 'John Doe' },
        age: { type: 'integer', description: 'User age', default: 30 },
        score: { type: 'number', description: 'User score', default: 95.5 },
        status: { type: 'string', description: 'User status', enum: ['active', 'inactive', 'pending'], default: 'active' },
        verified: { type: 'boolean', description: 'Verification status', default: true },
      },
      required: [],
    },
  }));
  elicit('test_elicitation_sep1330_enums', 'Elicits a form with the five enum variants (conformance fixture, SEP-1330)', () => ({
    mode: 'form',
    message: 'Please select options from the enum fields',
    requestedSchema: {
      type: 'object',
      properties: {
        untitledSingle: { type: 'string', description: 'Select one option', enum: ['option1', 'option2', 'option3'] },
        titledSingle: {
          type: 'string',
          description: 'Select one option with titles',
          oneOf: [
            { const: 'value1', title: 'First Option' },
            { const: 'value2', title: 'Second Option' },
            { const: 'value3', title: 'Third Option' },
          ],
        },
        legacyEnum: { type: 'string', description: 'Select one option (legacy)', enum: ['opt1', 'opt2', 'opt3'], enumNames: ['Option One', 'Option Two', 'Option Three'] },
        untitledMulti: { type: 'array', description: 'Select multiple options', minItems: 1, maxItems: 3, items: { type: 'string', enum: ['option1', 'option2', 'option3'] } },
        titledMulti: {
          type: 'array',
          description: 'Select multiple options with titles',
          minItems: 1,
          maxItems: 3,
          items: {
            anyOf: [
              { const: 'value1', title: 'First Choice' },
              { const: 'value2', title: 'Second Choice' },
              { const: 'value3', title: 'Third Choice' },
            ],
          },
        },
      },
      required: [],
    },
  }));
}

type ElicitParams = { mode: 'form'; message: string; requestedSchema: Record<string, unknown> };
