// The shared rules module: the page and the server read one list and one pattern, so both must behave here.
import { describe, expect, test } from 'bun:test';
import { DASHBOARD_ID_PATTERN, DEFAULT_WIDGET_WIDTH, oneOrMany, uuidsIn, WIDGET_KINDS } from '../../../server/dashboard/document-rules.ts';
import { WidgetSchema } from '../../../server/dashboard/schema.ts';
import { redactPath } from '../../../server/http/middleware/request-log.ts';

describe('document rules', () => {
  test('oneOrMany turns a single object into a list and nothing into an empty list', () => {
    expect(oneOrMany({ type: 'bar' })).toEqual([{ type: 'bar' }]);
    expect(oneOrMany([{ type: 'bar' }, { type: 'line' }])).toHaveLength(2);
    expect(oneOrMany(undefined)).toEqual([]);
    expect(oneOrMany(null)).toEqual([]);
  });

  test('every kind the schema accepts has a default width, and the schema accepts every listed kind', () => {
    const schemaKinds = WidgetSchema.options.map((option) => option.shape.kind.value).sort();
    expect(schemaKinds).toEqual([...WIDGET_KINDS].sort());
    for (const kind of WIDGET_KINDS) expect(DEFAULT_WIDGET_WIDTH[kind]).toBeGreaterThan(0);
  });

  test('dashboard ids are lower-case UUIDs only', () => {
    expect(DASHBOARD_ID_PATTERN.test('6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f')).toBe(true);
    expect(DASHBOARD_ID_PATTERN.test('6F1C2A4E-8B3D-4F5A-9C7E-1D2B3A4C5E6F')).toBe(false);
    expect(DASHBOARD_ID_PATTERN.test('6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f/x')).toBe(false);
  });

  test('uuidsIn finds every id in a text on every call (no lastIndex carried between callers)', () => {
    const path = '/dashboard/6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f/events';
    expect(path.match(uuidsIn())).toHaveLength(1);
    expect(uuidsIn().test(path)).toBe(true);
    expect(uuidsIn().test(path)).toBe(true);
    expect(redactPath(path)).toBe('/dashboard/6f1c2a4e…/events');
  });
});
