// Checks every tool call makes before it reads anything: the caller's token scope allows the tool, and no argument
// nests deeper than the JSON bound (checked iteratively, before any recursive walk: merge patch, widget validation).
import { LIMITED_SCOPE_TOOLS, tokenScopeOf, type TokenScope } from '../../auth/scopes.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { findTooDeep, tooDeepMessage } from '../../json-depth.ts';
import type { ServerContext } from '@modelcontextprotocol/server';

const ALLOWED: Record<Exclude<TokenScope, 'write'>, ReadonlySet<string>> = {
  read: new Set(LIMITED_SCOPE_TOOLS.read),
  append: new Set(LIMITED_SCOPE_TOOLS.append),
};

/** Throws an AppError (an isError result the model can act on) when the call must not run. */
export function guardCall(tool: string, ctx: Pick<ServerContext, 'http'>, args: unknown): void {
  const scope = tokenScopeOf(ctx.http?.authInfo?.scopes);
  if (scope !== 'write' && !ALLOWED[scope].has(tool)) {
    throw new ForbiddenError(
      'insufficient_scope',
      `this token has the "${scope}" scope: it may call only ${[...ALLOWED[scope]].join(', ')} on a dashboard it is given. ` +
        'Ask the server owner for a token with the write scope (mcpdash token create NAME --scope write) if this client must change dashboards.',
    );
  }
  const deep = findTooDeep(args, undefined, 'arguments');
  if (deep !== undefined) throw new ValidationError(tooDeepMessage(deep));
}
