// What a person sees at a phone (390 px), a chat column (700 px) and a desktop (1280 px), light and dark, in Chromium
// against the compiled binary: every series drawn in its colour, colours that keep 3:1 on the card, legends that wrap
// instead of paging, no page wider than the phone, tables that say they scroll. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { callToolOk } from './helpers/tool-calls.ts';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Browser, Page } from 'playwright-core';
import { contrastRatio } from '../../server/dashboard/present/palette.ts';
import { hasChromium, launchChromium } from './helpers/chromium.ts';
import { cleanupBinaries, startBinary, type RunningBinary } from './helpers/spawn-binary.ts';

const ROOT = resolve(import.meta.dir, '..', '..');
const SHOTS = join(ROOT, 'test-results');
const example = JSON.parse(readFileSync(join(import.meta.dir, '..', 'fixtures', 'portfolio.json'), 'utf8')) as {
  title: string;
  description: string;
  widgets: Record<string, unknown>[];
};
const WIDTHS = [390, 700, 1280] as const;
const THEMES = ['light', 'dark'] as const;
const TICKS = 25;


/** One chart as drawn: what its ECharts instance holds and which colours its canvas shows. */
interface DrawnChart {
  id: string;
  legendTypes: string[];
  /** Series (or, for slices and tiles, items) with the colour they were given. */
  marks: { name: string; color: string; pixels: number }[];
  xLabels: number;
  /** Non-null values per series. */
  values: Record<string, number>;
  pieLabelsShown: boolean[];
  card: string;
}

/**
 * Reads every chart's ECharts instance (the page's own lazily loaded chart module, imported again by its URL, is the
 * same module instance) and counts, per series colour, the canvas pixels of that colour (or of it at the 0.8 opacity
 * ECharts draws scatter points with, over the card).
 */
function drawnCharts(p: Page): Promise<DrawnChart[]> {
  return p.evaluate(async () => {
    const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/assets\/echarts-setup-[\w-]+\.js$/.test(n));
    if (!url) throw new Error('the chart module was never loaded');
    const mod = (await import(url)) as Record<string, { getInstanceByDom?: (el: Element) => unknown }>;
    const echarts = Object.values(mod).find((v) => typeof v?.getInstanceByDom === 'function')!;
    const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const parseCss = (css: string): number[] => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    type Chart = { getOption(): Record<string, unknown>; setOption(o: Record<string, unknown>): void };
    const elements = [...document.querySelectorAll<HTMLElement>('.kind-chart .chart')];
    const options = elements.map((el) => (echarts.getInstanceByDom!(el) as Chart).getOption() as Record<string, any>);
    // Legend icons carry the series colours too: hide the legends (the screenshot is taken) so only marks count.
    elements.forEach((el, i) => (echarts.getInstanceByDom!(el) as Chart).setOption({ legend: ((options[i]!.legend ?? []) as unknown[]).map(() => ({ show: false })) }));
    await new Promise((r) => setTimeout(r, 800));
    return elements.map((el, index) => {
      const option = options[index]!;
      const card = parseCss(getComputedStyle(el.closest('.widget')!).backgroundColor);
      const canvas = el.querySelector('canvas')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const marks: { name: string; color: string; pixels: number }[] = [];
      const palette: string[] = option.color ?? [];
      (option.series as any[]).forEach((s, i) => {
        if (['pie', 'funnel', 'treemap'].includes(s.type)) {
          for (const item of s.data ?? []) if (item?.name && item.itemStyle?.color) marks.push({ name: item.name, color: item.itemStyle.color, pixels: 0 });
        } else if (['line', 'bar', 'scatter'].includes(s.type) && s.name) {
          marks.push({ name: s.name, color: s.lineStyle?.color ?? s.itemStyle?.color ?? palette[i % palette.length], pixels: 0 });
        } else if (s.type === 'candlestick') {
          marks.push({ name: 'rising', color: s.itemStyle.color, pixels: 0 }, { name: 'falling', color: s.itemStyle.color0, pixels: 0 });
        }
      });
      const targets = marks.map((m) => {
        const c = rgb(m.color);
        return [c, c.map((v, k) => Math.round(v * 0.8 + card[k]! * 0.2))];
      });
      for (let p = 0; p < data.length; p += 4) {
        if (data[p + 3]! < 250) continue;
        targets.forEach((forms, m) => {
          if (forms.some((t) => Math.abs(t[0]! - data[p]!) <= 12 && Math.abs(t[1]! - data[p + 1]!) <= 12 && Math.abs(t[2]! - data[p + 2]!) <= 12)) marks[m]!.pixels++;
        });
      }
      const values: Record<string, number> = {};
      for (const s of option.series as any[]) if (s.name) values[s.name] = (s.data ?? []).filter((v: unknown) => v !== null && v !== undefined && v !== '-').length;
      return {
        id: el.dataset.chartId!,
        legendTypes: ((option.legend ?? []) as any[]).map((l) => l.type ?? 'plain'),
        marks,
        xLabels: (option.xAxis?.[0]?.data ?? []).length,
        values,
        pieLabelsShown: (option.series as any[]).filter((s) => s.type === 'pie').map((s) => s.label?.show !== false),
        card: `#${card.map((v) => v.toString(16).padStart(2, '0')).join('')}`,
      };
    });
  });
}

