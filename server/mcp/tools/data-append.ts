// data_append: append rows to a table, points to a chart series or metric, or lines to a log, without resending the widget.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { appendData } from '../../dashboard/edit.ts';
import { dashboardArg, expectedRevisionArg, resultShape, warningsOutput, type ToolDeps } from './shared.ts';
import { registerDashboardTool } from './dashboard-tool.ts';
import { alreadyAppliedShape, requestIdArg, requestKey, writeResult } from './request-id.ts';

// Built once per process, not per session: every live session's server registers these same objects.
const CONFIG = {
  title: 'Append data',
  description:
    'Append to a widget without resending it: "rows" to a table, "points" to a chart series or to a metric (each number joins its trend, the last becomes the value), "lines" to a log. ' +
    'Charts with x labels (line, area, bar, stacked-bar, candlestick): a point is [x, y]; each x is added to the axis once and every series holds one value per x (null where it has none). ' +
    'One series: {"dashboard": "<id>", "widget": "latency", "series": "p95", "points": [["12:05", 182]]}. ' +
    'Many series in one call, one value per series in their order (no "series"): {"dashboard": "<id>", "widget": "latency", "points": [["12:05", 80, 182]]}. ' +
    'Many series in separate calls with the same x also share that x: {"series": "p50", "points": [["12:05", 80]]} then {"series": "p95", "points": [["12:05", 182]]}. ' +
    'Other charts: scatter [x, y]; pie/donut/funnel {"name", "value"} (an existing name is replaced); candlestick [x, open, close, low, high]; gauge: the last number becomes the value. ' +
    '"keep_last" keeps only the newest N entries (a rolling window; for charts with x it trims x and every series together). ' +
    'Example: {"dashboard": "<id>", "widget": "latency", "series": "p95", "points": [["12:05", 182]], "keep_last": 60}',
  inputSchema: z.object({
    dashboard: dashboardArg,
    widget: z.string().max(64).describe('Id of the table, chart, metric or log widget.'),
    rows: z.array(z.unknown()).max(100_000).optional().describe('Table rows (objects keyed by column key, or arrays in column order).'),
    points: z
      .array(z.unknown())
      .max(100_000)
      .optional()
      .describe('Chart points in the series\' shape ([x, y] for one series or [x, y1, y2, ...] for all series on charts with x labels; each x is added once), or numbers for a metric\'s trend.'),
    series: z.string().max(200).optional().describe('Chart series name to append to (default: the first series).'),
    lines: z.array(z.string().max(2000)).max(10_000).optional().describe('Log lines, oldest first.'),
    keep_last: z.number().int().min(1).max(100_000).optional().describe('Keep only the newest N rows/points/lines after appending.'),
    expected_revision: expectedRevisionArg,
    request_id: requestIdArg,
  }),
  outputSchema: z.object({ ...resultShape, changed: z.array(z.string()), warnings: warningsOutput, ...alreadyAppliedShape }),
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
