// Chart widget: the option the page would draw (shorthand resolved by the server, made safe like the page does),
// rendered by ECharts to SVG at the card's size and theme, then read back for the account and its problems.
import { prepareChartOption } from '../../dashboard/present/chart-option.ts';
import { CSS, type Body, type HeightClass, type RenderContext } from '../body.ts';
import { baseline, n, rect, text, type Box } from '../svg.ts';
import { wrap } from '../text.ts';
import { attributeSafe } from './attribute-safe.ts';
import { categoryProblems, contrastProblems, dataProblems, hiddenSliceLabels, labelProblems, pagedLegend, shortenedLabels } from './chart-problems.ts';
import { useFontsForECharts } from './echarts-setup.ts';
import { renderChart } from './render-chart.ts';
import { sampleOption } from './sample.ts';
import { categoryAxes, formatValue, seriesInfo, type SeriesInfo } from './series-data.ts';

export interface ChartInput {
  /** The resolved ECharts option (server/dashboard/view.ts). */
  option: Record<string, unknown>;
  /** The shorthand type, when the model used the shorthand. */
  type?: string;
  /** This chart's share of the dashboard's one colour per name (present/series-colors.ts), as the page has it. */
  nameColors?: ReadonlyMap<string, number>;
}

function describeSeries(s: SeriesInfo): string {
  const range = s.numeric ? (s.min === s.max ? `, value ${formatValue(s.min)}` : `, ${formatValue(s.min)} to ${formatValue(s.max)}`) : ', no values';
  return `"${s.name}" ${s.type} ${s.points} point${s.points === 1 ? '' : 's'}${range}`;
}

function errorBody(message: string, height: number, ctx: RenderContext): Body {
  return {
    height,
    summary: 'not drawn (the option cannot be shown)',
    problems: [`the page shows "This widget cannot be shown": ${message}`],
    draw: (box: Box) => {
      const lines = wrap(message, box.width - 24, 12.75, ctx.fonts.sans, 4).lines;
      return (
        rect({ x: box.x, y: box.y, width: box.width, height: 40 + lines.length * 19 }, { fill: ctx.palette.card, stroke: ctx.palette.bad, rx: 8 }) +
        text(box.x + 12, baseline(box.y + 10, 19, 12.75), 'This widget cannot be shown.', { font: 'bold', size: 12.75, fill: ctx.palette.bad }) +
        lines.map((l, i) => text(box.x + 12, baseline(box.y + 29 + i * 19, 19, 12.75), l, { font: 'sans', size: 12.75, fill: ctx.palette.text })).join('')
      );
    },
  };
}

export function chartBody(input: ChartInput, width: number, size: HeightClass, ctx: RenderContext): Body {
  const height = CSS.chart[size];
  let option: Record<string, unknown>;
  try {
    // The same presentation as the page: the theme's palette, the laid-out size's fitting rules, the shared colours.
    option = attributeSafe(prepareChartOption(input.option, { theme: ctx.palette.name, box: { width, height }, nameColors: input.nameColors }));
  } catch (error) {
    return errorBody(error instanceof Error ? error.message : String(error), height, ctx);
  }
  const series = seriesInfo(option);
  const axes = categoryAxes(option);
  const sampled = sampleOption(option);
  const drawnAxes = categoryAxes(sampled.option);
  const echarts = useFontsForECharts(ctx.fonts);
  let rendered;
  try {
    rendered = renderChart(echarts, sampled.option, { width, height }, ctx.palette.echartsTheme, drawnAxes.map((a) => ({ dim: a.dim, index: a.index, count: a.labels.length })));
  } catch (error) {
    return errorBody(`ECharts could not draw the option (${error instanceof Error ? error.message : String(error)})`, height, ctx);
  }
  const problems = [
    ...dataProblems(series),
    ...categoryProblems(axes, rendered.axes, series, ctx.fonts),
    ...labelProblems(rendered.svg, { width, height }, ctx.fonts),
    ...shortenedLabels(rendered.svg, sampled.option),
    ...hiddenSliceLabels(rendered.svg, sampled.option),
    ...pagedLegend(rendered.svg, sampled.option),
    ...contrastProblems(input.option, ctx.palette.card),
  ];
  const kinds = input.type ?? [...new Set(series.map((s) => s.type))].join(' + ');
  const xAxis = axes.find((a) => a.dim === 'x') ?? axes[0];
  const summary = [
    kinds || 'no series',
    series.length ? `series: ${series.slice(0, 8).map(describeSeries).join('; ')}${series.length > 8 ? `; and ${series.length - 8} more` : ''}` : '',
    xAxis ? `${xAxis.dim}: ${xAxis.labels.length} categories${xAxis.labels.length ? ` ("${String(xAxis.labels[0])}" … "${String(xAxis.labels[xAxis.labels.length - 1])}")` : ''}` : '',
    sampled.stride > 1 ? `drawn from every ${sampled.stride}th point` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const svg = rendered.svg;
  return {
    height,
    summary,
    problems,
    draw: (box: Box) => svg.replace(/^<svg /, `<svg x="${n(box.x)}" y="${n(box.y)}" `),
  };
}
