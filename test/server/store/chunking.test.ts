// Content-defined chunking: cut points follow the content, reuse of the previous revision gives the same chunks as
// cutting from scratch, and an edit changes only the chunks around it.
import { describe, expect, test } from 'bun:test';
import { decodeChunkList, decodeKeys, encodeChunkList, encodeKeys, pageChunkList, splitChunks, type ChunkRef } from '../../../server/store/chunking.ts';

/** Deterministic text that looks like JSON rows (repetitive, as real documents are). */
function rowsText(count: number, seed = 1): Buffer {
  let x = seed;
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    rows.push(`{"t":"2026-01-01T00:${String(i % 60).padStart(2, '0')}:00Z","host":"web-${x % 17}","p99":${x % 100000}}`);
  }
  return Buffer.from(`[${rows.join(',')}]`);
}

const total = (chunks: readonly ChunkRef[]) => chunks.reduce((sum, chunk) => sum + chunk.length, 0);
const keys = (chunks: readonly ChunkRef[]) => chunks.map((chunk) => chunk.key);
const shared = (a: readonly ChunkRef[], b: readonly ChunkRef[]) => {
  const before = new Set(keys(a));
  return b.filter((chunk) => before.has(chunk.key)).length;
};

describe('splitChunks', () => {
  const base = rowsText(20_000);

  test('cuts into chunks of 2-64 KiB that cover the content exactly, the same way every time', () => {
    const chunks = splitChunks(base);
    expect(total(chunks)).toBe(base.length);
    expect(chunks.length).toBeGreaterThan(base.length / (64 * 1024));
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(2 * 1024);
      expect(chunk.length).toBeLessThanOrEqual(64 * 1024);
    }
    expect(splitChunks(Buffer.from(base))).toEqual(chunks);
  });

  test('gives the same chunks with the previous revision as without, for edits anywhere', () => {
    const previous = { bytes: base, chunks: splitChunks(base) };
    const middle = Math.floor(base.length / 2);
    const edits: Record<string, Buffer> = {
      'append at the end': Buffer.concat([base.subarray(0, -1), Buffer.from(',{"t":"new"}]')]),
      'drop from the front': Buffer.concat([Buffer.from('['), base.subarray(5_000)]),
      'change one byte in the middle': Buffer.concat([base.subarray(0, middle), Buffer.from('X'), base.subarray(middle + 1)]),
      'insert in the middle': Buffer.concat([base.subarray(0, middle), Buffer.from('"inserted",'.repeat(300)), base.subarray(middle)]),
      'delete in the middle': Buffer.concat([base.subarray(0, middle), base.subarray(middle + 20_000)]),
      'change at the very start': Buffer.concat([Buffer.from('{'), base.subarray(1)]),
      unchanged: Buffer.from(base),
      'shorter than one chunk': Buffer.from('[]'),
      empty: Buffer.alloc(0),
    };
    for (const [name, next] of Object.entries(edits)) {
      expect({ name, chunks: splitChunks(next, previous) }).toEqual({ name, chunks: splitChunks(next) });
    }
  });

  test('an append or a change in the middle leaves all but a few chunks as they were', () => {
    const before = splitChunks(base);
    const appended = splitChunks(Buffer.concat([base.subarray(0, -1), Buffer.from(',{"t":"new"}]')]), { bytes: base, chunks: before });
    expect(shared(before, appended)).toBeGreaterThanOrEqual(before.length - 1);
    const middle = Math.floor(base.length / 2);
    const changed = splitChunks(Buffer.concat([base.subarray(0, middle), Buffer.from('XYZ'), base.subarray(middle + 1)]), { bytes: base, chunks: before });
    expect(shared(before, changed)).toBeGreaterThanOrEqual(before.length - 3);
  });
});

describe('chunk lists', () => {
  const chunks = splitChunks(rowsText(40_000, 7));

  test('encode and decode to the same list, 20 bytes a chunk', () => {
    const encoded = encodeChunkList(chunks);
    expect(encoded.length).toBe(chunks.length * 20);
    expect(decodeChunkList(encoded)).toEqual(chunks);
    expect(decodeKeys(encodeKeys(keys(chunks)))).toEqual(keys(chunks));
  });

  test('are paged by content, so one chunk more changes one page, not every page after it', () => {
    const pages = pageChunkList(chunks);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((page) => decodeChunkList(page))).toEqual(chunks);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(64 * 20);
    const inserted = [...chunks.slice(0, 3), { key: 'ab'.repeat(16), length: 4096 }, ...chunks.slice(3)];
    const after = pageChunkList(inserted).map((page) => page.toString('hex'));
    const before = new Set(pages.map((page) => page.toString('hex')));
    expect(after.filter((page) => !before.has(page))).toHaveLength(1);
  });
});
