// The indexed PNG writer, read back by an independent decoder (pngjs).
import { describe, expect, test } from 'bun:test';
import { encodeIndexedPng } from '../../../server/render/png-encode.ts';
import { decodePng } from './helpers.ts';

describe('encodeIndexedPng', () => {
  test('writes 8-bit palette pixels that decode to the same colours', () => {
    const palette = new Uint8Array(40 * 3).map((_, i) => (i * 37) % 256);
    const indices = Uint8Array.from({ length: 13 * 7 }, (_, i) => i % 40);
    const png = decodePng(encodeIndexedPng(13, 7, { palette, indices }));
    expect([png.width, png.height]).toEqual([13, 7]);
    for (let i = 0; i < indices.length; i++) {
      expect([...png.data.subarray(i * 4, i * 4 + 4)]).toEqual([palette[indices[i]! * 3]!, palette[indices[i]! * 3 + 1]!, palette[indices[i]! * 3 + 2]!, 255]);
    }
  });

  test('packs two pixels per byte when there are 16 colours or fewer, including an odd width', () => {
    const palette = Uint8Array.of(255, 0, 0, 0, 255, 0, 0, 0, 255);
    const indices = Uint8Array.from({ length: 5 * 3 }, (_, i) => i % 3);
    const encoded = encodeIndexedPng(5, 3, { palette, indices });
    expect(encoded[24]).toBe(4); // IHDR bit depth
    const png = decodePng(encoded);
    for (let i = 0; i < indices.length; i++) expect(png.data[i * 4 + indices[i]!]).toBe(255);
  });
});
