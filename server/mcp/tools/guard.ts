// Checks every tool call makes before it reads anything: the caller's token scope allows the tool, and no argument
// nests deeper than the JSON bound (checked iteratively, before any recursive walk: merge patch, widget validation).
import { tokenScopeOf, type TokenScope } from '../../auth/scopes.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { findTooDeep, tooDeepMessage } from '../../json-depth.ts';
import type { ServerContext } from '@modelcontextprotocol/server';

/**
 * The tools a limited token may call, always on a dashboard it is given (it can create none). Reads that change
 * nothing: feedback_read is not one of them (it marks the people's answers read and they are meant for the owner's
 * assistant); dashboard_open is not either (it creates dashboards, renames and extends them). The in-chat view's
 * reads (view_load, view_wait) are reads; its view_send writes a person's answer, so it is not.
 */
const READS = ['dashboard_get', 'dashboard_history', 'dashboard_snapshot', 'dashboard_show', 'view_load', 'view_wait'];
const ALLOWED: Record<Exclude<TokenScope, 'write'>, ReadonlySet<string>> = {
  read: new Set(READS),
  append: new Set([...READS, 'data_append']),
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
