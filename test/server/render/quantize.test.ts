// Colour reduction for the indexed PNG.
import { describe, expect, test } from 'bun:test';
import { quantize } from '../../../server/render/quantize.ts';

const rgba = (colours: number[][]) => Uint8Array.from(colours.flatMap(([r, g, b]) => [r!, g!, b!, 255]));

describe('quantize', () => {
  test('keeps a few flat colours (almost) exactly', () => {
    const image = rgba([[255, 255, 255], [26, 31, 41], [80, 112, 221], [255, 255, 255], [80, 112, 221]]);
    const { palette, indices } = quantize(image, 256);
    expect(palette.length / 3).toBe(3);
    const colourOf = (i: number) => [...palette.subarray(indices[i]! * 3, indices[i]! * 3 + 3)];
    expect(colourOf(0)).toEqual([255, 255, 255]);
    expect(colourOf(1)).toEqual([26, 31, 41]);
    expect(colourOf(2)).toEqual([80, 112, 221]);
    expect(indices[3]).toBe(indices[0]!);
  });

  test('reduces a gradient of thousands of colours to the limit, each pixel close to its original', () => {
    const colours = Array.from({ length: 64 * 64 }, (_, i) => [(i * 5) % 256, (i * 11) % 256, Math.floor(i / 16) % 256]);
    const { palette, indices } = quantize(rgba(colours), 64);
    expect(palette.length / 3).toBeLessThanOrEqual(64);
    let error = 0;
    colours.forEach(([r, g, b], i) => {
      const k = indices[i]! * 3;
      error += Math.hypot(palette[k]! - r!, palette[k + 1]! - g!, palette[k + 2]! - b!);
    });
    expect(error / colours.length).toBeLessThan(40);
  });
});
