// Pure edits: create, set, put, update, remove, restore; every failure throws the right class and changes nothing.
import { describe, expect, test } from 'bun:test';
import { LimitError, NotFoundError, ValidationError } from '../../../server/errors.ts';
import {
  createDashboard,
  putWidgets,
  removeWidgets,
  restoreRevision,
  setDashboard,
  updateWidget,
  appendData,
} from '../../../server/dashboard/edit.ts';
import type { Dashboard } from '../../../server/dashboard/schema.ts';
import { docWith, emptyDoc, expectRejected, ID, LIMITS, NOW, portfolioWidgets } from './helpers.ts';

const md = (id: string, text = id) => ({ id, kind: 'markdown', text });

function threeWidgets(): Dashboard {
  return docWith([md('a'), md('b'), md('c')]);
}

const ids = (doc: Dashboard) => doc.widgets.map((w) => w.id);

describe('createDashboard', () => {
  test('starts at revision 0 with no widgets, theme auto, title "Dashboard" and expiry now + ttl', () => {
    const doc = createDashboard({ id: ID, now: NOW, ttlMs: 3600_000 });
    expect(doc).toEqual({
      id: ID,
      title: 'Dashboard',
      theme: 'auto',
      widgets: [],
      revision: 0,
      createdAt: '2026-11-24T10:00:00.000Z',
      updatedAt: '2026-11-24T10:00:00.000Z',
      expiresAt: '2026-11-24T11:00:00.000Z',
    });
  });

  test('takes a title and refuses an id that is not a UUID', () => {
    expect(createDashboard({ id: ID, title: 'Sales', now: NOW, ttlMs: 1 }).title).toBe('Sales');
    expect(() => createDashboard({ id: 'not-a-uuid', now: NOW, ttlMs: 1 })).toThrow(ValidationError);
  });
});

describe('setDashboard', () => {
  test('replaces only what is given and leaves the rest', () => {
    const doc = threeWidgets();
    const result = setDashboard(doc, { title: 'Q3', theme: 'dark' }, LIMITS);
    expect(result.doc).toMatchObject({ title: 'Q3', theme: 'dark' });
    expect(result.doc.widgets).toBe(doc.widgets);
    expect(result.summary).toBe('set title, theme');
    expect(result.changed).toEqual([]);
    expect(doc.title).toBe('Dashboard');
  });

  test('replaces the whole widget list and reports what was added, changed and removed', () => {
    const result = setDashboard(threeWidgets(), { widgets: [md('c'), md('a', 'new text'), md('d')] }, LIMITS);
    expect(ids(result.doc)).toEqual(['c', 'a', 'd']);
    expect(result.changed).toEqual(['a', 'd']);
    expect(result.removed).toEqual(['b']);
    expect(result.orderChanged).toBe(true);
    expect(result.summary).toBe('set widgets (3 in all: 1 added, 1 changed, 1 removed)');
  });

  test('clears the description with null', () => {
    const withDescription = setDashboard(emptyDoc(), { description: 'about' }, LIMITS).doc;
    const cleared = setDashboard(withDescription, { description: null }, LIMITS).doc;
    expect('description' in cleared).toBe(false);
  });

  test('rejects an empty request, a bad theme and an invalid widget, changing nothing', () => {
    const doc = threeWidgets();
    expectRejected(doc, (d) => setDashboard(d, {}, LIMITS), ValidationError, /nothing to set/);
    expectRejected(doc, (d) => setDashboard(d, { theme: 'blue' as never }, LIMITS), ValidationError, /theme: invalid option/);
    expectRejected(doc, (d) => setDashboard(d, { title: 'x', widgets: [md('a'), { id: 'b', kind: 'metric' }] }, LIMITS), ValidationError, /widgets\[1\] \(id "b"\)\.value: is required/);
  });

  test('rejects duplicate ids in the new list', () => {
    expectRejected(threeWidgets(), (d) => setDashboard(d, { widgets: [md('a'), md('a')] }, LIMITS), ValidationError, /id "a" is already used/);
  });

  test('rejects more widgets than maxWidgets, naming the count and the maximum', () => {
    const widgets = Array.from({ length: 4 }, (_, i) => md(`w${i}`));
    expectRejected(threeWidgets(), (d) => setDashboard(d, { widgets }, { ...LIMITS, maxWidgets: 3 }), LimitError, /would have 4 widgets; the maximum is 3/);
  });

  test('rejects a document over maxDocumentBytes, naming the size and the maximum', () => {
    const widgets = [md('big', 'x'.repeat(20_000))];
    expectRejected(emptyDoc(), (d) => setDashboard(d, { widgets }, { ...LIMITS, maxDocumentBytes: 10_000 }), LimitError, /would be 19\.\d KiB; the maximum is 9\.8 KiB/);
  });
});

