// Folding a run of live updates into the one answer a catching-up view gets.
import { describe, expect, test } from 'bun:test';
import { mergeUpdates } from '../../../../server/mcp/app-view/next-change.ts';
import type { DashboardUpdate } from '../../../../server/dashboard/wire.ts';

const update = (revision: number, order: string[], changed: string[], removed: string[] = []): DashboardUpdate => ({
  revision,
  updatedAt: `t${revision}`,
  expiresAt: 'e',
  title: `title ${revision}`,
  theme: 'auto',
  feedback: true,
  order,
  changed: changed.map((id) => ({ id, kind: 'metric', value: revision })),
  removed,
});

describe('mergeUpdates', () => {
  test("keeps the last write's meta and order and each widget's newest version", () => {
    const merged = mergeUpdates([update(2, ['a'], ['a']), update(3, ['a', 'b'], ['b']), update(4, ['a', 'b'], ['a'])]);
    expect(merged.revision).toBe(4);
    expect(merged.title).toBe('title 4');
    expect(merged.order).toEqual(['a', 'b']);
    expect([...merged.changed].sort((x, y) => x.id.localeCompare(y.id))).toEqual([{ id: 'a', kind: 'metric', value: 4 }, { id: 'b', kind: 'metric', value: 3 }]);
    expect(merged.removed).toEqual([]);
  });

  test('a widget added then removed is neither changed nor reported removed twice; one removed and re-added is changed', () => {
    const merged = mergeUpdates([update(2, ['x', 'y'], ['x', 'y']), update(3, ['y'], [], ['x']), update(4, [], [], ['y']), update(5, ['y'], ['y'])]);
    expect(merged.order).toEqual(['y']);
    expect(merged.changed.map((w) => w.id)).toEqual(['y']);
    expect(merged.removed).toEqual(['x']);
  });
});
