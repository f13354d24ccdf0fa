// Widget and dashboard schemas: the example document is accepted, typical model mistakes get readable messages.
import { describe, expect, test } from 'bun:test';
import { z } from 'zod';
import { ValidationError } from '../../../server/errors.ts';
import { setDashboard } from '../../../server/dashboard/edit.ts';
import { DashboardSchema, WidgetSchema } from '../../../server/dashboard/schema.ts';
import { parseWidget, parseWidgets } from '../../../server/dashboard/validate.ts';
import { emptyDoc, LIMITS, portfolioWidgets } from './helpers.ts';

/** The message a model would get back for these widgets. */
function rejectionOf(widgets: unknown[]): string {
  let caught: unknown;
  try {
    parseWidgets(widgets);
  } catch (error) {
    caught = error;
  }
  // Outside the try: a widget list that is accepted fails here, it is never mistaken for a message.
  expect(caught).toBeInstanceOf(ValidationError);
  return (caught as Error).message;
}

/** The message a model would get back for this widget. */
const rejection = (widget: unknown): string => rejectionOf([widget]);

describe('widget schema', () => {
  test('accepts every widget of the portfolio example through setDashboard', () => {
    const widgets = portfolioWidgets();
    const kinds = new Set(widgets.map((w) => w.kind));
    expect([...kinds].sort()).toEqual(['chart', 'code', 'image', 'log', 'markdown', 'metric', 'progress', 'table']);
    const { doc } = setDashboard(emptyDoc(), { title: 'Portfolio', widgets }, LIMITS);
    expect(doc.widgets.map((w) => w.id)).toEqual(widgets.map((w) => w.id as string));
    expect(DashboardSchema.safeParse(doc).success).toBe(true);
  });

  test('produces a JSON schema whose fields carry descriptions', () => {
    const json = JSON.stringify(z.toJSONSchema(WidgetSchema));
    expect(json).toContain('"description":"Widget id you choose');
    expect(json).toContain('stacked-bar');
  });

  test('names the widget by index and id in every message', () => {
    const message = rejection({ id: 'notes', kind: 'markdown', content: 'hi' });
    expect(message).toContain('widgets[0] (id "notes")');
  });

  test('rejects a malformed id with the rule to follow', () => {
    expect(rejection({ id: 'Sales Chart', kind: 'markdown', text: 'x' })).toMatch(/widgets\[0\] \(id \"Sales Chart\"\)\.id: a widget id is 1-64 characters of a-z/);
  });

  test('rejects an unknown kind listing the kinds there are', () => {
    expect(rejection({ id: 'a', kind: 'barchart' })).toMatch(/kind "barchart" is not a widget kind; use one of: markdown, metric, table, chart/);
    expect(rejection({ id: 'a', text: 'x' })).toMatch(/"kind" is missing/);
  });

  test('rejects an unknown field and lists the fields the kind takes', () => {
    expect(rejection({ id: 'notes', kind: 'markdown', content: 'hi' })).toMatch(/unknown field "content": remove it; a markdown widget takes: id, title, width, height, note, kind, text/);
  });

  test('markdown: a missing text is named as required', () => {
    expect(rejection({ id: 'notes', kind: 'markdown' })).toMatch(/widgets\[0\] \(id "notes"\)\.text: is required \(string\)/);
  });

  test('metric: rejects an object value and an unknown goodWhen', () => {
    expect(rejection({ id: 'm', kind: 'metric', value: { amount: 3 } })).toMatch(/\.value: expected number or string, got object/);
    expect(rejection({ id: 'm', kind: 'metric', value: 3, goodWhen: 'higher' })).toMatch(/goodWhen: invalid option: expected one of "up"\|"down"/);
  });

  test('metric: rejects a value that is not a finite number', () => {
    expect(rejection({ id: 'm', kind: 'metric', value: Infinity })).toMatch(/\.value: expected number or string, got Infinity \(numbers must be finite\)/);
  });

  test('metric: rejects a trend longer than 1000 points', () => {
    expect(rejection({ id: 'm', kind: 'metric', value: 3, trend: Array(1001).fill(1) })).toMatch(/trend: too big/);
  });

  test('table: rejects columns given as plain strings', () => {
    expect(rejection({ id: 't', kind: 'table', columns: ['a', 'b'], rows: [] })).toMatch(/columns\[0\]: expected object, got the string "a"/);
  });

  test('table: rejects a sortBy that is not a column', () => {
    expect(rejection({ id: 't', kind: 'table', columns: [{ key: 'a' }], rows: [], sortBy: 'b' })).toMatch(/sortBy "b" is not a column key; use one of: a/);
  });

  test('table: accepts a descending sortBy in either spelling', () => {
    for (const sortBy of ['-a', 'a:desc']) expect(parseWidget({ id: 't', kind: 'table', columns: [{ key: 'a' }], rows: [], sortBy }).kind).toBe('table');
  });

  test('table: rejects rows that mix objects and arrays, and nested cells', () => {
    expect(rejection({ id: 't', kind: 'table', columns: [{ key: 'a' }], rows: [{ a: 1 }, [2]] })).toMatch(/rows\[1\]: rows must all be objects like the first row/);
    expect(rejection({ id: 't', kind: 'table', columns: [{ key: 'a' }], rows: [{ a: { b: 1 } }] })).toMatch(/rows\[0\]: a row is an object keyed by column key/);
  });

  test('chart: requires either option or type + series', () => {
    expect(rejection({ id: 'c', kind: 'chart', title: 'x' })).toMatch(/widgets\[0\] \(id "c"\): a chart needs either "option" \(an ECharts option\) or "type" \+ "series"/);
    expect(rejection({ id: 'c', kind: 'chart', type: 'line' })).toMatch(/series: a line chart needs "series"/);
  });

  test('chart: refuses options that swap in other options (media, baseOption, timeline)', () => {
    for (const key of ['media', 'baseOption', 'options', 'timeline']) {
      const option = { series: [{ type: 'bar', data: [1] }], [key]: key === 'baseOption' ? { tooltip: {} } : [{ option: { tooltip: {} } }] };
      expect(rejection({ id: 'c', kind: 'chart', option })).toContain(`"${key}" is not supported`);
    }
  });

  test('chart: rejects option combined with shorthand fields', () => {
    expect(rejection({ id: 'c', kind: 'chart', option: {}, type: 'bar', series: [{ name: 'a', data: [1] }] })).toMatch(/\.type: "type" is shorthand and cannot be combined with "option"/);
  });

  test('chart: rejects an unknown chart type listing the types', () => {
    expect(rejection({ id: 'c', kind: 'chart', type: 'column', series: [{ name: 'a', data: [1] }] })).toMatch(/type: invalid option: expected one of "line"\|"area"/);
  });

  test('chart: rejects points of the wrong shape for the type, naming the point', () => {
    expect(rejection({ id: 'c', kind: 'chart', type: 'line', series: [{ name: 'a', data: [1, [2, 3]] }] })).toMatch(/series\[0\]\.data\[1\]: a line point is a number per x label/);
    expect(rejection({ id: 'c', kind: 'chart', type: 'scatter', series: [{ name: 'a', data: [5] }] })).toMatch(/a scatter point is an array \[x, y\]/);
    expect(rejection({ id: 'c', kind: 'chart', type: 'pie', series: [{ name: 'a', data: [5] }] })).toMatch(/a pie point is \{ "name", "value" \}/);
    expect(rejection({ id: 'c', kind: 'chart', type: 'candlestick', series: [{ name: 'a', data: [[1, 2, 3]] }] })).toMatch(/\[open, close, low, high\]/);
    expect(rejection({ id: 'c', kind: 'chart', type: 'line', series: [{ name: 'a', data: ['12'] }] })).toMatch(/data\[0\]: a point is a number, null/);
  });

  test('chart: rejects a series longer than its x labels', () => {
    expect(rejection({ id: 'c', kind: 'chart', type: 'bar', x: ['a', 'b'], series: [{ name: 's', data: [1, 2, 3] }] })).toMatch(/series "s" has 3 points but "x" has 2 labels/);
  });

  test('chart: rejects heatmap cells outside the x/y labels', () => {
    expect(rejection({ id: 'h', kind: 'chart', type: 'heatmap', x: ['a'], y: ['r'], series: [{ name: 's', data: [[0, 0, 1], [1, 0, 2]] }] })).toMatch(/data\[1\]: a heatmap point is \[xIndex, yIndex, value\]/);
  });

  test('chart: a gauge takes exactly one value', () => {
    expect(rejection({ id: 'g', kind: 'chart', type: 'gauge', series: [{ name: 'load', data: [1, 2] }] })).toMatch(/a gauge shows one value/);
  });

  test('chart: an option may not carry HTML or prototype keys', () => {
    expect(rejection({ id: 'c', kind: 'chart', option: { tooltip: { formatter: '<img src=x onerror=alert(1)>' } } })).toMatch(/option\.tooltip\.formatter: HTML is not allowed/);
    expect(rejection({ id: 'c', kind: 'chart', option: JSON.parse('{"series":[{"__proto__":{"x":1}}]}') })).toMatch(/"__proto__" is not allowed/);
  });

  test('chart: an option needs series of a type the page can draw', () => {
    expect(rejection({ id: 'c', kind: 'chart', option: { title: { text: 'x' } } })).toMatch(/option\.series: the option has no "series"/);
    expect(rejection({ id: 'c', kind: 'chart', option: { series: [{ type: 'bar', data: [] }, { type: 'sunburst', data: [] }] } })).toMatch(
      /option\.series\[1\]\.type: series type "sunburst" is not supported; use one of: line, bar/,
    );
  });

  test('image: rejects a remote URL and says to use a data URL', () => {
    expect(rejection({ id: 'i', kind: 'image', alt: 'logo', src: 'https://example.com/logo.png' })).toMatch(/src must be a data URL: data:image\/png;base64/);
  });

  test('image: rejects a data URL of a type that is not an image', () => {
    expect(rejection({ id: 'i', kind: 'image', alt: 'x', src: 'data:text/html;base64,PGgxPg==' })).toMatch(/src must be a data URL/);
  });

  test('image: accepts png base64 and plain svg, and requires alt', () => {
    expect(parseWidget({ id: 'i', kind: 'image', alt: 'dot', src: 'data:image/png;base64,iVBORw0KGgo=' }).kind).toBe('image');
    expect(parseWidget({ id: 'i', kind: 'image', alt: 'dot', src: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>' }).kind).toBe('image');
    expect(rejection({ id: 'i', kind: 'image', src: 'data:image/png;base64,iVBORw0KGgo=' })).toMatch(/\.alt: is required/);
  });

  test('image: rejects a data URL over 2 MiB', () => {
    const src = `data:image/png;base64,${'A'.repeat(2 * 1024 * 1024)}`;
    expect(rejection({ id: 'i', kind: 'image', alt: 'big', src })).toMatch(/the image is too large: at most 2 MiB/);
  });

  test('code: a missing code is named as required', () => {
    expect(rejection({ id: 'q', kind: 'code', language: 'sql' })).toMatch(/\.code: is required \(string\)/);
  });

  test('progress: rejects a percentage where a fraction is expected', () => {
    expect(rejection({ id: 'p', kind: 'progress', value: 40 })).toMatch(/\.value: too big: expected number to be <=1/);
    expect(rejection({ id: 'p', kind: 'progress', steps: [{ label: 'a', status: 'running' }] })).toMatch(/steps\[0\]\.status: invalid option/);
  });

  test('log: rejects lines given as one string', () => {
    expect(rejection({ id: 'l', kind: 'log', lines: 'one\ntwo' })).toMatch(/\.lines: expected array, got the string/);
  });

  test('log: keeps only the newest maxLines lines', () => {
    const widget = parseWidget({ id: 'l', kind: 'log', lines: ['a', 'b', 'c'], maxLines: 2 });
    expect(widget.kind === 'log' && widget.lines).toEqual(['b', 'c']);
  });

  test('rejects two widgets with the same id', () => {
    expect(() => parseWidgets([{ id: 'a', kind: 'markdown', text: '1' }, { id: 'a', kind: 'markdown', text: '2' }])).toThrow(
      /widgets\[1\]: id "a" is already used by widgets\[0\]/,
    );
  });

  test('reports problems of several widgets at once, one line each', () => {
    const lines = rejectionOf([{ id: 'a', kind: 'markdown' }, { id: 'b', kind: 'code' }]).split('\n');
    expect(lines).toEqual(['widgets[0] (id "a").text: is required (string)', 'widgets[1] (id "b").code: is required (string)']);
  });
});

describe('choice and form widgets', () => {
  test('accepts a choice and a form the person can answer', () => {
    const widgets = parseWidgets([
      { id: 'pick', kind: 'choice', prompt: 'Which region next?', options: [{ id: 'eu', label: 'Europe' }, { id: 'us', label: 'Americas', description: 'incl. Canada' }] },
      {
        id: 'ask',
        kind: 'form',
        fields: [
          { name: 'budget', label: 'Budget', type: 'number', required: true, default: 1000 },
          { name: 'region', label: 'Region', type: 'select', options: ['EU', 'US'], default: 'EU' },
          { name: 'start', label: 'Start', type: 'date', default: '2026-12-31' },
          { name: 'notify', label: 'Notify me', type: 'checkbox' },
        ],
        submitLabel: 'Send',
      },
    ]);
    expect(widgets.map((w) => w.kind)).toEqual(['choice', 'form']);
  });

  test('refuses a choice with repeated option ids or more than 20 options', () => {
    expect(rejection({ id: 'c', kind: 'choice', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] })).toContain('option id "a" is used twice');
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `o${i}`, label: `O${i}` }));
    expect(rejection({ id: 'c', kind: 'choice', options: many })).toContain('at most 20 options');
    expect(rejection({ id: 'c', kind: 'choice', options: [] })).toContain('options');
  });

  test('refuses form fields that cannot work: select without options, defaults of the wrong type, repeated names', () => {
    expect(rejection({ id: 'f', kind: 'form', fields: [{ name: 'r', label: 'R', type: 'select' }] })).toContain('a select field needs "options"');
    expect(rejection({ id: 'f', kind: 'form', fields: [{ name: 'n', label: 'N', type: 'number', default: 'ten' }] })).toContain('number default');
    expect(rejection({ id: 'f', kind: 'form', fields: [{ name: 's', label: 'S', type: 'select', options: ['a'], default: 'b' }] })).toContain('one of its options');
    expect(rejection({ id: 'f', kind: 'form', fields: [{ name: 'a', label: 'A', type: 'text' }, { name: 'a', label: 'B', type: 'text' }] })).toContain('"a" is used twice');
    expect(rejection({ id: 'f', kind: 'form', fields: [{ name: 'bad name', label: 'A', type: 'text' }] })).toContain('field name');
    const many = Array.from({ length: 31 }, (_, i) => ({ name: `f${i}`, label: `F${i}`, type: 'text' }));
    expect(rejection({ id: 'f', kind: 'form', fields: many })).toContain('at most 30 fields');
  });

  test('lets a chart opt in to clicks', () => {
    const [chart] = parseWidgets([{ id: 'c', kind: 'chart', type: 'bar', x: ['a'], series: [{ name: 's', data: [1] }], clickable: true }]);
    expect(chart).toMatchObject({ clickable: true });
  });
});
