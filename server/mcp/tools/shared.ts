// What every dashboard tool shares: its dependencies, the `dashboard` argument, result and error shapes.
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { AppError, NotFoundError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { SessionDirectory } from '../session-cache.ts';
import { notFoundMessage, type DashboardService } from '../../dashboards/service.ts';
import type { Dashboard } from '../../dashboard/schema.ts';
import type { FeedbackService } from '../../feedback/service.ts';
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
  /** Dashboard changes as they commit: the in-chat view's wait for the next revision listens here. */
  live: Live;
}

export const dashboardArg = z
  .string()
  .max(2048)
  .optional()
  .describe(
    'The dashboard_id (or url) from an earlier mcpdash result. Pass it on every call: clients without a session (and every client after a reconnect) reach this conversation\'s dashboard only through it. Omit only on the very first dashboard_open.',
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

export const WIDGETS_HELP =
  'Each widget: {id, kind, title?, width? (1-12 of a 12-column grid), height? (s|m|l), note? (markdown caption)} plus by kind: ' +
  'markdown {text}; metric {value, unit?, label?, delta?, goodWhen? (up|down), trend? (numbers), format?}; ' +
  'table {columns: [{key, label?, type? (string|number|date|link|boolean), format?}], rows: objects or arrays, sortBy?, pageSize?}; ' +
  'chart {type: line|area|bar|stacked-bar|scatter|pie|donut|heatmap|candlestick|gauge|radar, x?, y?, series: [{name, data}], xLabel?, yLabel?} or {option: an ECharts option}; ' +
  'image {src: data:image/png|jpeg|gif|webp|svg+xml URL, alt}; code {code, language?}; ' +
  'progress {value? (0..1), label?, steps?: [{label, status: todo|doing|done|failed}]}; log {lines, maxLines?}; ' +
  'choice {prompt?, options: [{id, label, description?}], multiple?, submitLabel?} and form {fields: [{name, label, type: text|textarea|number|select|checkbox|date, options? (select), required?, placeholder?, default?}], submitLabel?}: the person answers on the page, read it with feedback_read; a chart with clickable: true sends clicks there too. ' +
  'Chart data: numbers per x for line/area/bar; [x, y] for scatter; {name, value} for pie/donut; [xIndex, yIndex, value] for heatmap; [open, close, low, high] for candlestick; one number for gauge.';

export const dashboardUrl = (deps: Pick<ToolDeps, 'baseUrl'>, id: string) => `${deps.baseUrl()}/dashboard/${id}`;

/**
 * A successful tool result: one short line for the model plus the URL, and machine-readable fields. When people sent
 * something from the page that the model has not read, the text says so, so the model notices without being told.
 */
export function okResult(deps: Pick<ToolDeps, 'baseUrl' | 'feedback'>, doc: Dashboard, text: string, extra: Record<string, unknown> = {}): CallToolResult {
  const url = dashboardUrl(deps, doc.id);
  const unread = deps.feedback.unread(doc);
  const waiting = unread > 0 ? `\n${unread} unread from the page: call feedback_read` : '';
  return {
    content: [{ type: 'text', text: `${text}${waiting}\nDashboard (revision ${doc.revision}): ${url}\ndashboard_id: ${doc.id}` }],
    structuredContent: { dashboard_id: doc.id, url, revision: doc.revision, ...extra },
  };
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
