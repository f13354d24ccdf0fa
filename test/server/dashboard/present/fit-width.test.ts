import { describe, expect, it } from 'bun:test';
import { prepareChartOption } from '../../../../server/dashboard/present/chart-option.ts';
import { CANDLE_COLORS } from '../../../../server/dashboard/present/palette.ts';
import { legendRows } from '../../../../server/dashboard/present/fit-width.ts';

type Rec = Record<string, unknown>;
const phone = { width: 358, height: 300 };
const wide = { width: 800, height: 300 };
const assets = ['HASH', 'USDC', 'ETH', 'BTC', 'FIGR_HELOC', 'SOL', 'DOT'];
const donut = {
  legend: { type: 'scroll', top: 0 },
  series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '55%'], data: assets.map((name, i) => ({ name, value: i + 1 })) }],
};

describe('charts fitted to their width', () => {
  it('never pages a legend (a series behind "1/2" is hidden): it wraps, and the plot moves below it', () => {
    const names = Array.from({ length: 9 }, (_, i) => `series number ${i + 1}`);
    const o = prepareChartOption(
      { legend: { type: 'scroll', top: 0 }, grid: { top: 28 }, xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: names.map((name) => ({ type: 'line', name, data: [1] })) },
      { box: phone },
    );
    expect((o.legend as Rec).type).toBe('plain');
    const rows = legendRows(names, phone.width);
    expect(rows).toBeGreaterThan(2);
    expect((o.grid as Rec).top).toBeGreaterThanOrEqual(rows * 20);
  });

  it('turns a vertical side legend into a wrapping top row on a phone', () => {
    const o = prepareChartOption({ legend: { orient: 'vertical', right: 0 }, series: [{ type: 'pie', data: [{ name: 'a', value: 1 }] }] }, { box: phone });
    expect(o.legend).toMatchObject({ orient: 'horizontal', top: 0 });
    expect((o.legend as Rec).right).toBeUndefined();
  });

  it('moves a donut\'s slice names to the legend when its labels cannot fit beside it, and sizes it to the rest', () => {
    const o = prepareChartOption(donut, { box: phone });
    const pie = (o.series as Rec[])[0]!;
    expect(pie.label).toMatchObject({ show: false });
    const [inner, outer] = pie.radius as number[];
    expect(outer! * 2).toBeLessThanOrEqual(phone.width);
    expect(inner! / outer!).toBeCloseTo(45 / 70, 1);
    const [, cy] = pie.center as number[];
    expect(cy! + outer!).toBeLessThanOrEqual(phone.height);
  });

  it('keeps a wide donut\'s own labels and layout', () => {
    const pie = (prepareChartOption(donut, { box: wide }).series as Rec[])[0]!;
    expect(pie.label).toBeUndefined();
    expect(pie.radius).toEqual(['45%', '70%']);
  });

  it('adds a legend for a narrow pie that had none, so every slice stays named', () => {
    const o = prepareChartOption({ series: [{ type: 'pie', data: [{ name: 'a', value: 1 }, { name: 'b', value: 2 }] }] }, { box: phone });
    expect(o.legend).toMatchObject({ type: 'plain' });
  });

  it('hides overlapping axis labels and keeps a narrow value axis to a few', () => {
    const o = prepareChartOption({ xAxis: { type: 'value' }, yAxis: { type: 'value' }, series: [{ type: 'scatter', data: [[463174, 1]] }] }, { box: phone });
    expect(o.xAxis).toMatchObject({ splitNumber: 3, axisLabel: { hideOverlap: true } });
    expect(o.yAxis).toMatchObject({ axisLabel: { hideOverlap: true } });
  });

  it('leaves the heatmap\'s colour scale its own room under the hour labels', () => {
    const o = prepareChartOption(
      { xAxis: { type: 'category', data: ['00', '01'] }, yAxis: { type: 'category', data: ['Mon'] }, visualMap: { orient: 'horizontal', bottom: 0, calculable: true }, series: [{ type: 'heatmap', data: [[0, 0, 1]] }] },
      { box: wide },
    );
    expect((o.grid as Rec).bottom).toBeGreaterThanOrEqual(48);
    expect((o.grid as Rec).containLabel).toBe(true);
  });
});

describe('candlestick colours', () => {
  it('draws rising candles green and falling red by default, for raw options too', () => {
    const o = prepareChartOption({ xAxis: { type: 'category', data: ['d1'] }, yAxis: {}, series: [{ type: 'candlestick', data: [[1, 2, 0, 3]] }] });
    expect((o.series as Rec[])[0]!.itemStyle).toEqual({ color: CANDLE_COLORS.up, color0: CANDLE_COLORS.down, borderColor: CANDLE_COLORS.up, borderColor0: CANDLE_COLORS.down });
  });

  it('keeps the colours an option gives its candles (e.g. red-up)', () => {
    const own = { color: '#ff0000', color0: '#00ff00' };
    const o = prepareChartOption({ xAxis: { type: 'category', data: ['d1'] }, yAxis: {}, series: [{ type: 'candlestick', itemStyle: own, data: [[1, 2, 0, 3]] }] });
    expect((o.series as Rec[])[0]!.itemStyle).toEqual(own);
  });
});
