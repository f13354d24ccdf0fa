// What a person notices that the snapshot must say: labels cut short, labels run together at a chat column's width,
// a legend paged so series hide, slice labels with no room, empty series, images that did not draw, malformed
// markdown tables and table keys that match no column, and a value too wide for its card. Each is reported on its
// own widget, and gone when the document is fixed.
import { beforeAll, describe, expect, test } from 'bun:test';
import { PNG } from 'pngjs';
import { renderSnapshot, type Snapshot } from '../../../server/render/snapshot.ts';
import { countNear, docOf, stitch } from './helpers.ts';

const ROOMY = 1_000_000;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function pngDataUrl(width: number, height: number, rgb: [number, number, number]): string {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

/** A PNG whose header (and so its size) reads fine but whose pixel data is gone: browsers show a broken picture. */
function brokenPngDataUrl(): string {
  const whole = PNG.sync.write(Object.assign(new PNG({ width: 40, height: 30 }), {}));
  return `data:image/png;base64,${Buffer.from(whole.subarray(0, 33)).toString('base64')}`;
}

const svgUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const TEXT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="#ffffff"/><text x="100" y="58" font-size="48" text-anchor="middle" fill="#000000">WXYZ</text></svg>';

const longNames = ['FIGR_HELOC_RECEIVABLES', 'USDC_RESERVE_ACCOUNT', 'ETH_STAKING_POOL', 'BTC_COLD_WALLET', 'HASH'];
/** The example's daily return against traded volume: x labels like "1,200,000". */
const bigScatter = [[463174, -1.76], [1495185, -4.48], [313231, -7.8], [1372877, 2.18], [1022878, -3.21], [1209826, 2.39], [1039789, 1.38], [637808, 0.57], [1124061, 1.91], [310259, 3.11], [414705, 2.29], [412786, 0.0], [962545, -1.15], [636108, -1.0], [1487796, -4.04], [928528, 3.98], [1463071, -1.35], [1223552, 1.54], [1177250, -3.43], [502236, 0.42], [414302, -0.01], [1203742, -6.57], [538561, -2.7], [1307836, -0.28], [958649, 3.03], [256712, 3.99], [1307525, -1.71], [390862, 5.48], [747598, -8.68], [945948, -1.01]];

/** Each widget twice: as a model might send it, and as fixed after reading the problem. */
const CASES: { id: string; bad: Record<string, unknown>; fixed: Record<string, unknown>; expect: RegExp; width?: number }[] = [
  {
    id: 'treemap',
    expect: /labels? (is|are) drawn cut short \(.*"(FIG|USD|ETH|BTC)[^"]*"/,
    bad: { kind: 'chart', title: 'Exposure', option: { series: [{ type: 'treemap', data: longNames.map((name, i) => ({ name, value: i === 4 ? 150 : 4 + i })) }] } },
    fixed: { kind: 'chart', title: 'Exposure', option: { series: [{ type: 'treemap', data: [{ name: 'A', value: 150 }, { name: 'B', value: 120 }] }] } },
  },



  {
    id: 'radar',
    expect: /series "target" is empty/,
    bad: { kind: 'chart', title: 'Risk', option: { radar: { indicator: [{ name: 'a', max: 10 }, { name: 'b', max: 10 }, { name: 'c', max: 10 }] }, series: [{ type: 'radar', data: [{ name: 'now', value: [3, 4, 5] }, { name: 'target', value: [] }] }] } },
    fixed: { kind: 'chart', title: 'Risk', option: { radar: { indicator: [{ name: 'a', max: 10 }, { name: 'b', max: 10 }, { name: 'c', max: 10 }] }, series: [{ type: 'radar', data: [{ name: 'now', value: [3, 4, 5] }, { name: 'target', value: [5, 5, 5] }] }] } },
  },
  {
    id: 'picture',
    expect: /the image did not draw: the picture could not be decoded/,
    bad: { kind: 'image', alt: 'broken', src: brokenPngDataUrl() },
    fixed: { kind: 'image', alt: 'green', src: pngDataUrl(40, 30, [20, 160, 60]) },
  },
  {
    id: 'notes',
    expect: /look like a table but are not one/,
    bad: { kind: 'markdown', text: 'Status:\n\n| step | state |\n| fetch | done |\n| model | running |' },
    fixed: { kind: 'markdown', text: 'Status:\n\n| step | state |\n| --- | --- |\n| fetch | done |\n| model | running |' },
  },
  {
    id: 'holdings',
    expect: /row keys that match no column are not shown: "valeu" \(2 rows\)/,
    bad: { kind: 'table', columns: [{ key: 'asset' }, { key: 'value', type: 'number' }], rows: [{ asset: 'ETH', valeu: 3 }, { asset: 'BTC', valeu: 4 }] },
    fixed: { kind: 'table', columns: [{ key: 'asset' }, { key: 'value', type: 'number' }], rows: [{ asset: 'ETH', value: 3 }, { asset: 'BTC', value: 4 }] },
  },
  {
    id: 'status',
    expect: /the value ".*" does not fit its card: "Supercalifragilistic[^"]*" is wider than the card/,
    bad: { kind: 'metric', width: 3, label: 'Status', value: 'Supercalifragilisticexpialidocious-and-more' },
    fixed: { kind: 'metric', width: 3, label: 'Status of the nightly import job', value: 'Up and running since Monday morning' },
  },
];

/**
 * What a model sends that used to draw badly at these widths and that the page now fits (present/fit-width.ts: labels
 * thinned, legends wrapped instead of paged, pie names moved to the legend). The snapshot draws with the same rules,
 * so it must agree with the page and report nothing; `expect` is what it reported before the page fitted them.
 */
