// How a tall page is cut into tiles: between rows of cards where one fits, each within what Claude shows unshrunk.
import { describe, expect, test } from 'bun:test';
import { maxTileHeight, planTiles } from '../../../server/render/tiles.ts';

describe('planTiles', () => {
  test('keeps a short page in one tile', () => {
    expect(planTiles(1280, 700, [300, 500])).toEqual([{ top: 0, height: 700 }]);
  });

  test('cuts a tall page between rows, each tile at most the readable height, covering the page once', () => {
    const rows = Array.from({ length: 20 }, (_, i) => 100 + i * 330);
    const height = 100 + 20 * 330;
    const plan = planTiles(700, height, rows);
    expect(plan.length).toBeGreaterThan(1);
    let top = 0;
    for (const tile of plan) {
      expect(tile.top).toBe(top);
      expect(tile.height).toBeLessThanOrEqual(maxTileHeight(700));
      if (tile.top + tile.height < height) expect(rows).toContain(tile.top + tile.height);
      top += tile.height;
    }
    expect(top).toBe(height);
  });

  test('cuts through a row taller than a tile rather than draw a tile too tall to read', () => {
    const plan = planTiles(1280, 3000, [2500]);
    expect(plan.every((t) => t.height <= maxTileHeight(1280))).toBe(true);
    expect(plan.reduce((n, t) => n + t.height, 0)).toBe(3000);
  });

  test('stays within about 1.15 megapixels and 1568 px on the long edge', () => {
    expect(maxTileHeight(360)).toBe(1568);
    expect(1280 * maxTileHeight(1280)).toBeLessThanOrEqual(1_150_000);
  });
});
