// History entries: consecutive appends to the same widgets join one entry that keeps every call's request key.
import { describe, expect, test } from 'bun:test';
import { nextHistoryEntry, requestIn, type StoredEntry } from '../../../server/store/history-entry.ts';

const input = (revision: number, tool: string, changed: string[], request?: string) => ({
  revision,
  at: `2026-12-06T00:00:0${revision}Z`,
  tool,
  summary: `${tool} ${changed.join(',')}`,
  changed,
  ...(request ? { request: { id: request, digest: `d-${request}` } } : {}),
});

describe('nextHistoryEntry', () => {
  test('an append after an append to the same widget takes its place and keeps both request keys with their revisions', () => {
    const first = nextHistoryEntry(undefined, input(3, 'data_append', ['t'], 'r-1'));
    expect(first.coalesce).toBe(false);
    const second = nextHistoryEntry(first.entry, input(4, 'data_append', ['t'], 'r-2'));
    expect(second.coalesce).toBe(true);
    expect(second.entry.summary).toContain('the last of 2 appends in a row');
    expect(requestIn(second.entry, 'r-1')).toEqual({ id: 'r-1', digest: 'd-r-1', revision: 3 });
    expect(requestIn(second.entry, 'r-2')?.revision).toBe(4);
  });

  test('another widget or another tool starts a new entry that forgets the earlier keys', () => {
    const append = nextHistoryEntry(undefined, input(3, 'data_append', ['t'], 'r-1')).entry;
    for (const next of [input(4, 'data_append', ['u']), input(4, 'widget_update', ['t'])]) {
      const { entry, coalesce } = nextHistoryEntry(append, next);
      expect(coalesce).toBe(false);
      expect(requestIn(entry, 'r-1')).toBeUndefined();
    }
  });

  test('a long run remembers the newest 50 request keys', () => {
    let entry: StoredEntry | undefined;
    for (let i = 1; i <= 60; i++) entry = nextHistoryEntry(entry, input(i, 'data_append', ['t'], `r-${i}`)).entry;
    expect(entry!.requests).toHaveLength(50);
    expect(requestIn(entry!, 'r-10')).toBeUndefined();
    expect(requestIn(entry!, 'r-11')?.revision).toBe(11);
  });
});
