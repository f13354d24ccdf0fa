import { describe, expect, test } from 'bun:test';
import { addressShare, createStreamBounds, DEFAULT_STREAM_BOUNDS } from '../../../../server/http/routes/stream-bounds.ts';

describe('stream bounds', () => {
  test('one address gets its share of a dashboard\'s seats, and the rest stay for others', () => {
    const bounds = createStreamBounds(DEFAULT_STREAM_BOUNDS);
    for (let i = 0; i < 10; i++) expect(bounds.take('d', '203.0.113.9').ok).toBe(true);
    const refused = bounds.take('d', '203.0.113.9');
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('from your address') });
    // The person the link was shared with still gets a seat, and the same address may watch another dashboard.
    expect(bounds.take('d', '198.51.100.7').ok).toBe(true);
    expect(bounds.take('other', '203.0.113.9').ok).toBe(true);
    bounds.release('d', '203.0.113.9');
    expect(bounds.take('d', '203.0.113.9').ok).toBe(true);
  });

  test('the total per dashboard stays bounded whatever the number of addresses', () => {
    const bounds = createStreamBounds({ perDashboard: 4, perAddress: 2, total: 100 });
    expect(['a', 'a', 'b', 'b'].map((address) => bounds.take('d', address).ok)).toEqual([true, true, true, true]);
    expect(bounds.take('d', 'c')).toEqual({ ok: false, message: expect.stringContaining('open in 4 pages already') });
    expect(bounds.open('d')).toBe(4);
  });

  test('a release that was never taken changes nothing', () => {
    const bounds = createStreamBounds({ perDashboard: 2, perAddress: 1, total: 2 });
    bounds.release('d', 'a');
    expect(bounds.take('d', 'a').ok).toBe(true);
    expect(bounds.take('d', 'a').ok).toBe(false);
    expect(bounds.open()).toBe(1);
  });

  test('the share is a fifth of --max-viewers, at least one', () => {
    expect([addressShare(50), addressShare(1), addressShare(7)]).toEqual([10, 1, 2]);
  });
});
