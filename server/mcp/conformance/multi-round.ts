// The 2026-07-28 multi-round-trip fixtures of @modelcontextprotocol/conformance (SEP-2322 `input_required`,
// SEP-2575 capability checks). Registered only with --conformance-fixtures. On 2025-era sessions the SDK's legacy
// shim turns the same returns into real server-to-client requests.
import {
  acceptedContent,
  CLIENT_CAPABILITIES_META_KEY,
  createRequestStateCodec,
  inputRequired,
  inputResponse,
  type McpServer,
  type ServerContext,
} from '@modelcontextprotocol/server';

/**
 * requestState is signed (HMAC), so a tampered echo is refused before the handler runs. The key is random per
 * process: fixtures serve every round of a flow from the one process under test.
 */
export const REQUEST_STATE_CODEC = createRequestStateCodec<{ round: number; name?: string }>({ key: crypto.getRandomValues(new Uint8Array(32)) });

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });
const nameSchema = (message: string, field: string) =>
  inputRequired.elicit({ message, requestedSchema: { type: 'object', properties: { [field]: { type: 'string' } }, required: [field] } });

/** The client capabilities this request declared (2026: the envelope; 2025: from initialize). */
const declared = (ctx: ServerContext) => ((ctx.mcpReq.envelope as Record<string, unknown> | undefined)?.[CLIENT_CAPABILITIES_META_KEY] ?? {}) as Record<string, unknown>;

