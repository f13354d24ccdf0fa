// toView and summarize: what the page and the model get from a stored document.
import { describe, expect, test } from 'bun:test';
import { setDashboard } from '../../../server/dashboard/edit.ts';
import { summarize } from '../../../server/dashboard/summary.ts';
import { toView, widgetView } from '../../../server/dashboard/view.ts';
import { emptyDoc, LIMITS, portfolioWidgets } from './helpers.ts';

function portfolioDoc() {
  return setDashboard(emptyDoc(), { title: 'Portfolio', widgets: portfolioWidgets() }, LIMITS).doc;
}

describe('toView', () => {
  test('gives every chart an option and leaves other widgets as they are', () => {
    const doc = portfolioDoc();
    const view = toView(doc);
    expect(view.widgets).toHaveLength(doc.widgets.length);
    for (const [i, widget] of view.widgets.entries()) {
      if (widget.kind === 'chart') expect(Array.isArray((widget.option as { series?: unknown }).series)).toBe(true);
      else expect(widget).toBe(doc.widgets[i] as typeof widget);
    }
    const donut = view.widgets.find((w) => w.id === 'allocation') as unknown as { option: { series: { radius: unknown }[] }; type: string };
    expect(donut.type).toBe('donut');
    expect(donut.option.series[0]?.radius).toEqual(['45%', '70%']);
  });

  test('does not change the stored document', () => {
    const doc = portfolioDoc();
    const before = structuredClone(doc);
    toView(doc);
    expect(doc).toEqual(before);
  });

  test('widgetView resolves one chart', () => {
    const view = widgetView({ id: 'c', kind: 'chart', type: 'bar', series: [{ name: 'a', data: [1] }] });
    expect(view).toMatchObject({ id: 'c', option: { series: [{ type: 'bar', data: [1] }] } });
  });
});

describe('summarize', () => {
  test('lists every widget with a short hint of its content', () => {
    const summary = summarize({ ...portfolioDoc(), revision: 3 });
    expect(summary).toMatchObject({ title: 'Portfolio', revision: 3, expiresAt: '2026-11-25T10:00:00.000Z' });
    const hints = Object.fromEntries(summary.widgets.map((w) => [w.id, w.hint]));
    expect(hints.holdings).toBe('5 rows x 5 columns: asset, quantity, price, value, share');
    expect(hints['value-by-asset']).toBe('stacked-bar, 5 series of 10 points: HASH, USDC, ETH, BTC, FIGR_HELOC');
    expect(hints.health).toBe('gauge, 1 series of 1 point: health');
    expect(hints.activity).toBe('4 lines, last: 09:03 risk model started');
    expect(hints.total).toBe('Total value: 191493.9 USD (trend of 30)');
    expect(hints.summary).toBe('Where things stand');
    expect(hints.plan).toBe('Rebalancing plan, 40 %, 1/4 steps done');
    expect(hints.risk).toBe('ECharts option: radar series #0 (2 points)');
    expect(summary.widgets.find((w) => w.id === 'hash-candles')?.title).toBe('HASH-USD, daily');
  });

  test('stays small next to the document it describes', () => {
    const doc = portfolioDoc();
    const ratio = JSON.stringify(summarize(doc)).length / JSON.stringify(doc).length;
    expect(ratio).toBeLessThan(0.2);
  });
});
