// checkLimits: counts UTF-8 bytes of the JSON a page downloads and widgets, naming the size and the maximum.
import { describe, expect, test } from 'bun:test';
import { LimitError } from '../../../server/errors.ts';
import { checkLimits, DEFAULT_LIMITS, documentBytes } from '../../../server/dashboard/limits.ts';
import { putWidgets } from '../../../server/dashboard/edit.ts';
import { docWith, emptyDoc, expectRejected } from './helpers.ts';

describe('checkLimits', () => {
  test('by default refuses a document over 4 MiB, saying its size and the maximum, and takes one just under', () => {
    // Markdown is at most 100,000 characters a widget: 41 full ones and a last one that fills up to the byte.
    const full = Array.from({ length: 41 }, (_, i) => ({ id: `part${i}`, kind: 'markdown', text: 'x'.repeat(100_000) }));
    const base = documentBytes(docWith([...full, { id: 'last', kind: 'markdown', text: '' }]));
    const text = (n: number) => [...full, { id: 'last', kind: 'markdown', text: 'x'.repeat(n) }];
    const fits = putWidgets(emptyDoc(), text(4 * 1024 * 1024 - base), {}, DEFAULT_LIMITS);
    expect(documentBytes(fits.doc)).toBe(4 * 1024 * 1024);
    expectRejected(emptyDoc(), (doc) => putWidgets(doc, text(4 * 1024 * 1024 - base + 1), {}, DEFAULT_LIMITS), LimitError, /the dashboard would be 4\.00 MiB; the maximum is 4\.00 MiB/);
  });

  test('by default takes 200 widgets and refuses the 201st', () => {
    const widgets = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `w${i}`, kind: 'markdown', text: '' }));
    expect(putWidgets(emptyDoc(), widgets(200), {}, DEFAULT_LIMITS).doc.widgets).toHaveLength(200);
    expectRejected(emptyDoc(), (doc) => putWidgets(doc, widgets(201), {}, DEFAULT_LIMITS), LimitError, /would have 201 widgets; the maximum is 200/);
  });

  test('counts bytes, not characters, so non-ASCII text cannot slip past the limit', () => {
    const ascii = docWith([{ id: 'a', kind: 'markdown', text: 'e'.repeat(1000) }]);
    const accented = docWith([{ id: 'a', kind: 'markdown', text: 'é'.repeat(1000) }]);
    expect(documentBytes(accented) - documentBytes(ascii)).toBe(1000);
    expect(checkLimits(ascii, { maxDocumentBytes: documentBytes(ascii), maxWidgets: 1 })).toBe(documentBytes(ascii));
    expect(() => checkLimits(accented, { maxDocumentBytes: documentBytes(ascii), maxWidgets: 1 })).toThrow(LimitError);
  });

  test('names the widget count and the maximum', () => {
    const doc = docWith([{ id: 'a', kind: 'markdown', text: '' }, { id: 'b', kind: 'markdown', text: '' }]);
    expect(() => checkLimits(doc, { maxDocumentBytes: 1e6, maxWidgets: 1 })).toThrow('the dashboard would have 2 widgets; the maximum is 1');
  });

  test('accepts a document exactly at the limits', () => {
    const doc = emptyDoc();
    expect(() => checkLimits(doc, { maxDocumentBytes: documentBytes(doc), maxWidgets: 0 })).not.toThrow();
  });
});
