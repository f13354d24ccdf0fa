// Fixture tools, resources and prompts that @modelcontextprotocol/conformance expects, for both protocol eras.
// Loaded (by dynamic import, see loadConformanceFixtures in ../server.ts) and registered only when mcpdash is
// started with --conformance-fixtures, never in a normal start.
import {
  completable,
  fromJsonSchema,
  McpServer,
  ResourceTemplate,
  type McpServerOptions,
  type ServerCapabilities,
  type ServerEventBus,
} from '@modelcontextprotocol/server';
import { z } from 'zod';
import { registerMultiRoundFixtures, REQUEST_STATE_CODEC } from './multi-round.ts';
import { registerRoundTripTools } from './round-trip.ts';

/** Capabilities the fixtures need, passed to the McpServer constructor (logging's handler is installed only then). */
const CONFORMANCE_CAPABILITIES = {
  logging: {},
  completions: {},
  prompts: { listChanged: true },
  resources: { subscribe: true, listChanged: true },
  tools: { listChanged: true },
} as const satisfies ServerCapabilities;

/** McpServer options for a fixtures server: capabilities and the HMAC check of multi-round-trip requestState. */
export const CONFORMANCE_SERVER_OPTIONS: McpServerOptions = {
  capabilities: CONFORMANCE_CAPABILITIES,
  requestState: { verify: REQUEST_STATE_CODEC.verify },
};

// 1x1 red PNG and a minimal WAV: the suite only checks type, base64 data and MIME type.
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const WAV_BASE64 = 'UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=';

const JSON_SCHEMA_TOOL = 'json_schema_2020_12_tool';
// SEP-1613/SEP-2106: a 2020-12 schema listed verbatim ($defs with an $anchor, composition, conditionals).
const JSON_SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object' as const,
  $defs: {
    address: { $anchor: 'postalAddress', type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    reachBy: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  // At least one way to reach the person; the one named in reachBy must be there.
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { reachBy: { const: 'phone' } }, required: ['reachBy'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
};

const COMPLETION_WORDS = ['paris', 'park', 'party', 'test', 'testing', 'tested'];

// Every schema is built once per process, on first use: a 2026-07-28 request builds a whole server, and compiling
// these per request (fromJsonSchema compiles a validator) cost 2.5 ms a request; compiling them at import cost
// ~50 ms of the start (when every start imported this file; now only a --conformance-fixtures start does).
const buildSchemas = () => ({
  jsonSchema2020: fromJsonSchema(JSON_SCHEMA_2020_12),
  // x-mcp-header is an MCP annotation the JSON Schema type does not know.
  customHeaders: fromJsonSchema({
    type: 'object',
    properties: { region: { type: 'string', description: 'A region name', 'x-mcp-header': 'Region' } as Record<string, unknown>, query: { type: 'string' } },
    required: ['region'],
  }),
  promptArgs: z.object({
    // completable() makes McpServer answer completion/complete for arg1 by prefix.
    arg1: completable(z.string().describe('First test argument'), (value) => COMPLETION_WORDS.filter((w) => w.startsWith(value))),
    arg2: z.string().describe('Second test argument'),
  }),
  embeddedResource: z.object({ resourceUri: z.string().describe('URI of the resource to embed') }),
});
let schemas: ReturnType<typeof buildSchemas> | undefined;
const fixtureSchemas = () => (schemas ??= buildSchemas());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });

export function registerConformanceFixtures(server: McpServer, bus: ServerEventBus): void {
  registerContentTools(server);
  registerNotifyingTools(server);
  registerListChangeTriggers(server, bus);
  registerRoundTripTools(server);
  registerMultiRoundFixtures(server);
  registerResources(server);
  registerPrompts(server);
}

function registerContentTools(server: McpServer): void {
  server.registerTool('test_simple_text', { description: 'Returns a fixed text (conformance fixture)' }, async () =>
    text('This is a simple text response for testing.'),
  );
  server.registerTool('test_image_content', { description: 'Returns a 1x1 PNG image (conformance fixture)' }, async () => ({
    content: [{ type: 'image', data: PNG_BASE64, mimeType: 'image/png' }],
  }));
  server.registerTool('test_audio_content', { description: 'Returns a tiny WAV clip (conformance fixture)' }, async () => ({
    content: [{ type: 'audio', data: WAV_BASE64, mimeType: 'audio/wav' }],
  }));
  server.registerTool('test_embedded_resource', { description: 'Returns an embedded text resource (conformance fixture)' }, async () => ({
    content: [{ type: 'resource', resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' } }],
  }));
  server.registerTool('test_multiple_content_types', { description: 'Returns text, image and resource content (conformance fixture)' }, async () => ({
    content: [
      { type: 'text', text: 'Multiple content types test:' },
      { type: 'image', data: PNG_BASE64, mimeType: 'image/png' },
      {
        type: 'resource',
        resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json', text: JSON.stringify({ test: 'data', value: 123 }) },
      },
    ],
  }));
  server.registerTool('test_error_handling', { description: 'Always fails (conformance fixture)' }, async () => {
    // McpServer turns a thrown error into an isError result carrying this message.
    throw new Error('This tool intentionally returns an error for testing');
  });
  server.registerTool(
    JSON_SCHEMA_TOOL,
    { description: 'Tool with JSON Schema 2020-12 features (conformance fixture, SEP-1613, SEP-2106)', inputSchema: fixtureSchemas().jsonSchema2020 },
    async (args) => text(`JSON Schema 2020-12 tool called with: ${JSON.stringify(args)}`),
  );
  // SEP-2243: a string argument mirrored into the Mcp-Param-Region header; the SDK checks header against body.
  server.registerTool(
    'test_custom_headers',
    {
      description: 'Echoes a region that clients also send as the Mcp-Param-Region header (conformance fixture, SEP-2243)',
      inputSchema: fixtureSchemas().customHeaders,
    },
    async (args) => text(`region=${String((args as { region?: unknown }).region)}`),
  );
}

/** Tools that stream notifications on the request's own response while they run. */
function registerNotifyingTools(server: McpServer): void {
  server.registerTool('test_tool_with_logging', { description: 'Sends three info log messages while running (conformance fixture)' }, async (ctx) => {
    const steps = ['Tool execution started', 'Tool processing data', 'Tool execution completed'];
    for (const [i, data] of steps.entries()) {
      if (i > 0) await sleep(50);
      // Sent through the request's context so it travels on this request's stream.
      await ctx.mcpReq.notify({ method: 'notifications/message', params: { level: 'info', logger: 'conformance', data } });
    }
    return text('Tool with logging executed successfully');
  });
  server.registerTool('test_tool_with_progress', { description: 'Reports progress 0, 50, 100 of 100 (conformance fixture)' }, async (ctx) => {
    const token = ctx.mcpReq._meta?.progressToken;
    for (const [i, progress] of [0, 50, 100].entries()) {
      if (i > 0) await sleep(50);
      if (token !== undefined) {
        await ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, progress, total: 100, message: `Completed step ${progress} of 100` } });
      }
    }
    return text(`Progress reported${token === undefined ? ' (no progress token given)' : ` for token ${String(token)}`}`);
  });
  server.registerTool(
    'test_reconnection',
    { description: 'Closes its SSE stream mid-call so the client must reconnect (conformance fixture, SEP-1699)' },
    async (ctx) => {
      // The SDK offers closeSSE only when the transport has an event store to replay from; without one,
      // closing would lose the answer, so the call then simply completes on the open stream.
      ctx.http?.closeSSE?.();
      await sleep(100);
      return text('Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.');
    },
  );
}

