// The Problems section: planted problems are each reported on their own widget's line, with no false alarms.
import { beforeAll, describe, expect, test } from 'bun:test';
import { renderSnapshot, type Snapshot } from '../../../server/render/snapshot.ts';
import { docOf } from './helpers.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const PLANTED = [
  { id: 'fine', kind: 'chart', title: 'Nothing wrong here', type: 'bar', x: ['Mon', 'Tue', 'Wed'], series: [{ name: 'visits', data: [3, 5, 4] }] },
  { id: 'blank', kind: 'chart', title: 'No data yet', type: 'line', series: [{ name: 'sales', data: [] }] },
  { id: 'hollow', kind: 'chart', title: 'One empty series', type: 'line', x: ['a', 'b', 'c'], series: [{ name: 'full', data: [1, 2, 3] }, { name: 'missing', data: [] }] },
  { id: 'crowded', kind: 'chart', title: '300 bars', width: 3, type: 'bar', x: range(300).map((i) => `item ${i}`), series: [{ name: 'n', data: range(300).map((i) => (i * 7) % 13) }] },
  { id: 'wide-table', kind: 'table', title: '40 columns', width: 3, columns: range(40).map((i) => ({ key: `column_${i}` })), rows: [Object.fromEntries(range(40).map((i) => [`column_${i}`, i * 1000]))] },
  { id: 'essay', kind: 'markdown', height: 's', width: 6, text: range(25).map((i) => `Paragraph ${i}: the portfolio moved again and here is a long explanation of why it did.`).join('\n\n') },
  {
    id: 'faint',
    kind: 'chart',
    title: 'Pale bars',
    option: { color: ['#ffff66'], xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: {}, series: [{ type: 'bar', name: 'pale', data: [1, 2] }] },
  },
  {
    id: 'squeezed',
    kind: 'chart',
    // The author forces every label and turns off the page's thinning (present/fit-width.ts): they run together.
    title: 'Every label forced',
    width: 4,
    option: { xAxis: { type: 'category', data: range(30).map((i) => `Category number ${i}`), axisLabel: { interval: 0, hideOverlap: false } }, yAxis: {}, series: [{ type: 'line', data: range(30) }] },
  },
];

describe('problems in the snapshot account', () => {
  let shot: Snapshot;
  const linesOf = (id: string) => shot.problems.filter((p) => p.startsWith(`${id}: `));

  beforeAll(async () => {
    shot = await renderSnapshot(docOf(PLANTED), { width: 1200, theme: 'light', budgetChars: 1_000_000 });
  }, 120_000);

  test('reports an empty chart and an empty series', () => {
    expect(linesOf('blank').join('\n')).toContain('the chart has no data');
    expect(linesOf('hollow')).toEqual(['hollow: series "missing" is empty (no points with a value): it shows in the legend but draws nothing']);
  });

  test('reports more categories than a narrow chart can show', () => {
    expect(linesOf('crowded').join('\n')).toMatch(/^crowded: 300 categories on \d+ px of x axis: [\d.]+ px per category/);
  });

  test('reports a table wider than its card', () => {
    expect(linesOf('wide-table').join('\n')).toMatch(/^wide-table: the table is wider than its card: 40 columns need about \d+ px, the card has \d+ px/);
  });

  test('reports a long markdown in a short card', () => {
    expect(linesOf('essay').join('\n')).toMatch(/^essay: the text needs about \d+ px of height but the card was given height "s"/);
  });

  test('reports a custom colour with too little contrast against the card', () => {
    expect(linesOf('faint').join('\n')).toMatch(/^faint: the custom colour #ffff66 \(palette colour 1\) has a contrast of 1\.\d\d:1 against the background #ffffff/);
  });

  test('reports labels drawn over each other', () => {
    expect(linesOf('squeezed').join('\n')).toContain('labels overlap and cannot be read');
  });

  test('says nothing about the widget that is fine, and every line starts with a widget id', () => {
    expect(linesOf('fine')).toEqual([]);
    const ids = PLANTED.map((w) => w.id);
    for (const line of shot.problems) expect(ids).toContain(line.split(':')[0]!);
    expect(shot.account).toContain(`Problems:\n${shot.problems.join('\n')}`);
    expect(shot.account).not.toContain('No problems found.');
  });
});
