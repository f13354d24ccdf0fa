// chartToOption: each shorthand type becomes the ECharts structure the page needs; option charts pass through.
import { describe, expect, test } from 'bun:test';
import { chartToOption } from '../../../server/dashboard/chart.ts';
import type { ChartWidget } from '../../../server/dashboard/schema.ts';
import { parseWidget } from '../../../server/dashboard/validate.ts';
import { portfolioWidgets } from './helpers.ts';

type Option = Record<string, any>;

function chart(fields: Record<string, unknown>): ChartWidget {
  return parseWidget({ id: 'c', kind: 'chart', ...fields }) as ChartWidget;
}

function optionOf(fields: Record<string, unknown>): Option {
  return chartToOption(chart(fields)) as Option;
}

const X = ['mon', 'tue', 'wed'];
const TWO_SERIES = [
  { name: 'a', data: [1, 2, 3] },
  { name: 'b', data: [4, null, 6] },
];

/** No functions and no markup anywhere: the page feeds this straight into ECharts. */
function expectInertJson(option: unknown): void {
  expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  expect(JSON.stringify(option)).not.toMatch(/<[a-z/]/i);
}

describe('chartToOption', () => {
  test('line: category x axis from x, value y axis, axis names, axis tooltip, legend for two series', () => {
    const option = optionOf({ type: 'line', x: X, series: TWO_SERIES, xLabel: 'day', yLabel: 'USD' });
    expect(option.xAxis).toMatchObject({ type: 'category', data: X, name: 'day' });
    expect(option.yAxis).toMatchObject({ type: 'value', name: 'USD' });
    expect(option.tooltip).toEqual({ trigger: 'axis' });
    expect(option.legend).toBeDefined();
    expect(option.series.map((s: Option) => [s.type, s.name, s.data])).toEqual([
      ['line', 'a', [1, 2, 3]],
      ['line', 'b', [4, null, 6]],
    ]);
    expect(option.series[0].areaStyle).toBeUndefined();
    expectInertJson(option);
  });

  test('line: one series has no legend, and x labels default to 1..n', () => {
    const option = optionOf({ type: 'line', series: [{ name: 'a', data: [5, 6] }] });
    expect(option.legend).toBeUndefined();
    expect(option.tooltip).toBeDefined();
    expect(option.xAxis.data).toEqual(['1', '2']);
  });

  test('area: line series with an areaStyle', () => {
    const option = optionOf({ type: 'area', x: X, series: TWO_SERIES });
    expect(option.series.every((s: Option) => s.type === 'line' && s.areaStyle !== undefined)).toBe(true);
    expect(option.series[0].stack).toBeUndefined();
  });

  test('bar: bar series, not stacked', () => {
    const option = optionOf({ type: 'bar', x: X, series: TWO_SERIES });
    expect(option.series.map((s: Option) => [s.type, s.stack])).toEqual([
      ['bar', undefined],
      ['bar', undefined],
    ]);
    expect(option.xAxis.boundaryGap).toBe(true);
  });

  test('stacked-bar: every bar series shares one stack', () => {
    const option = optionOf({ type: 'stacked-bar', x: X, series: TWO_SERIES });
    expect(option.series.map((s: Option) => [s.type, s.stack])).toEqual([
      ['bar', 'total'],
      ['bar', 'total'],
    ]);
  });

  test('scatter: value axes on both sides, [x, y] points passed through', () => {
    const data = [[1, 2], [3, 4]];
    const option = optionOf({ type: 'scatter', series: [{ name: 'days', data }], xLabel: 'volume', yLabel: 'return %' });
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'volume' });
    expect(option.yAxis).toMatchObject({ type: 'value', name: 'return %' });
    expect(option.series[0]).toMatchObject({ type: 'scatter', data });
    expect(option.tooltip).toEqual({ trigger: 'item' });
  });

  test('pie: a pie series with its slices and an item tooltip', () => {
    const data = [{ name: 'x', value: 1 }, { name: 'y', value: 2 }];
    const option = optionOf({ type: 'pie', series: [{ name: 'share', data }] });
    expect(option.series[0]).toMatchObject({ type: 'pie', data, radius: '70%' });
    expect(option.tooltip).toEqual({ trigger: 'item' });
    expect(option.xAxis).toBeUndefined();
  });

  test('pie: numbers take their slice names from x', () => {
    const option = optionOf({ type: 'pie', x: ['x', 'y'], series: [{ name: 'share', data: [1, 2] }] });
    expect(option.series[0].data).toEqual([{ name: 'x', value: 1 }, { name: 'y', value: 2 }]);
  });

  test('donut: a pie series with an inner and outer radius', () => {
    const option = optionOf({ type: 'donut', series: [{ name: 'v', data: [{ name: 'x', value: 1 }] }] });
    expect(option.series[0]).toMatchObject({ type: 'pie', radius: ['45%', '70%'] });
  });

  test('heatmap: category axes from x and y, cells passed through, visualMap spans the data', () => {
    const data = [[0, 0, 5], [1, 0, -2], [1, 1, 9]];
    const option = optionOf({ type: 'heatmap', x: ['00', '01'], y: ['Mon', 'Tue'], series: [{ name: 'trades', data }] });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['00', '01'] });
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Mon', 'Tue'] });
    expect(option.visualMap).toMatchObject({ min: -2, max: 9 });
    expect(option.series[0]).toMatchObject({ type: 'heatmap', data });
  });

  test('candlestick: category x, scaled value y, [open, close, low, high] passed through', () => {
    const data = [[1, 1.1, 0.9, 1.2], [1.1, 1.0, 0.95, 1.15]];
    const option = optionOf({ type: 'candlestick', x: ['d1', 'd2'], series: [{ name: 'HASH', data }], yLabel: 'USD' });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['d1', 'd2'] });
    expect(option.yAxis).toMatchObject({ type: 'value', scale: true, name: 'USD' });
    expect(option.series[0]).toMatchObject({ type: 'candlestick', data });
  });

  test('gauge: one value on a 0..100 dial unless min/max are given', () => {
    const option = optionOf({ type: 'gauge', series: [{ name: 'health', data: [72] }] });
    expect(option.series[0]).toMatchObject({ type: 'gauge', min: 0, max: 100, data: [{ value: 72, name: 'health' }] });
    const scaled = optionOf({ type: 'gauge', min: 0, max: 1, series: [{ name: 'ratio', data: [0.4] }] });
    expect(scaled.series[0]).toMatchObject({ min: 0, max: 1 });
  });

  test('gauge: a value from 0 to 1 with no max is a fraction shown on a 0-100 % dial; with a max it is taken as is', () => {
    const fraction = optionOf({ type: 'gauge', series: [{ name: 'progress', data: [0.83] }] });
    expect(fraction.series[0]).toMatchObject({ min: 0, max: 100, data: [{ value: 83, name: 'progress' }], detail: { formatter: '{value} %' } });
    const scaled = optionOf({ type: 'gauge', max: 1, series: [{ name: 'ratio', data: [0.83] }] });
    expect(scaled.series[0]).toMatchObject({ min: 0, max: 1, data: [{ value: 0.83 }] });
    expect(scaled.series[0].detail.formatter).toBeUndefined();
    const plain = optionOf({ type: 'gauge', series: [{ name: 'load', data: [72] }] });
    expect(plain.series[0]).toMatchObject({ max: 100, data: [{ value: 72 }] });
    expect(plain.series[0].detail.formatter).toBeUndefined();
    expectInertJson(fraction);
  });

  test('candlestick: rising candles green and falling red by default; candleColors "red-up" flips them', () => {
    const data = [[1, 1.1, 0.9, 1.2]];
    const standard = optionOf({ type: 'candlestick', x: ['d1'], series: [{ name: 'HASH', data }] });
    expect(standard.series[0].itemStyle).toEqual({ color: '#2e9e5b', color0: '#e0484d', borderColor: '#2e9e5b', borderColor0: '#e0484d' });
    const flipped = optionOf({ type: 'candlestick', x: ['d1'], candleColors: 'red-up', series: [{ name: 'HASH', data }] });
    expect(flipped.series[0].itemStyle).toEqual({ color: '#e0484d', color0: '#2e9e5b', borderColor: '#e0484d', borderColor0: '#2e9e5b' });
  });

  test('radar: indicators from x, one radar entry per series', () => {
    const option = optionOf({ type: 'radar', x: ['speed', 'cost'], series: [{ name: 'now', data: [80, 40] }, { name: 'goal', data: [90, 30] }] });
    expect(option.radar.indicator.map((i: Option) => i.name)).toEqual(['speed', 'cost']);
    expect(option.series[0]).toEqual({ type: 'radar', data: [{ name: 'now', value: [80, 40] }, { name: 'goal', value: [90, 30] }] });
  });

  test('funnel: a funnel series with named stages', () => {
    const option = optionOf({ type: 'funnel', series: [{ name: 'signup', data: [{ name: 'visit', value: 100 }, { name: 'buy', value: 5 }] }] });
    expect(option.series[0]).toMatchObject({ type: 'funnel', data: [{ name: 'visit', value: 100 }, { name: 'buy', value: 5 }] });
  });

  test('an option chart passes through unchanged', () => {
    const option = { series: [{ type: 'treemap', data: [{ name: 'a', value: 1 }] }] };
    expect(chartToOption(chart({ option }))).toEqual(option);
  });

  test('an explicit dark theme adds the darkMode hint; auto does not', () => {
    const widget = chart({ type: 'bar', series: [{ name: 'a', data: [1] }] });
    expect((chartToOption(widget, 'dark') as Option).darkMode).toBe(true);
    expect((chartToOption(widget, 'auto') as Option).darkMode).toBeUndefined();
  });

  test('every chart of the portfolio example becomes inert JSON with a series', () => {
    for (const raw of portfolioWidgets().filter((w) => w.kind === 'chart')) {
      const option = chartToOption(parseWidget(raw) as ChartWidget) as Option;
      expect(Array.isArray(option.series) && option.series.length > 0).toBe(true);
      expectInertJson(option);
    }
  });
});
