// The page-JSON cache stays inside its entry and byte bounds, dropping the least recently used first.
import { describe, expect, test } from 'bun:test';
import type { Dashboard } from '../../../server/dashboard/schema.ts';
import { createViewCache } from '../../../server/dashboards/view-cache.ts';

const view = (size: number) => ({ doc: {} as Dashboard, json: 'x'.repeat(size), expiresAtMs: Infinity });

describe('view cache', () => {
  test('evicts the least recently used entry when over the entry bound', () => {
    const cache = createViewCache({ maxEntries: 2, maxBytes: 1e9 });
    cache.set('a', view(1));
    cache.set('b', view(1));
    cache.get('a'); // a is now the most recent
    cache.set('c', view(1));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  test('keeps the total under the byte bound and never holds a view larger than the bound', () => {
    const cache = createViewCache({ maxEntries: 100, maxBytes: 1_000 }); // JSON counted twice: 500 chars
    cache.set('a', view(200));
    cache.set('b', view(200));
    cache.set('c', view(200)); // 600 chars: a goes
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    cache.set('huge', view(600));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });
});
