// The nesting bound shared by every JSON input: where it falls, what the refusal says, and no recursion whatever the depth.
import { describe, expect, test } from 'bun:test';
import { findTooDeep, MAX_JSON_DEPTH, tooDeepMessage } from '../../server/json-depth.ts';

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('findTooDeep', () => {
  test('accepts scalars and inputs exactly at the bound; refuses one level more', () => {
    for (const scalar of [null, 1, 'x', true]) expect(findTooDeep(scalar)).toBeUndefined();
    expect(findTooDeep(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(findTooDeep(nested(MAX_JSON_DEPTH + 1))).toBeDefined();
    expect(findTooDeep(nested(3), 2)).toBeDefined();
  });

  test('names the path to the place that is too deep, cut after a few steps', () => {
    const input = { widgets: [{ id: 'x', option: { series: [nested(100)] } }] };
    expect(findTooDeep(input, 64, 'arguments')).toBe('arguments.widgets[0].option.series[0][0].a[0]…');
    expect(findTooDeep({ ok: [[1]], bad: [[[1]]] }, 3, 'body')).toBe('body.bad[0][0]');
  });

  test('walks a million levels without recursion, and a 100,000-row table quickly', () => {
    expect(findTooDeep(nested(1_000_000))).toBeDefined();
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ i, tags: [i, i + 1] }));
    expect(findTooDeep({ rows })).toBeUndefined();
  });

  test('the refusal names the bound and says what to do', () => {
    expect(tooDeepMessage('arguments.patch')).toBe(
      'arguments.patch is nested more than 64 levels deep (arrays/objects inside each other); the limit for any JSON input is 64 levels. Flatten that data and send it again.',
    );
  });
});