/** Waits until every chart canvas has painted something (charts load lazily and draw after layout). */
async function chartsPainted(p: Page, count: number): Promise<void> {
  await p.waitForFunction(
    (n) => {
      const charts = [...document.querySelectorAll('.kind-chart .chart')];
      return (
        charts.length === n &&
        charts.every((chart) =>
          [...chart.querySelectorAll('canvas')].some((c) => {
            const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
            return false;
          }),
        )
      );
    },
    count,
    { timeout: 20_000 },
  );
  // ECharts animates its first draw; let it finish before counting pixels.
  await p.waitForTimeout(1200);
}

const ready = existsSync(join(ROOT, 'dist', 'mcpdash')) && hasChromium();

describe.skipIf(!ready)('how the page looks at three widths in both themes', () => {
  let server: RunningBinary;
  let client: Client;
  let browser: Browser;
  let portfolioUrl: string;
  let streamUrl: string;

  const call = (name: string, args: Record<string, unknown>) => callToolOk(client, name, args);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startBinary();
    client = new Client({ name: 'page-looks-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    const opened = await call('dashboard_open', { title: 'portfolio' });
    portfolioUrl = opened.structuredContent!.url as string;
    await call('dashboard_set', { dashboard: opened.structuredContent!.dashboard_id, title: example.title, description: example.description, theme: 'auto', widgets: example.widgets });

    // The stream of the issue: a two-series line chart fed by data_append, one series per call, the same x for both.
    const second = await call('dashboard_open', { title: 'latency', new: true });
    const dashboard = second.structuredContent!.dashboard_id as string;
    streamUrl = second.structuredContent!.url as string;
    await call('widget_put', { dashboard, widgets: [{ id: 'latency', kind: 'chart', type: 'line', title: 'Latency (ms)', x: [], series: [{ name: 'p50', data: [] }, { name: 'p95', data: [] }] }] });
    for (let i = 0; i < TICKS; i++) {
      const x = `12:${String(i).padStart(2, '0')}`;
      await call('data_append', { dashboard, widget: 'latency', series: 'p50', points: [[x, 80 + ((i * 7) % 13)]] });
      await call('data_append', { dashboard, widget: 'latency', series: 'p95', points: [[x, 160 + ((i * 11) % 29)]] });
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await client?.close();
    await cleanupBinaries();
  });

  const open = async (url: string, width: number, theme: 'light' | 'dark', charts: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
    await page.goto(url);
    await page.locator('h1').waitFor();
    await chartsPainted(page, charts);
    return page;
  };

  /** The checks a person makes on any chart: drawn, readable colours, nothing paged away. */
  const checkCharts = (charts: DrawnChart[], where: string): void => {
    for (const chart of charts) {
      expect({ where, chart: chart.id, legends: chart.legendTypes.filter((t) => t === 'scroll') }).toEqual({ where, chart: chart.id, legends: [] });
      for (const mark of chart.marks) {
        // Every series (and every slice or tile) shows on the canvas in its own colour.
        expect({ where, chart: chart.id, mark: mark.name, drawn: mark.pixels > 8 }).toEqual({ where, chart: chart.id, mark: mark.name, drawn: true });
        const ratio = contrastRatio(mark.color, chart.card);
        expect({ where, chart: chart.id, mark: mark.name, color: mark.color, readable: ratio >= 3 }).toEqual({ where, chart: chart.id, mark: mark.name, color: mark.color, readable: true });
      }
    }
  };

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      test(`the 20-widget example at ${width} px, ${theme}`, async () => {
        const chartCount = example.widgets.filter((w) => w.kind === 'chart').length;
        const page = await open(portfolioUrl, width, theme, chartCount);
        try {
          await page.screenshot({ path: join(SHOTS, `page-looks-portfolio-${width}-${theme}.png`), fullPage: true });
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          // Nothing wider than the screen: no sideways scrolling of the whole page on a phone.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          const charts = await drawnCharts(page);
          checkCharts(charts, `${width} ${theme}`);
          const byId = new Map(charts.map((c) => [c.id, c]));
          // The donut and the treemap show each asset in one colour.
          const donut = new Map(byId.get('allocation')!.marks.map((m) => [m.name, m.color]));
          for (const tile of byId.get('exposure')!.marks) if (donut.has(tile.name)) expect({ asset: tile.name, color: tile.color }).toEqual({ asset: tile.name, color: donut.get(tile.name)! });
          // Candles: rising green, falling red, both drawn.
          const candles = byId.get('hash-candles')!.marks;
          expect(candles.map((m) => m.name)).toEqual(['rising', 'falling']);
          // A donut too narrow for its outside labels names its slices in the legend instead of hiding some.
          if (width === 390) expect(byId.get('allocation')!.pieLabelsShown).toEqual([false]);
          // A table wider than its card says it scrolls.
          const table = await page.evaluate(() => {
            const scroller = document.querySelector<HTMLElement>('[data-widget-id="holdings"] .table-scroll')!;
            const hint = document.querySelector<HTMLElement>('[data-widget-id="holdings"] .table-hint');
            return { overflows: scroller.scrollWidth > scroller.clientWidth + 1, hint: hint ? hint.getBoundingClientRect().height > 0 && hint.textContent : null };
          });
          if (table.overflows) expect(table.hint).toContain('Scroll →');
          else expect(table.hint).toBeNull();
          if (width === 390) expect(table.overflows).toBe(true);
          // The message box shows its whole placeholder.
          const box = await page.evaluate(() => {
            const t = document.querySelector<HTMLTextAreaElement>('#message-to-assistant')!;
            return { width: t.clientWidth, text: t.placeholder.length };
          });
          expect(box.width).toBeGreaterThan(box.text * 4);
          // Metric cards in one row put their labels on one line, trend line or not.
          if (width === 1280) {
            const tops = await page.evaluate(() => [...document.querySelectorAll('.kind-metric .metric-label')].map((l) => Math.round(l.getBoundingClientRect().top)));
            expect(new Set(tops).size).toBe(1);
          }
        } finally {
          await page.close();
        }
      }, 60_000);

      test(`the streamed two-series line chart at ${width} px, ${theme}`, async () => {
        const page = await open(streamUrl, width, theme, 1);
        try {
          await page.screenshot({ path: join(SHOTS, `page-looks-stream-${width}-${theme}.png`), fullPage: true });
          const [chart] = await drawnCharts(page);
          checkCharts([chart!], `stream ${width} ${theme}`);
          // Each x once, one point per series per x: both lines are drawn.
          expect(chart!.xLabels).toBe(TICKS);
          expect(chart!.values).toEqual({ p50: TICKS, p95: TICKS });
          expect(chart!.marks.map((m) => m.name)).toEqual(['p50', 'p95']);
          expect(chart!.marks.every((m) => m.pixels > 40)).toBe(true);
        } finally {
          await page.close();
        }
      }, 60_000);
    }
  }
});
