import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import type { WidgetView } from '../../web/src/api/types';
import { WidgetFrame } from '../../web/src/components/widget-frame';
import { MarkdownWidget } from '../../web/src/widgets/markdown';
import { MetricWidget } from '../../web/src/widgets/metric';
import { TableWidget } from '../../web/src/widgets/table';
import { CodeWidget } from '../../web/src/widgets/code';
import { ProgressWidget } from '../../web/src/widgets/progress';
import { LogWidget } from '../../web/src/widgets/log';

afterEach(cleanup);

const frame = (w: WidgetView) => render(() => <WidgetFrame widget={() => w} />);

describe('MarkdownWidget', () => {
  it('shows raw HTML as text instead of rendering it', () => {
    const { container } = render(() => (
      <MarkdownWidget widget={{ id: 'm', kind: 'markdown', text: 'Hi <img src=x onerror=alert(1)> there\n\n<script>alert(2)</script>' }} />
    ));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.textContent).toContain('<script>alert(2)</script>');
  });

  it('opens http links in a new tab with rel noopener noreferrer and leaves javascript: links dead', () => {
    const { container } = render(() => (
      <MarkdownWidget widget={{ id: 'm', kind: 'markdown', text: '[docs](https://example.com/a) and [bad](javascript:alert(1))' }} />
    ));
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://example.com/a');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('bad');
  });

  it('renders GFM tables with header cells', () => {
    const { container } = render(() => (
      <MarkdownWidget widget={{ id: 'm', kind: 'markdown', text: '| step | status |\n|---|---|\n| fetch | done |' }} />
    ));
    expect([...container.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['step', 'status']);
    expect(container.querySelector('td')?.textContent).toBe('fetch');
  });
});

describe('MetricWidget', () => {
  it('colours a rise good by default and bad when down is good', () => {
    const { container } = render(() => (
      <>
        <MetricWidget widget={{ id: 'a', kind: 'metric', value: 10, delta: 0.05 }} />
        <MetricWidget widget={{ id: 'b', kind: 'metric', value: 10, delta: 0.05, goodWhen: 'down' }} />
        <MetricWidget widget={{ id: 'c', kind: 'metric', value: 38.12, delta: -4.5, goodWhen: 'down', unit: 'USD' }} />
      </>
    ));
    const tones = [...container.querySelectorAll('.metric-delta')].map((e) => e.getAttribute('data-tone'));
    expect(tones).toEqual(['good', 'bad', 'good']);
    expect(container.textContent).toContain('USD');
  });

  it('shows a delta as an absolute change in the value\'s unit, whatever its size, unless deltaFormat says percent', () => {
    const { container } = render(() => (
      <>
        <MetricWidget widget={{ id: 'ms', kind: 'metric', value: 120, unit: 'ms', delta: -4.5 }} />
        <MetricWidget widget={{ id: 'half', kind: 'metric', value: 10, delta: 0.5 }} />
        <MetricWidget widget={{ id: 'two', kind: 'metric', value: 10, delta: 2 }} />
        <MetricWidget widget={{ id: 'pct', kind: 'metric', value: 191493.9, unit: 'USD', delta: 0.062, deltaFormat: 'percent' }} />
        <MetricWidget widget={{ id: 'share', kind: 'metric', value: 0.41, format: 'percent', delta: 0.03 }} />
      </>
    ));
    const deltas = [...container.querySelectorAll('.metric-delta')].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
    expect(deltas).toEqual(['▼ −4.5 ms', '▲ +0.5', '▲ +2', '▲ +6.2%', '▲ +3%']);
    // One percent style on the card: the value and its delta alike.
    expect([...container.querySelectorAll('.metric-number')].map((e) => e.textContent)).toContain('41%');
  });

  it('draws the trend as an inline SVG sparkline', () => {
    const { container } = render(() => <MetricWidget widget={{ id: 'a', kind: 'metric', value: 3, trend: [1, 3, 2, 5] }} />);
    expect(container.querySelector('svg.sparkline path.sparkline-line')?.getAttribute('d')).toMatch(/^M0\.0 /);
  });
});