export function registerMultiRoundFixtures(server: McpServer): void {
  server.registerTool('test_input_required_result_elicitation', { description: 'Asks the user for a name, then greets them (conformance fixture, SEP-2322)' }, async (ctx) => {
    const answer = acceptedContent<{ name?: unknown }>(ctx.mcpReq.inputResponses, 'user_name');
    // Missing, declined or malformed answers are asked for again rather than failed (the SEP's SHOULD).
    if (typeof answer?.name !== 'string') return inputRequired({ inputRequests: { user_name: nameSchema('What is your name?', 'name') } });
    return text(`Hello, ${answer.name}!`);
  });

  server.registerTool('test_input_required_result_sampling', { description: 'Asks the client LLM a question (conformance fixture, SEP-2322)' }, async (ctx) => {
    const reply = inputResponse(ctx.mcpReq.inputResponses, 'capital_question');
    if (reply.kind !== 'sampling') {
      return inputRequired({
        inputRequests: {
          capital_question: inputRequired.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: 'What is the capital of France?' } }], maxTokens: 100 }),
        },
      });
    }
    const content = reply.result.content;
    return text(`LLM response: ${!Array.isArray(content) && content.type === 'text' ? content.text : JSON.stringify(content)}`);
  });

  server.registerTool('test_input_required_result_list_roots', { description: "Lists the client's roots (conformance fixture, SEP-2322)" }, async (ctx) => {
    const reply = inputResponse(ctx.mcpReq.inputResponses, 'client_roots');
    if (reply.kind !== 'roots') return inputRequired({ inputRequests: { client_roots: inputRequired.listRoots() } });
    return text(`Roots: ${reply.roots.map((root) => root.uri).join(', ') || '(none)'}`);
  });

  server.registerTool('test_input_required_result_request_state', { description: 'Round-trips signed requestState (conformance fixture, SEP-2322)' }, async (ctx) => {
    const state = ctx.mcpReq.requestState<{ round: number }>();
    const confirm = inputResponse(ctx.mcpReq.inputResponses, 'confirm');
    if (state?.round === 1 && confirm.kind === 'elicit') return text(`state-ok: confirmed=${confirm.action === 'accept' && confirm.content?.ok === true}`);
    return inputRequired({
      inputRequests: {
        confirm: inputRequired.elicit({ message: 'Please confirm', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } }),
      },
      requestState: await REQUEST_STATE_CODEC.mint({ round: 1 }),
    });
  });

  server.registerTool('test_input_required_result_multiple_inputs', { description: 'Asks for three inputs at once (conformance fixture, SEP-2322)' }, async (ctx) => {
    const responses = ctx.mcpReq.inputResponses;
    const name = acceptedContent<{ name?: unknown }>(responses, 'user_name');
    const greeting = inputResponse(responses, 'greeting');
    const roots = inputResponse(responses, 'client_roots');
    if (ctx.mcpReq.requestState() !== undefined && typeof name?.name === 'string' && greeting.kind === 'sampling' && roots.kind === 'roots') {
      return text(`All inputs received: name=${name.name}, roots=${roots.roots.length}`);
    }
    return inputRequired({
      inputRequests: {
        user_name: nameSchema('What is your name?', 'name'),
        greeting: inputRequired.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }], maxTokens: 50 }),
        client_roots: inputRequired.listRoots(),
      },
      requestState: await REQUEST_STATE_CODEC.mint({ round: 1 }),
    });
  });

  server.registerTool('test_input_required_result_multi_round', { description: 'Asks two questions in two rounds (conformance fixture, SEP-2322)' }, async (ctx) => {
    const state = ctx.mcpReq.requestState<{ round: number; name?: string }>();
    const responses = ctx.mcpReq.inputResponses;
    if (state?.round === 2) {
      const color = acceptedContent<{ color?: unknown }>(responses, 'step2');
      if (typeof color?.color === 'string') return text(`Done: ${state.name ?? '?'} likes ${color.color}`);
    }
    const name = acceptedContent<{ name?: unknown }>(responses, 'step1');
    if (state?.round === 1 && typeof name?.name === 'string') {
      return inputRequired({
        inputRequests: { step2: nameSchema('Step 2: What is your favorite color?', 'color') },
        requestState: await REQUEST_STATE_CODEC.mint({ round: 2, name: name.name }),
      });
    }
    return inputRequired({ inputRequests: { step1: nameSchema('Step 1: What is your name?', 'name') }, requestState: await REQUEST_STATE_CODEC.mint({ round: 1 }) });
  });

  server.registerTool('test_input_required_result_tampered_state', { description: 'Refuses a tampered requestState (conformance fixture, SEP-2322)' }, async (ctx) => {
    // A tampered echo never gets here: the server's requestState.verify hook answers -32602 first.
    if (ctx.mcpReq.requestState() !== undefined) return text('state verified');
    return inputRequired({ inputRequests: { confirm: nameSchema('Anything to add?', 'note') }, requestState: await REQUEST_STATE_CODEC.mint({ round: 1 }) });
  });

  server.registerTool('test_input_required_result_capabilities', { description: 'Asks only for what the client declared (conformance fixture, SEP-2322)' }, async (ctx) => {
    const caps = declared(ctx);
    if (ctx.mcpReq.inputResponses !== undefined) return text('Inputs received');
    const requests: Record<string, ReturnType<typeof inputRequired.listRoots>> = {};
    if (caps.elicitation) requests.user_name = nameSchema('What is your name?', 'name');
    if (caps.sampling) requests.greeting = inputRequired.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: 'Say hi' } }], maxTokens: 20 });
    if (caps.roots) requests.client_roots = inputRequired.listRoots();
    if (Object.keys(requests).length === 0) return text('The client declared no capability to ask with');
    return inputRequired({ inputRequests: requests });
  });

  // Asks for sampling whatever the client declared: the SDK refuses with -32021 when sampling was not declared.
  server.registerTool('test_missing_capability', { description: 'Needs the sampling capability (conformance fixture, SEP-2575)' }, async (ctx) => {
    if (inputResponse(ctx.mcpReq.inputResponses, 'summary').kind === 'sampling') return text('The client sampled');
    return inputRequired({
      inputRequests: { summary: inputRequired.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: 'Summarise' } }], maxTokens: 20 }) },
    });
  });

  // SEP-2575: a request's own response stream carries only its result (an input_required one here), never a
  // server-to-client request.
  server.registerTool('test_streaming_elicitation', { description: 'Asks for a confirmation (conformance fixture, SEP-2575)' }, async (ctx) => {
    const answer = acceptedContent<{ ok?: unknown }>(ctx.mcpReq.inputResponses, 'confirm');
    if (answer === undefined) {
      return inputRequired({ inputRequests: { confirm: inputRequired.elicit({ message: 'Continue?', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } } }) } });
    }
    return text(`confirmed=${answer.ok === true}`);
  });

  server.registerPrompt('test_input_required_result_prompt', { title: 'Prompt needing context', description: 'Asks for context first (conformance fixture, SEP-2322)' }, async (ctx) => {
    const answer = acceptedContent<{ context?: unknown }>(ctx.mcpReq.inputResponses, 'user_context');
    if (typeof answer?.context !== 'string') {
      return inputRequired({ inputRequests: { user_context: nameSchema('What context should the prompt use?', 'context') } });
    }
    return { messages: [{ role: 'user', content: { type: 'text', text: `Use this context: ${answer.context}` } }] };
  });
}
