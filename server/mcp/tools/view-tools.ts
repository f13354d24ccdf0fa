// The in-chat view's own tools (app-only: hosts hide them from the model): load the document, wait for the next
// revision, send an answer. They read dashboards and write nothing but answers, through the same inbox and checks
// as the page; they never extend a dashboard's life (a view is not the assistant at work).
import { z } from 'zod';
import type { CallToolResult, McpServer } from '@modelcontextprotocol/server';
import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import { VIEWER_ID_PATTERN } from '../../dashboard/answer-rules.ts';
import { parseDashboardRef } from '../../dashboard/target.ts';
import { AppError, ValidationError } from '../../errors.ts';
import { APP_ONLY_TOOL_META } from '../app-view/view-resource.ts';
import { nextChange, viewDocument, type ViewChange } from '../app-view/next-change.ts';
import { createWaitGate, type WaitGate } from '../app-view/wait-gate.ts';
import { guardCall } from './guard.ts';
import { dashboardUrl, runTool, type ToolDeps } from './shared.ts';

/** The longest a view's wait is held: under the 30 s many proxies and hosts allow a request. */
export const MAX_VIEW_WAIT_SECONDS = 25;


const dashboard = z.string().max(2048).describe('The dashboard id (or URL) the view shows.');
const view = z.string().regex(VIEWER_ID_PATTERN).describe("The view's random id (6-32 of a-z, 0-9).");

const LOAD = {
  title: 'Load dashboard (in-chat view)',
  description: 'Used by the in-chat view only: the dashboard document to draw.',
  inputSchema: z.object({ dashboard }),
  annotations: { readOnlyHint: true },
  _meta: APP_ONLY_TOOL_META,
};

const WAIT = {
  title: 'Wait for changes (in-chat view)',
  description: 'Used by the in-chat view only: waits for the next revision and returns the changed widgets.',
  inputSchema: z.object({
    dashboard,
    view,
    after: z.number().int().min(0).describe('The revision the view shows.'),
    wait_seconds: z.number().min(0).max(MAX_VIEW_WAIT_SECONDS).optional().describe(`How long to wait (default ${MAX_VIEW_WAIT_SECONDS}).`),
  }),
  annotations: { readOnlyHint: true },
  _meta: APP_ONLY_TOOL_META,
};

const SEND = {
  title: 'Send an answer (in-chat view)',
  description: 'Used by the in-chat view only: what the person answered, commented or wrote in the view.',
  inputSchema: z.object({
    dashboard,
    event: z.record(z.string(), z.unknown()).describe('The same body the page posts: { kind, widget?, data, viewer }.'),
  }),
  _meta: APP_ONLY_TOOL_META,
};

function idOf(ref: string): string {
  const id = parseDashboardRef(ref);
  if (!id) throw new ValidationError('"dashboard" must be a dashboard id or its URL');
  return id;
}

const result = (text: string, structured: Record<string, unknown>): CallToolResult => ({ content: [{ type: 'text', text }], structuredContent: structured });

function changeResult(deps: ToolDeps, id: string, change: ViewChange): CallToolResult {
  const text = change.status === 'gone' ? 'The dashboard does not exist or has expired.' : `Dashboard revision ${change.revision}: ${change.status}.`;
  return result(text, { ...change, url: dashboardUrl(deps, id) });
}

// One gate per app (tests run several apps in one process), made the first time a server of that app registers.
const gates = new WeakMap<object, WaitGate>();

export function registerViewTools(server: McpServer, deps: ToolDeps): void {
  let gate = gates.get(deps);
  if (!gate) gates.set(deps, (gate = createWaitGate()));
  const waitGate = gate;

  registerAppTool(server, 'view_load', LOAD, (args, ctx) =>
    runTool(deps, 'view_load', async () => {
      guardCall('view_load', ctx, args);
      const id = idOf(args.dashboard);
      const loaded = viewDocument(deps, id);
      if (!loaded) return changeResult(deps, id, { status: 'gone' });
      return changeResult(deps, id, { status: 'document', revision: loaded.document.revision, ...loaded });
    }),
  );

  registerAppTool(server, 'view_wait', WAIT, (args, ctx) =>
    runTool(deps, 'view_wait', async () => {
      guardCall('view_wait', ctx, args);
      const id = idOf(args.dashboard);
      const admission = waitGate.admit(`${id}:${args.view}`);
      if (!admission.ok) {
        const seconds = Math.ceil(admission.retryAfterMs / 1000);
        return { isError: true, content: [{ type: 'text', text: `view_wait: too many calls from this view; retry in ${seconds} s.` }], structuredContent: { retryAfterMs: admission.retryAfterMs } };
      }
      try {
        const signal = AbortSignal.any([admission.signal, ctx.mcpReq.signal]);
        const waitMs = Math.round((args.wait_seconds ?? MAX_VIEW_WAIT_SECONDS) * 1000);
        return changeResult(deps, id, await nextChange(deps, id, args.after, waitMs, signal));
      } finally {
        admission.release();
      }
    }),
  );

  registerAppTool(server, 'view_send', SEND, (args, ctx) =>
    runTool(deps, 'view_send', async () => {
      // The scope check and, above all, the nesting bound: the event is walked by the answer checks.
      guardCall('view_send', ctx, args);
      const id = idOf(args.dashboard);
      try {
        const event = await deps.feedback.submit(id, args.event, 'view');
        return result(`Sent (#${event.id}).`, { id: event.id, at: event.at });
      } catch (error) {
        // The view shows the server's words to the person, as the page does.
        if (error instanceof AppError) {
          return { isError: true, content: [{ type: 'text', text: error.message }], structuredContent: { status: error.status } };
        }
        throw error;
      }
    }),
  );
}