const FITTED_BY_PAGE: typeof CASES = [
  {
    id: 'scatter',
    expect: /labels overlap and cannot be read/,
    bad: { kind: 'chart', title: 'Return vs volume', type: 'scatter', xLabel: 'volume', yLabel: 'return %', series: [{ name: 'days', data: bigScatter }] },
    fixed: { kind: 'chart', title: 'Return vs volume', type: 'scatter', xLabel: 'volume (M)', yLabel: 'return %', series: [{ name: 'days', data: bigScatter.map(([x, y]) => [Math.round(x! / 10_000) / 100, y]) }] },
  },  {
    id: 'legend',
    expect: /the legend is paged \("1\/\d"\)/,
    bad: { kind: 'chart', title: 'Many series', type: 'line', x: ['a', 'b', 'c'], series: longNames.concat(longNames.map((n) => `${n}_2`)).map((name, i) => ({ name, data: [i, i + 1, i + 2] })) },
    fixed: { kind: 'chart', title: 'Two series', type: 'line', x: ['a', 'b', 'c'], series: [{ name: 'p50', data: [1, 2, 3] }, { name: 'p95', data: [2, 3, 4] }] },
  },  {
    id: 'donut',
    width: 360,
    expect: /slice labels? (is|are) not drawn/,
    bad: { kind: 'chart', title: 'Allocation', type: 'donut', series: [{ name: 'value', data: [{ name: 'HASH', value: 149 }, { name: 'USDC', value: 8 }, { name: 'ETH', value: 7 }, { name: 'BTC', value: 16 }, { name: 'FIGR', value: 10 }] }] },
    // As the problem advises: labels off, the legend names the slices.
    fixed: { kind: 'chart', title: 'Allocation', option: { legend: {}, series: [{ type: 'pie', radius: ['45%', '70%'], label: { show: false }, data: [{ name: 'HASH', value: 149 }, { name: 'USDC', value: 8 }] }] } },
  },];

const docWith = (which: 'bad' | 'fixed', width = 600) => docOf(CASES.filter((c) => (c.width ?? 600) === width).map((c) => ({ id: c.id, ...c[which] })));

describe('problems a person notices, at a chat column (600 px) and a phone (360 px)', () => {
  const shots: Record<string, Snapshot> = {};
  beforeAll(async () => {
    for (const width of [600, 360]) {
      for (const which of ['bad', 'fixed'] as const) shots[`${which}${width}`] = await renderSnapshot(docWith(which, width), { width, theme: 'light', budgetChars: ROOMY });
    }
  }, 120_000);

  for (const c of CASES) {
    test(`reports ${c.id} as sent at ${c.width ?? 600} px, and nothing once it is fixed`, () => {
      const lines = (shot: Snapshot) => shot.problems.filter((p) => p.startsWith(`${c.id}: `));
      expect(lines(shots[`bad${c.width ?? 600}`]!).join('\n')).toMatch(c.expect);
      expect(lines(shots[`fixed${c.width ?? 600}`]!)).toEqual([]);
    });
  }

  test('what the page fits at narrow widths (crowded scatter labels, a long legend, a donut at 360 px) is drawn fitted and not reported', async () => {
    for (const c of FITTED_BY_PAGE) {
      const width = c.width ?? 600;
      const shot = await renderSnapshot(docOf([{ id: c.id, ...c.bad }]), { width, theme: 'light', budgetChars: ROOMY });
      expect(shot.problems).toEqual([]);
      expect(shot.account).not.toMatch(c.expect);
    }
  }, 60_000);

  test('the fixed documents say "No problems found."', () => {
    for (const width of [600, 360]) {
      expect(shots[`fixed${width}`]!.problems).toEqual([]);
      expect(shots[`fixed${width}`]!.account.endsWith('Problems:\nNo problems found.')).toBe(true);
    }
  });

  test('a metric the page wraps is drawn on more lines, not reported as cut', () => {
    const wrapped = shots.fixed600!.boxes.find((b) => b.id === 'status')!;
    const oneLine = shots.bad600!.boxes.find((b) => b.id === 'status')!;
    expect(wrapped.body.height).toBeGreaterThan(oneLine.body.height);
  });
});

describe('images as the page draws them', () => {
  test("draws an SVG image's text (resvg gets the embedded fonts for it)", async () => {
    const doc = (src: string) => docOf([{ id: 'badge', kind: 'image', width: 6, alt: 'badge', src }]);
    const withText = await renderSnapshot(doc(svgUrl(TEXT_SVG)), { width: 1200, theme: 'light', budgetChars: ROOMY });
    const without = await renderSnapshot(doc(svgUrl(TEXT_SVG.replace(/<text.*<\/text>/, ''))), { width: 1200, theme: 'light', budgetChars: ROOMY });
    const dark = (shot: Snapshot) => countNear(stitch(shot.tiles), shot.boxes[0]!.body, [[0, 0, 0]], 60);
    expect(dark(without)).toBeLessThan(20);
    expect(dark(withText)).toBeGreaterThan(500);
    expect(withText.problems).toEqual([]);
  }, 60_000);
});

describe('a phone width', () => {
  test('lays out at 360 px in one column, tiles 360 px wide', async () => {
    const shot = await renderSnapshot(docWith('fixed'), { width: 360, theme: 'dark', budgetChars: ROOMY });
    expect(shot.width).toBe(360);
    for (const tile of shot.tiles) expect(tile.width).toBe(360);
    expect(shot.account).toContain('360 px wide (1-column grid)');
  }, 60_000);
});
