// Content-defined chunking of a revision's encoded content: cut points follow the bytes, not their offsets, so an
// edit changes only the chunks around it and every other chunk is shared with the revision before.
import { createHash } from 'node:crypto';

/** A piece of revision content: its content hash (hex, the key it is stored under) and its length in bytes. */
export interface ChunkRef {
  key: string;
  length: number;
}

/** The content of a stored revision and how it was cut, so the next revision can reuse what did not change. */
export interface ChunkedContent {
  bytes: Buffer;
  chunks: readonly ChunkRef[];
}

// Chunks of 2-64 KiB, about 10 KiB on average: small enough that appending a row rewrites little, large enough that
// a 4 MiB document is a few hundred chunks (a few KiB of chunk list per revision).
const MIN_CHUNK = 2 * 1024;
const MAX_CHUNK = 64 * 1024;
// Cut where the top 13 bits of the gear hash are zero (1 in 8192). The top bits depend on the last 32 bytes; the low
// bits would depend on the last few only, which repeat all the time in JSON.
const CUT_MASK = 0xfff80000 | 0;

// Gear table: 256 fixed pseudo-random words (xorshift32 from a fixed seed). Cut points must come out the same in
// every process and version, or nothing would be shared across a restart (still correct, only larger).
const GEAR = (() => {
  const table = new Int32Array(256);
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x;
  }
  return table;
})();

const HASH_BYTES = 16;

/** Where the chunk that starts at `start` ends. Depends only on the bytes from `start` on (the hash restarts at each cut). */
function cutAfter(bytes: Uint8Array, start: number): number {
  const end = bytes.length;
  if (end - start <= MIN_CHUNK) return end;
  const limit = Math.min(end, start + MAX_CHUNK);
  let hash = 0;
  for (let i = start + MIN_CHUNK; i < limit; i++) {
    hash = ((hash << 1) + GEAR[bytes[i]!]!) | 0;
    if ((hash & CUT_MASK) === 0) return i + 1;
  }
  return limit;
}

/**
 * The key a stored piece (a chunk, or a page of a chunk list) is looked up by: SHA-256, first 128 bits, so two
 * different pieces never share a key, even ones chosen to (a model writes the content).
 */
export function contentKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, HASH_BYTES * 2);
}

const BLOCK = 4096;

function commonPrefix(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Native block compares first, then byte by byte inside the first block that differs.
  while (i + BLOCK <= n && a.compare(b, i, i + BLOCK, i, i + BLOCK) === 0) i += BLOCK;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.compare(b, b.length - i - BLOCK, b.length - i, a.length - i - BLOCK, a.length - i) === 0) i += BLOCK;
  while (i < n && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/**
 * Cut `bytes` into chunks. With the previous revision given, the chunks before the first changed byte and those
 * after the cut points fall back into step behind the change are taken over without cutting or hashing them again,
 * so the cost follows the size of the change (an append hashes the last chunk or two, not the whole document).
 * The result is the same as cutting from scratch.
 */
export function splitChunks(bytes: Buffer, previous?: ChunkedContent): ChunkRef[] {
  const chunks: ChunkRef[] = [];
  let pos = 0;
  if (!previous) {
    while (pos < bytes.length) {
      const end = cutAfter(bytes, pos);
      chunks.push({ key: contentKey(bytes.subarray(pos, end)), length: end - pos });
      pos = end;
    }
    return chunks;
  }

  const old = previous.bytes;
  const prefix = commonPrefix(old, bytes);
  const suffix = commonSuffix(old, bytes);
  const shift = bytes.length - old.length;
  let oldIndex = 0;
  let oldPos = 0;
  // Chunks wholly inside the unchanged prefix were cut the same way; the last chunk is the exception (it ended
  // where the data ended, not at a cut point).
  while (oldIndex < previous.chunks.length) {
    const chunk = previous.chunks[oldIndex]!;
    const end = oldPos + chunk.length;
    if (end > prefix || end === old.length) break;
    chunks.push(chunk);
    oldPos = end;
    oldIndex++;
  }
  pos = oldPos;
  while (pos < bytes.length) {
    if (bytes.length - pos <= suffix) {
      // The rest equals the old content from `pos - shift` on. If a chunk started there too, every later cut is
      // the same (cut points depend only on the bytes since the last cut): take the rest over.
      const oldStart = pos - shift;
      while (oldIndex < previous.chunks.length && oldPos < oldStart) oldPos += previous.chunks[oldIndex++]!.length;
      if (oldPos === oldStart) {
        for (; oldIndex < previous.chunks.length; oldIndex++) chunks.push(previous.chunks[oldIndex]!);
        return chunks;
      }
    }
    const end = cutAfter(bytes, pos);
    chunks.push({ key: contentKey(bytes.subarray(pos, end)), length: end - pos });
    pos = end;
  }
  return chunks;
}

const ENTRY_BYTES = HASH_BYTES + 4;

// A chunk list (20 bytes a chunk: about 10 KiB for a 4 MiB document) is itself stored in pages, so a revision that
// changes one chunk stores one small page again, not the whole list. A page ends after a chunk whose key ends in
// hex 0 (1 in 16, decided by the chunk itself, so a chunk added or dropped moves no other page's boundaries) or at
// 64 chunks; pages stay under half an LMDB page and live inside leaf pages.
const PAGE_MAX_ENTRIES = 64;

/** The chunk list cut into pages, each encoded as stored. */
export function pageChunkList(chunks: readonly ChunkRef[]): Buffer[] {
  const pages: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < chunks.length; i++) {
    if (chunks[i]!.key.endsWith('0') || i + 1 - start === PAGE_MAX_ENTRIES || i + 1 === chunks.length) {
      pages.push(encodeChunkList(chunks.slice(start, i + 1)));
      start = i + 1;
    }
  }
  return pages;
}

/** A chunk list as stored: 16 hash bytes and a 32-bit length per chunk. */
export function encodeChunkList(chunks: readonly ChunkRef[]): Buffer {
  const out = Buffer.allocUnsafe(chunks.length * ENTRY_BYTES);
  chunks.forEach((chunk, i) => {
    out.write(chunk.key, i * ENTRY_BYTES, HASH_BYTES, 'hex');
    out.writeUInt32LE(chunk.length, i * ENTRY_BYTES + HASH_BYTES);
  });
  return out;
}

export function decodeChunkList(encoded: Uint8Array): ChunkRef[] {
  const buffer = asBuffer(encoded);
  const chunks: ChunkRef[] = [];
  for (let offset = 0; offset + ENTRY_BYTES <= buffer.length; offset += ENTRY_BYTES) {
    chunks.push({ key: buffer.toString('hex', offset, offset + HASH_BYTES), length: buffer.readUInt32LE(offset + HASH_BYTES) });
  }
  return chunks;
}

/** A list of keys as stored: 16 hash bytes each. */
export function encodeKeys(keys: readonly string[]): Buffer {
  const out = Buffer.allocUnsafe(keys.length * HASH_BYTES);
  keys.forEach((key, i) => out.write(key, i * HASH_BYTES, HASH_BYTES, 'hex'));
  return out;
}

export function decodeKeys(encoded: Uint8Array): string[] {
  const buffer = asBuffer(encoded);
  const keys: string[] = [];
  for (let offset = 0; offset + HASH_BYTES <= buffer.length; offset += HASH_BYTES) keys.push(buffer.toString('hex', offset, offset + HASH_BYTES));
  return keys;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