describe('putWidgets', () => {
  test('appends new widgets at the end and replaces existing ones in place', () => {
    const result = putWidgets(threeWidgets(), [md('b', 'changed'), md('d')], {}, LIMITS);
    expect(ids(result.doc)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.doc.widgets[1]).toEqual({ id: 'b', kind: 'markdown', text: 'changed' });
    expect(result.changed).toEqual(['b', 'd']);
    expect(result.removed).toEqual([]);
    expect(result.orderChanged).toBe(false);
    expect(result.summary).toBe('put widgets b, d (added 1, replaced 1)');
  });

  test('places new widgets before or after an anchor', () => {
    expect(ids(putWidgets(threeWidgets(), [md('x'), md('y')], { before: 'b' }, LIMITS).doc)).toEqual(['a', 'x', 'y', 'b', 'c']);
    const after = putWidgets(threeWidgets(), [md('x')], { after: 'a' }, LIMITS);
    expect(ids(after.doc)).toEqual(['a', 'x', 'b', 'c']);
    expect(after.orderChanged).toBe(true);
  });

  test('a replaced widget keeps its place even with an anchor', () => {
    expect(ids(putWidgets(threeWidgets(), [md('c', 'new'), md('x')], { before: 'a' }, LIMITS).doc)).toEqual(['x', 'a', 'b', 'c']);
  });

  test('accepts the whole portfolio example in one call', () => {
    const result = putWidgets(emptyDoc(), portfolioWidgets(), {}, LIMITS);
    expect(result.doc.widgets).toHaveLength(20);
    expect(result.summary).toMatch(/^put widgets summary, total, hash-price, staked, fees, hash-candles and 14 more \(added 20\)$/);
  });

  test('rejects an unknown anchor with NotFoundError listing the ids, changing nothing', () => {
    expectRejected(threeWidgets(), (d) => putWidgets(d, [md('x')], { after: 'zzz' }, LIMITS), NotFoundError, /no widget "zzz" to put the new widgets after; existing ids: a, b, c/);
  });

  test('rejects an invalid widget, changing nothing even when other widgets are valid', () => {
    const doc = threeWidgets();
    expectRejected(doc, (d) => putWidgets(d, [md('x'), { id: 'y', kind: 'chart' }], {}, LIMITS), ValidationError, /widgets\[1\] \(id "y"\): a chart needs either "option"/);
  });

  test('rejects an image that is not an allowed data URL', () => {
    const image = { id: 'logo', kind: 'image', alt: 'logo', src: 'http://example.com/logo.png' };
    expectRejected(threeWidgets(), (d) => putWidgets(d, [image], {}, LIMITS), ValidationError, /src must be a data URL/);
  });

  test('rejects an empty list, both anchors, and going over the limits', () => {
    const doc = threeWidgets();
    expectRejected(doc, (d) => putWidgets(d, [], {}, LIMITS), ValidationError, /at least one widget/);
    expectRejected(doc, (d) => putWidgets(d, [md('x')], { before: 'a', after: 'b' }, LIMITS), ValidationError, /either "before" or "after"/);
    expectRejected(doc, (d) => putWidgets(d, [md('x')], {}, { ...LIMITS, maxWidgets: 3 }), LimitError, /maximum is 3/);
    expectRejected(doc, (d) => putWidgets(d, [md('x', 'y'.repeat(5000))], {}, { ...LIMITS, maxDocumentBytes: 4096 }), LimitError, /the maximum is 4\.0 KiB/);
  });
});

describe('updateWidget', () => {
  const chartDoc = () =>
    docWith([
      md('a'),
      { id: 'sales', kind: 'chart', title: 'Sales', type: 'bar', x: ['q1', 'q2'], series: [{ name: 'eu', data: [1, 2] }] },
    ]);

  test('merges the patch into the widget and re-validates it', () => {
    const result = updateWidget(chartDoc(), 'sales', { title: 'Sales 2026', type: 'line' }, LIMITS);
    expect(result.doc.widgets[1]).toMatchObject({ id: 'sales', title: 'Sales 2026', type: 'line', x: ['q1', 'q2'] });
    expect(result.changed).toEqual(['sales']);
    expect(result.summary).toBe('updated widget sales (title, type)');
  });

  test('removes a field with null', () => {
    const result = updateWidget(chartDoc(), 'sales', { title: null }, LIMITS);
    expect('title' in (result.doc.widgets[1] as object)).toBe(false);
  });

  test('switches a shorthand chart to an option when the shorthand fields are nulled', () => {
    const option = { series: [{ type: 'bar', data: [1] }] };
    const result = updateWidget(chartDoc(), 'sales', { option, type: null, x: null, series: null }, LIMITS);
    expect(result.doc.widgets[1]).toEqual({ id: 'sales', kind: 'chart', title: 'Sales', option });
  });

  test('rejects a patch that makes the widget invalid, saying why, changing nothing', () => {
    expectRejected(chartDoc(), (d) => updateWidget(d, 'sales', { option: { series: [] } }, LIMITS), ValidationError, /widget "sales" after the patch \(id "sales"\)\.type: "type" is shorthand and cannot be combined with "option"/);
    expectRejected(chartDoc(), (d) => updateWidget(d, 'sales', { series: [{ name: 'eu', data: [1, 2, 3] }] }, LIMITS), ValidationError, /3 points but "x" has 2 labels/);
  });

  test('rejects changing the id or the kind, saying how to do it instead', () => {
    expectRejected(chartDoc(), (d) => updateWidget(d, 'sales', { kind: 'table' }, LIMITS), ValidationError, /the kind of a widget cannot change .* remove it and put a new widget/);
    expectRejected(chartDoc(), (d) => updateWidget(d, 'sales', { id: 'revenue' }, LIMITS), ValidationError, /the id of a widget cannot change/);
  });

  test('accepts a patch that repeats the same id and kind', () => {
    expect(updateWidget(chartDoc(), 'sales', { id: 'sales', kind: 'chart', title: 'x' }, LIMITS).doc.widgets[1]?.title).toBe('x');
  });

  test('rejects an unknown widget id with NotFoundError listing the ids', () => {
    expectRejected(chartDoc(), (d) => updateWidget(d, 'nope', { title: 'x' }, LIMITS), NotFoundError, /no widget "nope"; existing ids: a, sales/);
  });

  test('rejects a patch that is not an object, or is empty', () => {
    expectRejected(chartDoc(), (d) => updateWidget(d, 'sales', [1], LIMITS), ValidationError, /give a JSON object of the fields to change/);
    expectRejected(chartDoc(), (d) => updateWidget(d, 'sales', {}, LIMITS), ValidationError, /patch is empty/);
  });

  test('rejects a patch that grows the document over the limit', () => {
    expectRejected(chartDoc(), (d) => updateWidget(d, 'a', { text: 'z'.repeat(9000) }, { ...LIMITS, maxDocumentBytes: 8192 }), LimitError, /maximum is 8\.0 KiB/);
  });
});

