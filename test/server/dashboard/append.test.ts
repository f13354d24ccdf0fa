// appendData: rows, points and lines land where a viewer expects them; keep_last trims; wrong input changes nothing.
import { describe, expect, test } from 'bun:test';
import { LimitError, NotFoundError, ValidationError } from '../../../server/errors.ts';
import { appendData } from '../../../server/dashboard/edit.ts';
import type { Dashboard, Widget } from '../../../server/dashboard/schema.ts';
import { docWith, expectRejected, LIMITS } from './helpers.ts';

const table = { id: 'orders', kind: 'table', columns: [{ key: 'n', type: 'number' }], rows: [{ n: 1 }, { n: 2 }] };
const log = { id: 'activity', kind: 'log', lines: ['one', 'two'] };
const metric = { id: 'load', kind: 'metric', value: 3, trend: [1, 2, 3] };
const line = {
  id: 'latency',
  kind: 'chart',
  type: 'line',
  x: ['12:00', '12:01'],
  series: [
    { name: 'p50', data: [10, 11] },
    { name: 'p95', data: [30, 31] },
  ],
};
const scatter = { id: 'dots', kind: 'chart', type: 'scatter', series: [{ name: 'd', data: [[1, 2]] }] };
const pie = { id: 'share', kind: 'chart', type: 'pie', series: [{ name: 's', data: [{ name: 'a', value: 1 }] }] };
const gauge = { id: 'dial', kind: 'chart', type: 'gauge', series: [{ name: 'load', data: [10] }] };
const candles = { id: 'ohlc', kind: 'chart', type: 'candlestick', x: ['d1'], series: [{ name: 'X', data: [[1, 2, 0.5, 2.5]] }] };
const optionChart = { id: 'raw', kind: 'chart', option: { series: [{ type: 'line', name: 'a', data: [1] }, { type: 'line', name: 'b', data: [5] }] } };
const markdown = { id: 'notes', kind: 'markdown', text: 'hi' };

function doc(): Dashboard {
  return docWith([table, log, metric, line, scatter, pie, gauge, candles, optionChart, markdown]);
}

function widget(d: Dashboard, id: string): Record<string, any> {
  return d.widgets.find((w: Widget) => w.id === id) as Record<string, any>;
}

