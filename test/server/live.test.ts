// Live pub/sub: fan-out, unsubscribe, the replay ring that lets a reconnecting page catch up.
import { describe, expect, test } from 'bun:test';
import { createLive, type LiveMessage, type UpdatePayload } from '../../server/live.ts';

const A = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const B = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function update(revision: number, text = ''): { type: 'update'; revision: number; data: UpdatePayload } {
  return {
    type: 'update',
    revision,
    data: { revision, updatedAt: '', expiresAt: '', title: text, theme: 'auto', feedback: true, order: [], changed: [], removed: [] },
  };
}

describe('live', () => {
  test('delivers each update to every subscriber of that dashboard only', () => {
    const live = createLive();
    const seenA: LiveMessage[] = [];
    const seenB: LiveMessage[] = [];
    live.subscribe(A, (m) => seenA.push(m));
    live.subscribe(B, (m) => seenB.push(m));
    live.publish(A, update(1, 'hello'));
    expect(seenA).toHaveLength(1);
    expect(seenB).toHaveLength(0);
    expect(seenA[0]!.type).toBe('update');
    expect(JSON.parse(seenA[0]!.json).title).toBe('hello');
  });

  test('serialises once and hands 1,000 subscribers the same message', () => {
    const live = createLive();
    const seen: LiveMessage[] = [];
    for (let i = 0; i < 1000; i++) live.subscribe(A, (m) => seen.push(m));
    expect(live.subscriberCount(A)).toBe(1000);
    live.publish(A, update(1));
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1);
  });

  test('stops delivering after unsubscribe and forgets the dashboard when nobody listens', () => {
    const live = createLive();
    const seen: LiveMessage[] = [];
    const off = live.subscribe(A, (m) => seen.push(m));
    off();
    live.publish(A, update(1));
    expect(seen).toEqual([]);
    expect(live.subscriberCount(A)).toBe(0);
  });

  test('keeps delivering to others when one listener throws', () => {
    const errors: unknown[] = [];
    const live = createLive({ onListenerError: (e) => errors.push(e) });
    const seen: LiveMessage[] = [];
    live.subscribe(A, () => {
      throw new Error('broken pipe');
    });
    live.subscribe(A, (m) => seen.push(m));
    live.publish(A, update(1));
    expect(seen).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });

  test('replays the updates after a revision while the ring covers the gap', () => {
    const live = createLive({ ringSize: 5 });
    for (let r = 1; r <= 8; r++) live.publish(A, update(r));
    expect(live.replaySince(A, 5)!.map((m) => (m.type === 'update' ? m.revision : 0))).toEqual([6, 7, 8]);
    expect(live.replaySince(A, 3)!.map((m) => (m.type === 'update' ? m.revision : 0))).toEqual([4, 5, 6, 7, 8]);
    expect(live.replaySince(A, 8)).toEqual([]);
    // Older than the ring, or ahead of it: only a snapshot can help.
    expect(live.replaySince(A, 2)).toBeUndefined();
    expect(live.replaySince(A, 9)).toBeUndefined();
    expect(live.replaySince(B, 0)).toBeUndefined();
  });

  test('bounds the ring by bytes as well as by count', () => {
    const live = createLive({ ringSize: 100, ringBytes: 1000 });
    for (let r = 1; r <= 10; r++) live.publish(A, update(r, 'x'.repeat(300)));
    expect(live.replaySince(A, 9)).toHaveLength(1);
    expect(live.replaySince(A, 5)).toBeUndefined();
  });

  test('drops the ring when a dashboard expires or starts over at a lower revision', () => {
    const live = createLive();
    live.publish(A, update(1));
    live.publish(A, update(2));
    const seen: LiveMessage[] = [];
    live.subscribe(A, (m) => seen.push(m));
    live.publish(A, { type: 'expired' });
    expect(seen.map((m) => [m.type, m.json])).toEqual([['expired', JSON.stringify({ id: A })]]);
    expect(live.replaySince(A, 0)).toBeUndefined();
    live.publish(A, update(1));
    live.publish(B, update(5));
    live.publish(B, update(1));
    expect(live.replaySince(B, 0)!.map((m) => (m.type === 'update' ? m.revision : 0))).toEqual([1]);
  });

  test('keeps all rings together under totalBytes, dropping the least recently written first', () => {
    const one = JSON.stringify(update(1).data).length;
    const live = createLive({ totalBytes: one * 3 });
    live.publish(A, update(1));
    live.publish(A, update(2));
    live.publish(B, update(1));
    live.publish(B, update(2)); // 4 updates' worth: A, the least recently written, goes
    expect(live.replaySince(A, 0)).toBeUndefined();
    expect(live.replaySince(B, 0)).toHaveLength(2);
    live.publish(A, update(3)); // A is written again: B is now the oldest, and 3 updates fit
    expect(live.replaySince(B, 0)).toHaveLength(2);
    expect(live.replaySince(A, 2)).toHaveLength(1);
  });

  test('keeps rings for at most maxRings dashboards, dropping the least recently written', () => {
    const live = createLive({ maxRings: 1 });
    live.publish(A, update(1));
    live.publish(B, update(1));
    expect(live.replaySince(A, 0)).toBeUndefined();
    expect(live.replaySince(B, 0)).toHaveLength(1);
  });
});
