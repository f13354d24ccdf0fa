// The snapshot service: renders in a worker thread, one at a time, and lets the worker go when idle.
import { describe, expect, test } from 'bun:test';
import { NotFoundError } from '../../../server/errors.ts';
import { createSnapshotService } from '../../../server/render/snapshot-service.ts';
import { decodePng, docOf } from './helpers.ts';

const small = () => docOf([{ id: 'm', kind: 'metric', value: 42, label: 'answer' }, { id: 'c', kind: 'chart', type: 'bar', x: ['a', 'b'], series: [{ name: 's', data: [1, 2] }] }]);

describe('createSnapshotService', () => {
  test('draws in a worker, passes a missing widget back as NotFoundError, and stops the worker when idle', async () => {
    const service = createSnapshotService({ idleMs: 300 });
    try {
      const shot = await service.snapshot(small(), { width: 700, theme: 'light', budgetChars: 96_000 });
      expect(decodePng(shot.tiles[0]!.png).width).toBe(shot.width);
      expect(shot.account).toContain('  m (metric): "answer": 42');
      expect(service.workerRunning()).toBe(true);
      // Caught by hand: bun's expect(...).rejects does not let the worker's reply in (it times out).
      const missing = await service.snapshot(small(), { width: 700, theme: 'light', widget: 'nope', budgetChars: 96_000 }).catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(NotFoundError);
      await Bun.sleep(800);
      expect(service.workerRunning()).toBe(false);
      // A new worker starts for the next snapshot.
      const again = await service.snapshot(small(), { width: 700, theme: 'dark', budgetChars: 96_000 });
      expect(again.account).toContain('dark theme');
    } finally {
      service.close();
    }
  }, 120_000);

  test('answers concurrent snapshots one after another, all of them', async () => {
    const service = createSnapshotService({ maxWaiting: 3 });
    try {
      const shots = await Promise.all([1, 2, 3].map((i) => service.snapshot(small(), { width: 600 + i * 100, theme: 'light', budgetChars: 96_000 })));
      expect(shots.map((s) => s.width)).toEqual([700, 800, 900]);
    } finally {
      service.close();
    }
  }, 120_000);
});