/** SEP-2575: tools whose call changes a list, so open subscriptions/listen streams hear list_changed. */
function registerListChangeTriggers(server: McpServer, bus: ServerEventBus): void {
  server.registerTool('test_trigger_tool_change', { description: 'Announces a tool list change (conformance fixture)' }, async () => {
    bus.publish({ kind: 'tools_list_changed' });
    return text('tools/list_changed published');
  });
  server.registerTool('test_trigger_prompt_change', { description: 'Announces a prompt list change (conformance fixture)' }, async () => {
    bus.publish({ kind: 'prompts_list_changed' });
    return text('prompts/list_changed published');
  });
  // SEP-2575: log only when the request asked for a level (the SDK drops it otherwise).
  server.registerTool('test_logging_tool', { description: 'Logs one message at info (conformance fixture)' }, async (ctx) => {
    await ctx.mcpReq.log('info', 'test_logging_tool ran', 'conformance');
    return text('logged (if the request set a log level)');
  });
}

function registerResources(server: McpServer): void {
  const staticText = (name: string, uri: string, description: string, body: string) =>
    server.registerResource(name, uri, { title: name, description, mimeType: 'text/plain' }, async () => ({
      contents: [{ uri, mimeType: 'text/plain', text: body }],
    }));
  staticText('static-text', 'test://static-text', 'A static text resource (conformance fixture)', 'This is the content of the static text resource.');
  staticText('watched-resource', 'test://watched-resource', 'A resource clients can subscribe to (conformance fixture)', 'Watched resource content');
  server.registerResource('static-binary', 'test://static-binary', { title: 'static-binary', description: 'A 1x1 PNG (conformance fixture)', mimeType: 'image/png' }, async () => ({
    contents: [{ uri: 'test://static-binary', mimeType: 'image/png', blob: PNG_BASE64 }],
  }));
  server.registerResource(
    'template',
    new ResourceTemplate('test://template/{id}/data', { list: undefined }),
    { title: 'template', description: 'Data for an id (conformance fixture)', mimeType: 'application/json' },
    async (uri, { id }) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${String(id)}` }) }],
    }),
  );
  // 2025-era subscriptions: McpServer has no subscription API; the set lives with this session's server.
  const subscribed = new Set<string>();
  server.server.setRequestHandler('resources/subscribe', async ({ params }) => {
    subscribed.add(params.uri);
    return {};
  });
  server.server.setRequestHandler('resources/unsubscribe', async ({ params }) => {
    subscribed.delete(params.uri);
    return {};
  });
}

function registerPrompts(server: McpServer): void {
  server.registerPrompt('test_simple_prompt', { title: 'Simple prompt', description: 'A prompt without arguments (conformance fixture)' }, async () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } }],
  }));
  server.registerPrompt(
    'test_prompt_with_arguments',
    {
      title: 'Prompt with arguments',
      description: 'A prompt with two required arguments (conformance fixture)',
      argsSchema: fixtureSchemas().promptArgs,
    },
    async ({ arg1, arg2 }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` } }] }),
  );
  server.registerPrompt(
    'test_prompt_with_embedded_resource',
    {
      title: 'Prompt with embedded resource',
      description: 'A prompt embedding a resource (conformance fixture)',
      argsSchema: fixtureSchemas().embeddedResource,
    },
    async ({ resourceUri }) => ({
      messages: [
        { role: 'user', content: { type: 'resource', resource: { uri: resourceUri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' } } },
        { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } },
      ],
    }),
  );
  server.registerPrompt('test_prompt_with_image', { title: 'Prompt with image', description: 'A prompt with an image (conformance fixture)' }, async () => ({
    messages: [
      { role: 'user', content: { type: 'image', data: PNG_BASE64, mimeType: 'image/png' } },
      { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
    ],
  }));
}
