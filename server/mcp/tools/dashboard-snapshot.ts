// dashboard_snapshot: a PNG of the dashboard as the page lays it out, drawn on the server, plus a text account of what
// it shows and the problems a person would notice. Lets the model check its work without a browser.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { MAX_WIDTH, MIN_WIDTH, defaultTheme } from '../../render/snapshot-options.ts';
import { dashboardArg, dashboardUrl, okResult, requireDoc, resultShape, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';

/** Claude.ai cuts a tool result at about 150,000 characters (base64 images count); the whole result stays under it. */
export const RESULT_BUDGET_CHARS = 140_000;
/** The URL lines, the unread-feedback line, the JSON-RPC and content envelopes and the other structuredContent fields. */
const ENVELOPE_CHARS = 2_000;

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Snapshot dashboard',
  description:
    'Look at the dashboard as a person sees it: returns the page as PNG images (drawn on the server, same grid, widths, theme and colours; a tall page comes as a few ' +
    'tiles top to bottom, each at the full width asked for) and a text account (the layout, what each widget shows, and a "Problems:" list: empty charts or series, ' +
    'more categories than the width can show, labels cut short ("…") or overlapping, legends that hide series, images that did not draw, malformed markdown tables, ' +
    'table keys that match no column, tables wider than their card, long text in a short card, low-contrast custom colours; or "No problems found."). ' +
    'Call it after building or changing the dashboard, fix what it reports, and check again. "width" 360-430 shows a phone, 600-700 a chat column. ' +
    '"widget" draws one widget larger. Example: {"dashboard": "<id>"} or {"dashboard": "<id>", "width": 390, "theme": "dark"}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    widget: z.string().max(64).optional().describe('Id of one widget to draw on its own, across the whole width and at the large height.'),
    width: z
      .number()
      .int()
      .min(MIN_WIDTH)
      .max(MAX_WIDTH)
      .optional()
      .describe(`Browser width in px to lay the page out for (${MIN_WIDTH}-${MAX_WIDTH}, default 1200; 1000 or less uses the page's 6-column tablet grid, 640 or less one column as on a phone, e.g. 390). The picture is never scaled down; what does not fit the result is listed in the text.`),
    theme: z.enum(['light', 'dark']).optional().describe('Colour theme to draw in; default the dashboard\'s own ("auto" draws light).'),
  }),
  outputSchema: z.object({
    ...resultShape,
    width: z.number().int().describe('Width of every PNG tile in px (the width the page was laid out for).'),
    height: z.number().int().describe('Height of the page drawn in px (the tiles\' heights summed).'),
    tiles: z.number().int().describe('How many PNG images the result holds (the page top to bottom, in order).'),
    problems: z.array(z.string()).describe('One line per problem, each starting with the widget id; empty when none were found.'),
  }),
  annotations: { readOnlyHint: true },
};

export function registerDashboardSnapshot(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'dashboard_snapshot', CONFIG, async (args, id) => {
    const doc = requireDoc(deps, id);
    const url = dashboardUrl(deps, doc.id);
    // deps.snapshots is the app's one worker service: snapshots are CPU-heavy, so they are drawn one at a time.
    const shot = await deps.snapshots.snapshot(doc, {
      width: args.width ?? 1200,
      theme: args.theme ?? defaultTheme(doc),
      widget: args.widget,
      budgetChars: RESULT_BUDGET_CHARS - ENVELOPE_CHARS - url.length * 2,
    });
    return okResult(
      deps,
      doc,
      shot.account,
      { width: shot.width, height: shot.height, tiles: shot.tiles.length, problems: shot.problems },
      shot.tiles.map((tile) => ({ type: 'image' as const, data: Buffer.from(tile.png).toString('base64'), mimeType: 'image/png' })),
    );
  });
}
