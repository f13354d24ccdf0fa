import { describe, expect, it } from 'bun:test';
import { prepareChartOption } from '../../../../server/dashboard/present/chart-option.ts';
import { SERIES_COLORS } from '../../../../server/dashboard/present/palette.ts';
import { assignNameColors, colouredNames } from '../../../../server/dashboard/present/series-colors.ts';

const donut = { series: [{ type: 'pie', radius: ['45%', '70%'], data: [{ name: 'HASH', value: 5 }, { name: 'USDC', value: 2 }, { name: 'ETH', value: 1 }] }] };
const treemap = { series: [{ type: 'treemap', data: [{ name: 'ETH', value: 1 }, { name: 'HASH', value: 5 }, { name: 'BTC', value: 3 }] }] };
const latency = { xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'line', name: 'p50', data: [1] }, { type: 'line', name: 'p95', data: [2] }] };

describe('one colour per name across charts', () => {
  it('gives a name the same colour in the donut and the treemap, whatever its position there', () => {
    const [a, b] = assignNameColors([colouredNames(donut), colouredNames(treemap)]);
    expect(b!.get('HASH')).toBe(a!.get('HASH'));
    expect(b!.get('ETH')).toBe(a!.get('ETH'));
    // A new name takes a colour no other name uses in its chart.
    expect(new Set(b!.values()).size).toBe(3);
  });

  it('starts a chart of unrelated names at the first palette colour', () => {
    const [, lines] = assignNameColors([colouredNames(donut), colouredNames(latency)]);
    expect([lines!.get('p50'), lines!.get('p95')]).toEqual([0, 1]);
  });

  it('never draws two names of one chart in one colour, even when both were known with the same index', () => {
    const [, , both] = assignNameColors([['HASH'], ['p50'], ['HASH', 'p50']]);
    expect(new Set(both!.values()).size).toBe(2);
  });

  it('colours the items of the prepared option by name, and leaves colours the author gave', () => {
    const maps = assignNameColors([colouredNames(donut), colouredNames(treemap)]);
    const colored = { series: [{ ...treemap.series[0], data: [{ name: 'ETH', value: 1, itemStyle: { color: '#123456' } }, ...treemap.series[0]!.data.slice(1)] }] };
    const o = prepareChartOption(colored, { theme: 'dark', nameColors: maps[1] });
    const items = (o.series as { data: { name: string; itemStyle?: { color: string } }[] }[])[0]!.data;
    expect(items.map((i) => i.itemStyle?.color)).toEqual(['#123456', SERIES_COLORS.dark[maps[0]!.get('HASH')!], SERIES_COLORS.dark[maps[1]!.get('BTC')!]]);
  });

  it('colours a line by its lineStyle (legend, symbols and area follow it)', () => {
    const o = prepareChartOption(latency, { theme: 'light', nameColors: new Map([['p50', 3], ['p95', 4]]) });
    const series = o.series as { lineStyle?: { color: string } }[];
    expect(series.map((s) => s.lineStyle?.color)).toEqual([SERIES_COLORS.light[3], SERIES_COLORS.light[4]]);
  });

  it('leaves a chart with its own colour list alone', () => {
    expect(colouredNames({ ...donut, color: ['#000000'] })).toEqual([]);
  });
});