describe('appendData', () => {
  test('appends rows to a table and reports the new count', () => {
    const result = appendData(doc(), { widget: 'orders', rows: [{ n: 3 }] }, LIMITS);
    expect(widget(result.doc, 'orders').rows).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(result.changed).toEqual(['orders']);
    expect(result.orderChanged).toBe(false);
    expect(result.summary).toBe('appended 1 row to table orders (now 3)');
  });

  test('keep_last keeps the newest table rows', () => {
    const result = appendData(doc(), { widget: 'orders', rows: [{ n: 3 }, { n: 4 }], keep_last: 3 }, LIMITS);
    expect(widget(result.doc, 'orders').rows).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    expect(result.summary).toBe('appended 2 rows to table orders, kept the last 3 (now 3)');
  });

  test('appends lines to a log, keep_last and maxLines keep the newest', () => {
    expect(widget(appendData(doc(), { widget: 'activity', lines: ['three'] }, LIMITS).doc, 'activity').lines).toEqual(['one', 'two', 'three']);
    expect(widget(appendData(doc(), { widget: 'activity', lines: ['three', 'four'], keep_last: 2 }, LIMITS).doc, 'activity').lines).toEqual(['three', 'four']);
    const capped = docWith([{ ...log, maxLines: 2 }]);
    expect(widget(appendData(capped, { widget: 'activity', lines: ['three'] }, LIMITS).doc, 'activity').lines).toEqual(['two', 'three']);
  });

  test('appends numbers to a metric trend and shows the last as the value', () => {
    const result = appendData(doc(), { widget: 'load', points: [4, 5], keep_last: 4 }, LIMITS);
    expect(widget(result.doc, 'load')).toMatchObject({ value: 5, trend: [2, 3, 4, 5] });
  });

  test('[x, y] on a chart with x adds the label and the value to the named series, others get an explicit null', () => {
    const result = appendData(doc(), { widget: 'latency', series: 'p95', points: [['12:02', 35]] }, LIMITS);
    const chart = widget(result.doc, 'latency');
    expect(chart.x).toEqual(['12:00', '12:01', '12:02']);
    expect(chart.series[1].data).toEqual([30, 31, 35]);
    expect(chart.series[0].data).toEqual([10, 11, null]);
    expect(result.summary).toBe('appended 1 point to chart latency series "p95" (now 3)');
  });

  test('two series streamed one call each, 50 calls: each x is added once and each series has one point per x', () => {
    let d = docWith([{ id: 'lat', kind: 'chart', type: 'line', series: [{ name: 'p50', data: [] }, { name: 'p95', data: [] }] }]);
    for (let i = 0; i < 25; i++) {
      const x = `12:${String(i).padStart(2, '0')}`;
      d = appendData(d, { widget: 'lat', series: 'p50', points: [[x, 80 + i]] }, LIMITS).doc;
      d = appendData(d, { widget: 'lat', series: 'p95', points: [[x, 180 + i]] }, LIMITS).doc;
    }
    const chart = widget(d, 'lat');
    expect(chart.x).toEqual(Array.from({ length: 25 }, (_, i) => `12:${String(i).padStart(2, '0')}`));
    expect(chart.series[0].data).toEqual(Array.from({ length: 25 }, (_, i) => 80 + i));
    expect(chart.series[1].data).toEqual(Array.from({ length: 25 }, (_, i) => 180 + i));
  });

  test('a series that skips a label holds null there, and a label repeated by the same series is a new x', () => {
    let d = docWith([{ id: 'lat', kind: 'chart', type: 'line', series: [{ name: 'p50', data: [] }, { name: 'p95', data: [] }] }]);
    d = appendData(d, { widget: 'lat', series: 'p50', points: [['a', 1], ['b', 2]] }, LIMITS).doc;
    d = appendData(d, { widget: 'lat', series: 'p95', points: [['b', 20]] }, LIMITS).doc;
    d = appendData(d, { widget: 'lat', series: 'p95', points: [['a', 30]] }, LIMITS).doc;
    const chart = widget(d, 'lat');
    expect(chart.x).toEqual(['a', 'b', 'a']);
    expect(chart.series.map((s: any) => s.data)).toEqual([[1, 2, null], [null, 20, 30]]);
  });

  test('[x, y1, y2] adds one value to every series', () => {
    const chart = widget(appendData(doc(), { widget: 'latency', points: [['12:02', 12, 32], ['12:03', 13, 33]] }, LIMITS).doc, 'latency');
    expect(chart.x).toEqual(['12:00', '12:01', '12:02', '12:03']);
    expect(chart.series.map((s: any) => s.data)).toEqual([[10, 11, 12, 13], [30, 31, 32, 33]]);
  });

  test('a plain number fills a label the series has no value for yet', () => {
    const step1 = appendData(doc(), { widget: 'latency', series: 'p95', points: [['12:02', 35]] }, LIMITS).doc;
    const chart = widget(appendData(step1, { widget: 'latency', series: 'p50', points: [12] }, LIMITS).doc, 'latency');
    expect(chart.series[0].data).toEqual([10, 11, 12]);
  });

  test('labels set up ahead are filled by plain numbers in order, the rest stay explicit nulls', () => {
    const ahead = docWith([{ id: 'c', kind: 'chart', type: 'bar', x: ['Q1', 'Q2', 'Q3'], series: [{ name: 'rev', data: [] }] }]);
    const chart = widget(appendData(ahead, { widget: 'c', points: [5, 6] }, LIMITS).doc, 'c');
    expect(chart.series[0].data).toEqual([5, 6, null]);
  });

  test('keep_last trims x and every series of a chart together', () => {
    const chart = widget(appendData(doc(), { widget: 'latency', points: [['12:02', 12, 32]], keep_last: 2 }, LIMITS).doc, 'latency');
    expect(chart.x).toEqual(['12:01', '12:02']);
    expect(chart.series.map((s: any) => s.data)).toEqual([[11, 12], [31, 32]]);
  });

  test('an empty line chart without x starts its x list from [x, y] points', () => {
    const empty = docWith([{ id: 'c', kind: 'chart', type: 'line', series: [{ name: 's', data: [] }] }]);
    const chart = widget(appendData(empty, { widget: 'c', points: [['a', 1], ['b', 2]] }, LIMITS).doc, 'c');
    expect(chart.x).toEqual(['a', 'b']);
    expect(chart.series[0].data).toEqual([1, 2]);
  });

  test('appends [x, y] points to a scatter series, keep_last trims it', () => {
    const chart = widget(appendData(doc(), { widget: 'dots', points: [[3, 4], [5, 6]], keep_last: 2 }, LIMITS).doc, 'dots');
    expect(chart.series[0].data).toEqual([[3, 4], [5, 6]]);
    expect(chart.x).toBeUndefined();
  });

  test('a pie slice with an existing name replaces it, a new name adds one', () => {
    const chart = widget(appendData(doc(), { widget: 'share', points: [{ name: 'a', value: 7 }, { name: 'b', value: 2 }] }, LIMITS).doc, 'share');
    expect(chart.series[0].data).toEqual([{ name: 'a', value: 7 }, { name: 'b', value: 2 }]);
  });

  test('a gauge shows the last appended value', () => {
    expect(widget(appendData(doc(), { widget: 'dial', points: [20, 30] }, LIMITS).doc, 'dial').series[0].data).toEqual([30]);
  });

  test('a candlestick with x takes [x, open, close, low, high]', () => {
    const chart = widget(appendData(doc(), { widget: 'ohlc', points: [['d2', 2, 3, 1.5, 3.5]] }, LIMITS).doc, 'ohlc');
    expect(chart.x).toEqual(['d1', 'd2']);
    expect(chart.series[0].data).toEqual([[1, 2, 0.5, 2.5], [2, 3, 1.5, 3.5]]);
  });

  test('an option chart gets the points in the named series data', () => {
    const chart = widget(appendData(doc(), { widget: 'raw', series: 'b', points: [6, 7], keep_last: 2 }, LIMITS).doc, 'raw');
    expect(chart.option.series[1].data).toEqual([6, 7]);
    expect(chart.option.series[0].data).toEqual([1]);
  });

  test('rejects data of the wrong kind, saying which field fits which kind', () => {
    expectRejected(doc(), (d) => appendData(d, { widget: 'orders', points: [1] }, LIMITS), ValidationError, /widget "orders" is a table: append "rows" to it, not "points" \("rows" go to a table, "points" to a chart or metric, "lines" to a log\)/);
    expectRejected(doc(), (d) => appendData(d, { widget: 'notes', lines: ['x'] }, LIMITS), ValidationError, /is a markdown, which takes no appended data/);
    expectRejected(doc(), (d) => appendData(d, { widget: 'orders', rows: [{ n: 1 }], lines: ['x'] }, LIMITS), ValidationError, /exactly one of "rows", "points" or "lines"/);
  });

  test('rejects a point that does not fit the chart type, changing nothing', () => {
    expectRejected(doc(), (d) => appendData(d, { widget: 'dots', points: [7] }, LIMITS), ValidationError, /a scatter point is an array \[x, y\]/);
    expectRejected(doc(), (d) => appendData(d, { widget: 'orders', rows: [{ n: { deep: 1 } }] }, LIMITS), ValidationError, /^rows\[0\]: a row is an object/);
    expectRejected(doc(), (d) => appendData(d, { widget: 'orders', rows: [[3]] }, LIMITS), ValidationError, /rows\[0\]: table "orders" has rows that are objects keyed by column key; send the new rows the same way/);
  });

  test('rejects a plain number when every x label already has a value', () => {
    expectRejected(doc(), (d) => appendData(d, { widget: 'latency', points: [12] }, LIMITS), ValidationError, /append \[x, y\] so the new value gets its label/);
  });

  test('rejects unknown widgets and series with NotFoundError', () => {
    expectRejected(doc(), (d) => appendData(d, { widget: 'nope', rows: [{}] }, LIMITS), NotFoundError, /no widget "nope" to append to/);
    expectRejected(doc(), (d) => appendData(d, { widget: 'latency', series: 'p99', points: [['x', 1]] }, LIMITS), NotFoundError, /no series "p99"; its series: "p50", "p95"/);
  });

  test('rejects an append that grows the document over the limit', () => {
    const rows = Array.from({ length: 2000 }, (_, n) => ({ n }));
    expectRejected(doc(), (d) => appendData(d, { widget: 'orders', rows }, { ...LIMITS, maxDocumentBytes: 16_384 }), LimitError, /the maximum is 16\.0 KiB\. Send less data \(use keep_last/);
  });
});
