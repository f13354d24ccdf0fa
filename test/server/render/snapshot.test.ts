// renderSnapshot on the 20-widget example: a real PNG of the requested width, not blank, every chart drawn in its
// series colours, themes as the page's, the account naming every widget, and no problems on the clean example.
import { beforeAll, describe, expect, test } from 'bun:test';
import { JSDOM } from 'jsdom';
import type { PNG } from 'pngjs';
import { prepareChartOption } from '../../../server/dashboard/present/chart-option.ts';
import { chartColorsByWidget } from '../../../server/dashboard/present/series-colors.ts';
import { toView } from '../../../server/dashboard/view.ts';
import { loadRenderAssets } from '../../../server/render/assets.ts';
import { useFontsForECharts } from '../../../server/render/chart/echarts-setup.ts';
import { renderChart } from '../../../server/render/chart/render-chart.ts';
import { parseFontMetrics } from '../../../server/render/font-metrics.ts';
import { renderSnapshot, type Snapshot } from '../../../server/render/snapshot.ts';
import { maxTileHeight } from '../../../server/render/tiles.ts';
import { countNear, decodePng, distance, docOf, hexRgb, pixel, portfolioDoc, PORTFOLIO_IDS, stitch, type Rgb } from './helpers.ts';

const ROOMY = 1_000_000;
/** What dashboard_snapshot gives the renderer: Claude's ~150,000-character cap less the envelope and the URL lines. */
const TOOL_BUDGET = 137_800;

/**
 * The colours ECharts itself gives each series of a chart (its SVG marks series shapes with ecmeta_series_index),
 * with the presentation the page gives it: the light palette and the dashboard's one colour per name.
 */
async function seriesColours(option: Record<string, unknown>, nameColors: ReadonlyMap<string, number> | undefined): Promise<Rgb[]> {
  const assets = await loadRenderAssets();
  const echarts = useFontsForECharts({ sans: parseFontMetrics(assets.sans), bold: parseFontMetrics(assets.sansBold), mono: parseFontMetrics(assets.mono) });
  const { svg } = renderChart(echarts, prepareChartOption(option, { theme: 'light', nameColors }), { width: 400, height: 300 }, undefined, []);
  const colours = new Set<string>();
  for (const m of svg.matchAll(/<path\b[^>]*ecmeta_series_index[^>]*>/g)) {
    for (const key of ['fill', 'stroke']) {
      const value = new RegExp(`\\s${key}="(#[0-9a-f]{6}|rgb\\(\\d+,\\d+,\\d+\\))"`, 'i').exec(m[0])?.[1];
      if (value) colours.add(value);
    }
  }
  return [...colours].map((c) => (c.startsWith('#') ? hexRgb(c) : (c.match(/\d+/g)!.map(Number) as Rgb)));
}

