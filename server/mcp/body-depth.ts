// The JSON nesting bound on a parsed /mcp body, checked before the SDK walks it (its schemas, the session layer's
// copies of client capabilities). Tool arguments are left to the tool layer (tools/guard.ts), which answers with an
// isError result the model can act on; everything else too deep is refused here with invalid params.
import { findTooDeep, tooDeepMessage } from '../json-depth.ts';
import { rpcError } from './rpc-error.ts';

type Message = { id?: unknown; method?: unknown; params?: unknown };

/** A message with a tools/call's arguments taken out (they are bounded on their own, from their own root). */
function withoutToolArguments(message: unknown): unknown {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return message;
  const { method, params } = message as Message;
  if (method !== 'tools/call' || params === null || typeof params !== 'object' || Array.isArray(params)) return message;
  return { ...message, params: { ...params, arguments: null } };
}

/** The refusal for a body nested too deep outside tool arguments, or undefined when it is within the bound. */
export function bodyTooDeep(parsed: unknown): Response | undefined {
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  for (const message of messages) {
    const deep = findTooDeep(withoutToolArguments(message), undefined, 'message');
    if (deep === undefined) continue;
    const id = (message as Message | null)?.id;
    return rpcError(400, -32602, `Invalid params: ${tooDeepMessage(deep)}`, {}, typeof id === 'string' || typeof id === 'number' ? id : null);
  }
  return undefined;
}
