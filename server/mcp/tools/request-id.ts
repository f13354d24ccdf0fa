// `request_id` on the appending and putting tools: a call retried after its answer was lost (a dropped connection,
// a server killed mid-answer) is applied once. The id is kept with the revision it made, so it lasts as long as
// that revision stays in the dashboard's history, restarts included.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { WriteResult } from '../../store/dashboards.ts';
import type { RequestKey } from '../../store/history-entry.ts';
import { editResult, okResult, type ToolDeps } from './shared.ts';

/** 1-128 visible ASCII characters: a UUID or ULID with a prefix fits; 50 kept revisions hold at most 6.4 KB of them. */
export const MAX_REQUEST_ID_LENGTH = 128;

export const requestIdArg = z
  .string()
  .min(1)
  .max(MAX_REQUEST_ID_LENGTH)
  .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters, no spaces')
  .optional()
  .describe(
    'Optional id of this call (e.g. a UUID you make up, up to 128 characters). If you do not get an answer and send the same call again with the same request_id, it is applied only once; use a new request_id for every new call.',
  );

export const alreadyAppliedShape = {
  already_applied: z.boolean().optional().describe('true when this request_id was applied before: nothing changed now, revision is the one it made.'),
};

/** Object keys sorted at every level, so the same call hashes the same however its client ordered the keys. */
const sortedKeys = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value;

/**
 * The request key of a call, or undefined without a request_id. The digest covers the tool and every argument but
 * the dashboard reference (a retry may name it by id or URL, or rely on its session) and the request id itself.
 * Arguments are within the JSON nesting bound by now (guard.ts), so stringifying them cannot run out of stack.
 */
export function requestKey(tool: string, args: { request_id?: string; dashboard?: string }): RequestKey | undefined {
  const { request_id: id, dashboard: _dashboard, ...content } = args;
  if (id === undefined) return undefined;
  const digest = createHash('sha256').update(JSON.stringify({ tool, content }, sortedKeys)).digest('base64url');
  return { id, digest };
}

/** The result of a write that may have been a retry: a retry says so and reports the revision it made first. */
export function writeResult(deps: Pick<ToolDeps, 'baseUrl' | 'feedback'>, result: WriteResult, requestId: string | undefined): CallToolResult {
  if (result.alreadyApplied) {
    const { revision } = result.alreadyApplied;
    return okResult(deps, result.doc, `Already applied: request_id "${requestId}" made revision ${revision} (${result.summary}); nothing was changed again.`, {
      changed: [],
      revision,
      already_applied: true,
    });
  }
  return editResult(deps, result, `${result.summary}.`, { changed: result.changed });
}