describe('renderSnapshot on the 20-widget example', () => {
  let light: Snapshot;
  let dark: Snapshot;
  let lightPng: PNG;
  let darkPng: PNG;

  beforeAll(async () => {
    light = await renderSnapshot(portfolioDoc(), { width: 1200, theme: 'light', budgetChars: ROOMY });
    dark = await renderSnapshot(portfolioDoc(), { width: 1200, theme: 'dark', budgetChars: ROOMY });
    lightPng = stitch(light.tiles);
    darkPng = stitch(dark.tiles);
  }, 120_000);

  test('writes PNG tiles that decode at the requested width, top to bottom, together the whole page', () => {
    expect(light.tiles.length).toBeGreaterThan(1);
    let top = 0;
    for (const tile of light.tiles) {
      const png = decodePng(tile.png);
      expect([png.width, png.height]).toEqual([1200, tile.height]);
      expect(tile.top).toBe(top);
      expect(tile.height).toBeLessThanOrEqual(maxTileHeight(1200));
      top += tile.height;
    }
    expect(light.width).toBe(1200);
    expect(lightPng.height).toBe(light.height);
    expect(light.height).toBeGreaterThan(1500);
  });

  test('is not blank: many colours, most of the page covered by cards', () => {
    const colours = new Set<number>();
    for (let i = 0; i < lightPng.data.length; i += 4 * 7) colours.add((lightPng.data[i]! << 16) | (lightPng.data[i + 1]! << 8) | lightPng.data[i + 2]!);
    expect(colours.size).toBeGreaterThan(60);
    const bg = hexRgb('#f4f6f9');
    let cardPixels = 0;
    let total = 0;
    for (let y = 0; y < lightPng.height; y += 5) {
      for (let x = 0; x < lightPng.width; x += 5) {
        total++;
        if (distance(pixel(lightPng, x, y), bg) > 6) cardPixels++;
      }
    }
    expect(cardPixels / total).toBeGreaterThan(0.5);
  });

  test('draws every chart: pixels in its series colours inside its box', async () => {
    const view = toView(portfolioDoc());
    const charts = view.widgets.filter((w) => w.kind === 'chart');
    expect(charts.length).toBe(10);
    const nameColors = chartColorsByWidget(view.widgets);
    for (const chart of charts) {
      const box = light.boxes.find((b) => b.id === chart.id)!.body;
      const colours = await seriesColours((chart as { option: Record<string, unknown> }).option, nameColors.get(chart.id));
      expect(colours.length).toBeGreaterThan(0);
      const near = countNear(lightPng, box, colours);
      if (near < 40) throw new Error(`chart ${chart.id}: only ${near} pixels in its series colours`);
      // And not outside the chart: the same colours are rare in the page header above the first card.
      expect(countNear(lightPng, { x: 0, y: 0, width: lightPng.width, height: 60 }, colours, 8)).toBeLessThan(near);
    }
  }, 60_000);

  test('uses the page\'s theme colours: page background and card colour differ between light and dark', () => {
    const card = light.boxes.find((b) => b.id === 'plan')!.box;
    const darkCard = dark.boxes.find((b) => b.id === 'plan')!.box;
    expect(distance(pixel(lightPng, 3, 3), hexRgb('#f4f6f9'))).toBeLessThan(4);
    expect(distance(pixel(darkPng, 3, 3), hexRgb('#0d1117'))).toBeLessThan(4);
    // Bottom right inside the progress card: plain card colour in both themes.
    expect(distance(pixel(lightPng, card.x + card.width - 20, card.y + card.height - 8), hexRgb('#ffffff'))).toBeLessThan(4);
    expect(distance(pixel(darkPng, darkCard.x + darkCard.width - 20, darkCard.y + darkCard.height - 8), hexRgb('#161b22'))).toBeLessThan(4);
  });

  test('names every widget in the account and finds no problem in the clean example', () => {
    for (const id of PORTFOLIO_IDS) expect(light.account).toContain(`\n  ${id} (`);
    expect(light.account).toContain('Layout (10 rows');
    expect(light.account).toContain('  row 2: total 3 | hash-price 3 | staked 3 | fees 3');
    expect(light.account).toMatch(/hash-candles \(chart "HASH-USD, daily"\): candlestick; series: "HASH-USD" candlestick 30 points/);
    expect(light.account).toContain('holdings (table "Holdings"): 5 rows x 5 columns');
  });

  test('reports on the example only what a person sees there (a cut slice label, a paged legend, "FIG...", crowded x labels)', () => {
    // These widgets do show those at 1200 px until the page's width rules (present/fit-width.ts) draw them otherwise.
    const known = ['allocation', 'exposure', 'returns', 'value-by-asset'];
    for (const shot of [light, dark]) for (const line of shot.problems) expect(known).toContain(line.split(':')[0]!);
    expect(light.account).toContain(`Problems:\n${light.problems.join('\n') || 'No problems found.'}`);
  });

  for (const width of [360, 700, 1280]) {
    test(`fits a tool result at ${width} px: every tile at the laid-out width, base64 tiles plus account within the budget`, async () => {
      const shot = await renderSnapshot(portfolioDoc(), { width, theme: 'light', budgetChars: TOOL_BUDGET });
      const base64 = shot.tiles.reduce((n, t) => n + Buffer.from(t.png).toString('base64').length, 0);
      const chars = base64 + shot.account.length + JSON.stringify(shot.problems).length;
      console.log(`portfolio at ${width} px: ${shot.tiles.length} tiles (${shot.tiles.map((t) => `${t.width}x${t.height}`).join(', ')}), ${shot.colours} colours, ${base64} base64 chars, ${chars} with the account`);
      expect(chars).toBeLessThanOrEqual(TOOL_BUDGET);
      for (const tile of shot.tiles) expect(decodePng(tile.png).width).toBe(width);
      // The whole page is there: nothing left out for want of room.
      expect(shot.account).not.toContain('not in the picture');
      for (const id of PORTFOLIO_IDS) expect(shot.boxes.map((b) => b.id)).toContain(id);
      expect(shot.tiles.reduce((h, t) => h + t.height, 0)).toBe(shot.height);
    }, 60_000);
  }

  test('leaves the bottom tiles out rather than shrink them, and names the widgets not shown', async () => {
    const shot = await renderSnapshot(portfolioDoc(), { width: 700, theme: 'light', budgetChars: 60_000 });
    expect(shot.tiles.length).toBeGreaterThan(0);
    for (const tile of shot.tiles) expect(decodePng(tile.png).width).toBe(700);
    expect(shot.account).toMatch(/not in the picture \(no room left in the tool result\): .*activity; call dashboard_snapshot with "widget"/);
  }, 60_000);
});

