// What every dashboard tool shares: its dependencies, the `dashboard` argument, result and error shapes.
import { z } from 'zod';
import type { CallToolResult, ContentBlock } from '@modelcontextprotocol/server';
import { AppError, NotFoundError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { SessionDirectory } from '../session/session-cache.ts';
import { notFoundMessage, type DashboardService } from '../../dashboards/service.ts';
import type { Dashboard } from '../../dashboard/schema.ts';
import { warningText } from '../../dashboard/content-warnings.ts';
import type { EditResult } from '../../dashboard/edit-result.ts';
import { widgetsHelp } from '../../dashboard/widget-help.ts';
import { widgetItemJsonSchema } from '../../dashboard/widget-json-schema.ts';
import type { FeedbackService } from '../../feedback/service.ts';
import type { SnapshotService } from '../../render/snapshot-service.ts';
import type { Live } from '../../live.ts';

export interface ToolDeps {
  dashboards: DashboardService;
  /** The 2025-era sessions a call may belong to (2026-07-28 calls have none). */
  sessions: SessionDirectory;
  /** Base URL for links: --public-url, else http://host:port. */
  baseUrl: () => string;
  logger: Logger;
  /** The page feedback inbox: feedback_read reads it, every result says how many events wait unread. */
  feedback: FeedbackService;
  /** Draws dashboard_snapshot's pictures in a worker; built and closed by the composition root (server/app.ts). */
  snapshots: SnapshotService;
  /** Dashboard changes as they commit: the in-chat view's wait for the next revision listens here. */
  live: Live;
}

export const dashboardArg = z
  .string()
  .max(2048)
  .optional()
  .describe(
    'The dashboard_id (or url) from an earlier mcpdash result. Pass it on every call: clients without a session (and every client after a reconnect) reach this conversation\'s dashboard only through it. Omit only on the very first dashboard_open. Never make one up: ids are minted by the server, an unknown one is an error.',
  );

export const expectedRevisionArg = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe('Optional safety check: only write if the dashboard is still at this revision (else a conflict error).');

/** The fields every result carries in structuredContent. */
export const resultShape = {
  dashboard_id: z.string().describe('Pass this back as "dashboard" on later calls.'),
  url: z.string().describe('The live page; share it with the user.'),
  revision: z.number().int().describe('Current revision of the dashboard.'),
};

/** Content warnings of a write (server/dashboard/content-warnings.ts): the write stands, the model is told. */
export const warningsOutput = z
  .array(z.string())
  .optional()
  .describe('What the written widgets hold that the page will not show as meant (the write was kept): fix and write again.');


/** What the `widgets` argument takes, generated from the zod schemas (server/dashboard/widget-help.ts). */
export const WIDGETS_HELP = widgetsHelp();

/** One widget as a compact JSON Schema for clients to check; the zod value stays unknown so refusals say what to fix. */
export const widgetItemArg = z.unknown().meta(widgetItemJsonSchema());

export const dashboardUrl = (deps: Pick<ToolDeps, 'baseUrl'>, id: string) => `${deps.baseUrl()}/dashboard/${id}`;

/**
 * Every successful tool result: one short text for the model plus the URL, and machine-readable fields. When people
 * sent something from the page that the model has not read, the text says so, so the model notices without being
 * told. `media` (a snapshot's picture) goes before the text.
 */
export function okResult(
  deps: Pick<ToolDeps, 'baseUrl' | 'feedback'>,
  doc: Dashboard,
  text: string,
  extra: Record<string, unknown> = {},
  media: ContentBlock[] = [],
): CallToolResult {
  const url = dashboardUrl(deps, doc.id);
  const unread = deps.feedback.unread(doc);
  const waiting = unread > 0 ? `\n${unread} unread from the page: call feedback_read` : '';
  return {
    content: [...media, { type: 'text', text: `${text}${waiting}\nDashboard (revision ${doc.revision}): ${url}\ndashboard_id: ${doc.id}` }],
    structuredContent: { dashboard_id: doc.id, url, revision: doc.revision, ...extra },
  };
}

/** The result of a write: okResult, with the edit's content warnings after the text and in `warnings` (when any). */
export function editResult(deps: Pick<ToolDeps, 'baseUrl' | 'feedback'>, result: Pick<EditResult, 'doc' | 'warnings'>, text: string, extra: Record<string, unknown> = {}): CallToolResult {
  const warnings = result.warnings && result.warnings.length > 0 ? { warnings: [...result.warnings] } : {};
  return okResult(deps, result.doc, `${text}${warningText(result.warnings)}`, { ...extra, ...warnings });
}

/**
 * Run a tool body; domain errors become `isError` results whose text tells the model what to fix.
 * Unexpected errors are logged and answered with a generic message (no internals leak).
 */
export async function runTool(deps: Pick<ToolDeps, 'logger'>, tool: string, body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) {
      return { isError: true, content: [{ type: 'text', text: `${tool} failed: ${error.message}` }] };
    }
    deps.logger.error('tool failed', { tool, error: error instanceof Error ? error.message : String(error) });
    return { isError: true, content: [{ type: 'text', text: `${tool} failed with an internal error; nothing was changed. Try again.` }] };
  }
}

/** The live document, or a NotFoundError the model can act on. */
export function requireDoc(deps: Pick<ToolDeps, 'dashboards'>, id: string): Dashboard {
  const doc = deps.dashboards.get(id);
  if (!doc) throw new NotFoundError(notFoundMessage);
  return doc;
}