describe('removeWidgets', () => {
  test('removes the given widgets and reports them', () => {
    const result = removeWidgets(threeWidgets(), ['c', 'a'], LIMITS);
    expect(ids(result.doc)).toEqual(['b']);
    expect(result.removed).toEqual(['a', 'c']);
    expect(result.changed).toEqual([]);
    expect(result.summary).toBe('removed widgets c, a');
  });

  test('removes nothing when any id is unknown, listing the unknown ones', () => {
    expectRejected(threeWidgets(), (d) => removeWidgets(d, ['a', 'x', 'y'], LIMITS), NotFoundError, /no widget "x", "y"; nothing was removed/);
  });

  test('rejects an empty list', () => {
    expectRejected(threeWidgets(), (d) => removeWidgets(d, [], LIMITS), ValidationError, /at least one widget id/);
  });
});

describe('restoreRevision', () => {
  test('brings back the title, description, theme and widgets of the old revision', () => {
    const old = { ...setDashboard(threeWidgets(), { title: 'Old', description: 'was', theme: 'light' }, LIMITS).doc, revision: 4 };
    const current = { ...putWidgets(setDashboard(old, { title: 'New', description: null }, LIMITS).doc, [md('b', 'edited'), md('d')], {}, LIMITS).doc, revision: 9 };
    const result = restoreRevision(current, old);
    expect(result.doc).toMatchObject({ title: 'Old', description: 'was', theme: 'light', revision: 9 });
    expect(ids(result.doc)).toEqual(['a', 'b', 'c']);
    expect(result.changed).toEqual(['b']);
    expect(result.removed).toEqual(['d']);
    expect(result.summary).toBe('restored revision 4');
  });

  test('refuses a revision of another dashboard and one over the limits', () => {
    const other = { ...threeWidgets(), id: '00000000-0000-4000-8000-000000000000' };
    expectRejected(threeWidgets(), (d) => restoreRevision(d, other), ValidationError, /another dashboard/);
    expectRejected(emptyDoc(), (d) => restoreRevision(d, threeWidgets(), { ...LIMITS, maxWidgets: 2 }), LimitError, /maximum is 2/);
  });
});

describe('every edit', () => {
  test('leaves the document it was given untouched when it succeeds', () => {
    const doc = setDashboard(emptyDoc(), { widgets: portfolioWidgets() }, LIMITS).doc;
    const before = structuredClone(doc);
    setDashboard(doc, { title: 'x', widgets: [md('a')] }, LIMITS);
    putWidgets(doc, [md('summary', 'new'), md('z')], { after: 'total' }, LIMITS);
    updateWidget(doc, 'cumulative', { series: [{ name: 'p', data: [1] }], x: ['a'] }, LIMITS);
    removeWidgets(doc, ['holdings', 'query'], LIMITS);
    restoreRevision(doc, emptyDoc());
    appendData(doc, { widget: 'holdings', rows: [{ asset: 'DOT' }], keep_last: 2 }, LIMITS);
    appendData(doc, { widget: 'daily-volume', points: [['2026-10-31', 5]], keep_last: 3 }, LIMITS);
    appendData(doc, { widget: 'activity', lines: ['x'], keep_last: 1 }, LIMITS);
    appendData(doc, { widget: 'total', points: [1] }, LIMITS);
    expect(doc).toEqual(before);
  });
});
