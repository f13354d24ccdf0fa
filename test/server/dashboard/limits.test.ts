// checkLimits: counts UTF-8 bytes of the JSON a page downloads and widgets, naming the size and the maximum.
import { describe, expect, test } from 'bun:test';
import { LimitError } from '../../../server/errors.ts';
import { checkLimits, DEFAULT_LIMITS, documentBytes } from '../../../server/dashboard/limits.ts';
import { docWith, emptyDoc } from './helpers.ts';

describe('checkLimits', () => {
  test('defaults to 4 MiB and 200 widgets', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxDocumentBytes: 4 * 1024 * 1024, maxWidgets: 200 });
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