describe('TableWidget', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ name: `item ${i}`, n: (i * 7919) % 10_000 }));
  const table: WidgetView = { id: 't', kind: 'table', columns: [{ key: 'name' }, { key: 'n', type: 'number', label: 'Amount' }], rows, pageSize: 20 };

  it('renders one page of a 10,000-row table and pages forward', () => {
    const { container } = render(() => <TableWidget widget={table} />);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(20);
    expect(screen.getByText(/Page 1 of 500/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Next page'));
    expect(container.querySelector('tbody td')?.textContent).toBe('item 20');
  });

  it('sorts by a column when its header is clicked, then reverses', () => {
    const { container } = render(() => <TableWidget widget={table} />);
    const header = screen.getByRole('button', { name: /Amount/ });
    fireEvent.click(header);
    expect(container.querySelector('th[aria-sort]')?.getAttribute('aria-sort')).toBe('ascending');
    expect(container.querySelectorAll('tbody tr')[0]!.lastElementChild!.textContent).toBe('0');
    fireEvent.click(header);
    expect(container.querySelector('th[aria-sort]')?.getAttribute('aria-sort')).toBe('descending');
    expect(container.querySelectorAll('tbody tr')[0]!.lastElementChild!.textContent).toBe('9,999');
  });

  it('keeps the reader\u2019s sort and page when the rows are updated', () => {
    const [w, setW] = createSignal<WidgetView>(table);
    const { container } = render(() => <TableWidget widget={w()} />);
    fireEvent.click(screen.getByRole('button', { name: /Amount/ }));
    fireEvent.click(screen.getByLabelText('Next page'));
    setW({ ...table, rows: [...rows, { name: 'new', n: -1 }] });
    expect(screen.getByText(/Page 2 of 501/)).toBeTruthy();
    expect(container.querySelector('th[aria-sort]')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('reads positional array rows and formats typed columns', () => {
    const { container } = render(() => (
      <TableWidget widget={{ id: 't', kind: 'table', columns: [{ key: 'p', type: 'number', format: 'currency:USD' }, { key: 'ok', type: 'boolean' }, { key: 'u', type: 'link' }], rows: [[1234.5, true, 'https://x.test/'], [2, false, 'javascript:alert(1)']] }} />
    ));
    const cells = [...container.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['$1,234.50', 'yes', 'https://x.test/', '$2.00', 'no', 'javascript:alert(1)']);
    expect(container.querySelectorAll('tbody a')).toHaveLength(1);
    expect(container.querySelector('th')?.getAttribute('scope')).toBe('col');
  });
});

describe('ImageWidget', () => {
  it('shows a data: image', () => {
    const { container } = frame({ id: 'i', kind: 'image', src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'dot' });
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('dot');
  });

  it('refuses an image from another host and says why', () => {
    const { container } = frame({ id: 'i', kind: 'image', src: 'https://evil.test/pixel.png', alt: 'x' });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.widget-error')?.textContent).toMatch(/data: URL/);
  });
});

describe('ProgressWidget', () => {
  it('shows the bar value and each step with its status', () => {
    const { container } = render(() => (
      <ProgressWidget widget={{ id: 'p', kind: 'progress', value: 0.4, label: 'Plan', steps: [{ label: 'a', status: 'done' }, { label: 'b', status: 'doing' }, { label: 'c', status: 'failed' }] }} />
    ));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    expect([...container.querySelectorAll('.step')].map((s) => s.getAttribute('data-status'))).toEqual(['done', 'doing', 'failed']);
  });
});

describe('LogWidget', () => {
  it('shows only the last maxLines lines', () => {
    const { container } = render(() => <LogWidget widget={{ id: 'l', kind: 'log', lines: ['1', '2', '3', '4'], maxLines: 2 }} />);
    expect([...container.querySelectorAll('.log-line')].map((l) => l.textContent)).toEqual(['3', '4']);
  });
});

describe('CodeWidget', () => {
  it('highlights keywords, strings and numbers as text spans', () => {
    const { container } = render(() => <CodeWidget widget={{ id: 'c', kind: 'code', language: 'sql', code: "SELECT '<b>x</b>', 42 FROM t -- note" }} />);
    expect(container.querySelector('.tok-keyword')?.textContent).toBe('SELECT');
    expect(container.querySelector('.tok-string')?.textContent).toBe("'<b>x</b>'");
    expect(container.querySelector('.tok-number')?.textContent).toBe('42');
    expect(container.querySelector('.tok-comment')?.textContent).toBe('-- note');
    expect(container.querySelector('b')).toBeNull();
  });
});

describe('ChartWidget', () => {
  it('mounts a labelled chart container inside its card', () => {
    const { container } = frame({ id: 'c', kind: 'chart', title: 'Sales', option: { xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] } });
    expect(container.querySelector('h2')?.textContent).toBe('Sales');
    expect(container.querySelector('.chart[role="img"]')?.getAttribute('aria-label')).toBe('Sales');
    expect(screen.getByTitle('Download chart as PNG')).toBeTruthy();
  });

  it('shows an error box for a series type it cannot draw', () => {
    const { container } = frame({ id: 'c', kind: 'chart', option: { series: [{ type: 'map3d', data: [] }] } });
    expect(container.querySelector('.widget-error')?.textContent).toMatch(/map3d/);
  });
});