describe('renderSnapshot with hostile text', () => {
  test('keeps <script>, & and ]]> as text: the SVG stays well-formed and has no script element', async () => {
    const nasty = '<script>alert(1)</script> & ]]> "q"';
    const doc = docOf(
      [
        { id: 'md', kind: 'markdown', title: nasty, text: `# ${nasty}\n\n${nasty}\n\n| a | b |\n|---|---|\n| ${nasty.replace(/\|/g, '')} | x |` },
        { id: 'm', kind: 'metric', title: nasty, value: nasty.slice(0, 90), label: nasty },
        { id: 'c', kind: 'chart', title: nasty, type: 'bar', x: [nasty, 'b'], series: [{ name: nasty, data: [1, 2] }] },
        { id: 't', kind: 'table', title: nasty, columns: [{ key: 'a', label: nasty }], rows: [{ a: nasty }] },
        { id: 'l', kind: 'log', title: nasty, lines: [nasty] },
        { id: 'k', kind: 'code', title: nasty, code: nasty, language: nasty.slice(0, 30) },
        { id: 'ch', kind: 'choice', title: nasty, prompt: nasty, options: [{ id: 'a', label: nasty }] },
      ],
      { title: nasty, description: nasty },
    );
    const shot = await renderSnapshot(doc, { width: 900, theme: 'light', budgetChars: ROOMY });
    const parsed = new JSDOM('').window;
    const svg = new parsed.DOMParser().parseFromString(shot.svg, 'image/svg+xml');
    expect(svg.getElementsByTagName('parsererror').length).toBe(0);
    expect(svg.getElementsByTagName('script').length).toBe(0);
    const texts = [...svg.getElementsByTagName('text')].map((t) => t.textContent ?? '');
    expect(texts.some((t) => t.includes('<script>alert(1)</script>'))).toBe(true);
    expect(texts.some((t) => t.includes(']]>'))).toBe(true);
    expect(decodePng(shot.tiles[0]!.png).width).toBe(900);
    expect(shot.account).toContain(`m (metric "${nasty}")`);
  }, 60_000);

  test('keeps quotes in chart style values from breaking out of ECharts\' SVG attributes', async () => {
    const breakout = 'x" onload="alert(1)';
    const doc = docOf([
      {
        id: 'styled',
        kind: 'chart',
        option: {
          textStyle: { fontFamily: breakout },
          color: [`red${breakout}`],
          xAxis: { type: 'category', data: ['say "hi"', 'b & c'] },
          yAxis: {},
          series: [{ type: 'bar', name: 'q"&', data: [1, 2], itemStyle: { borderColor: breakout } }],
        },
      },
    ]);
    const shot = await renderSnapshot(doc, { width: 800, theme: 'light', budgetChars: ROOMY });
    const svg = new new JSDOM('').window.DOMParser().parseFromString(shot.svg, 'image/svg+xml');
    expect(svg.getElementsByTagName('parsererror').length).toBe(0);
    // The text of the value may remain inside its attribute; no element may gain an attribute of its own from it.
    expect(svg.querySelectorAll('[onload]').length).toBe(0);
    const texts = [...svg.getElementsByTagName('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain('say "hi"');
    expect(texts).toContain('b & c');
  }, 60_000);
});
