// The page's grid: columns per viewport width, default spans, auto-placement into rows.
import { describe, expect, test } from 'bun:test';
import { gridGeometry, placeItems, spanAt, widgetSpan } from '../../../server/render/grid.ts';

describe('grid', () => {
  test('has 12 columns above 1000 px, 6 up to 1000 px, one at 640 px and below', () => {
    expect(gridGeometry(1200).columns).toBe(12);
    expect(gridGeometry(1000).columns).toBe(6);
    expect(gridGeometry(640).columns).toBe(1);
    // The page box is at most 1480 px wide and centred.
    expect(gridGeometry(1600).width).toBe(1480 - 45);
  });

  test('uses the page registry\'s default widths', () => {
    expect(widgetSpan({ kind: 'metric' })).toBe(3);
    expect(widgetSpan({ kind: 'chart' })).toBe(6);
    expect(widgetSpan({ kind: 'table', width: 4 })).toBe(4);
    expect(widgetSpan({ kind: 'choice' })).toBe(6);
  });

  test('starts a new row when a widget does not fit the rest of the current one', () => {
    const rows = placeItems(gridGeometry(1200), [3, 3, 3, 3, 8, 6, 4]).map((p) => p.row);
    expect(rows).toEqual([0, 0, 0, 0, 1, 2, 2]);
  });

  test('maps spans like the tablet media query', () => {
    const tablet = gridGeometry(900);
    expect([1, 2, 3, 4, 5, 12].map((s) => spanAt(tablet, s))).toEqual([2, 2, 3, 3, 6, 6]);
  });
});
