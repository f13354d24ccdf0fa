// data_append: append rows to a table, points to a chart series or lines to a log, without resending the widget.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { appendData } from '../../dashboard/edit.ts';
import { dashboardArg, expectedRevisionArg, resultShape, type ToolDeps } from './shared.ts';
import { alreadyAppliedShape, requestIdArg, requestKey, writeResult } from './request-id.ts';
import { registerDashboardTool } from './target.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Append data',
  description:
    'Append to a widget without resending it: "rows" to a table, "points" to a chart series, "lines" to a log. ' +
    '"keep_last" keeps only the newest N entries (a rolling window). ' +
    'Example: {"dashboard": "<id>", "widget": "latency", "series": "p95", "points": [["12:05", 182]], "keep_last": 60}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    widget: z.string().max(64).describe('Id of the table, chart or log widget.'),
    rows: z.array(z.unknown()).max(100_000).optional().describe('Table rows (objects keyed by column key, or arrays in column order).'),
    points: z
      .array(z.unknown())
      .max(100_000)
      .optional()
      .describe('Chart points in the series\' shape; for charts with an x axis, [x, y] also appends x to the axis.'),
    series: z.string().max(200).optional().describe('Chart series name to append to (default: the first series).'),
    lines: z.array(z.string().max(2000)).max(10_000).optional().describe('Log lines, oldest first.'),
    keep_last: z.number().int().min(1).max(100_000).optional().describe('Keep only the newest N rows/points/lines after appending.'),
    expected_revision: expectedRevisionArg,
    request_id: requestIdArg,
  }),
  outputSchema: z.object({ ...resultShape, changed: z.array(z.string()), ...alreadyAppliedShape }),
};

export function registerDataAppend(server: McpServer, deps: ToolDeps): void {
  registerDashboardTool(server, deps, 'data_append', CONFIG, async (args, id) => {
    const { dashboard, expected_revision, request_id, ...input } = args;
    const result = await deps.dashboards.apply(id, 'data_append', (doc, limits) => appendData(doc, input, limits), {
      expectedRevision: expected_revision,
      request: requestKey('data_append', args),
    });
    return writeResult(deps, result, request_id);
  });
}
