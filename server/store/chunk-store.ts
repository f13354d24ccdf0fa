// Revision content stored as pieces: the content's chunks and the pages of its chunk list, each stored once per
// dashboard under its content hash and kept while some revision in history still uses it.
//
// What a piece's count means: the number of runs of consecutive revisions that use it (a piece in revisions 3-9 and
// again in 12-14 counts 2). A new revision adds a run for each piece the revision before did not use; dropping the
// oldest revision ends a run for each piece the revision after it does not use. So a write touches only the counts
// of what changed, not of the hundreds of chunks a big document shares with the revision before, and a count
// reaches 0 exactly when no kept revision uses the piece any more.
import { entryBytes } from './budget.ts';
import { contentKey, decodeChunkList, decodeKeys, encodeKeys, pageChunkList, type ChunkedContent, type ChunkRef } from './chunking.ts';
import type { Store } from './db.ts';

/** A revision's content read back, with every key it uses (for the next revision's plan). */
export interface RevisionContent extends ChunkedContent {
  keys: ReadonlySet<string>;
}

/** What storing one revision's content writes, worked out before anything is written (so it can be refused). */
export interface ContentPlan {
  /** Stored with the revision: the keys of its chunk list's pages. */
  pageKeys: Buffer;
  /** Pieces not stored yet for this dashboard. */
  added: { key: string; bytes: Uint8Array }[];
  /** Pieces already stored that start a new run. */
  counted: string[];
  /** A conservative estimate of the bytes these writes add to the store. */
  bytes: number;
}

// [dashboard id (36), key (32)] and the ordered-binary overhead.
const KEY_BYTES = 36 + 32 + 8;
const COUNT_BYTES = entryBytes(KEY_BYTES, 4);

export function createChunkStore(store: Store) {
  const countOf = (id: string, key: string) => store.chunkRefs.get([id, key]) as number | undefined;

  /** A stored piece, copied out. Throws when it is missing (the store is damaged). */
  const readPiece = (id: string, key: string, out: Buffer, offset: number, length: number) => {
    // The fast read returns lmdb's shared buffer (valid until the next read, possibly longer than the value):
    // copied out at once, the known length taken from it.
    const bytes = store.chunks.getBinaryFast([id, key]);
    if (!bytes || bytes.length < length) throw new Error(`dashboard content piece ${key} is missing or damaged`);
    out.set(bytes.subarray(0, length), offset);
  };

  const chunkListOf = (id: string, pageKeys: readonly string[]): ChunkRef[] =>
    pageKeys.flatMap((key) => {
      const page = store.chunks.getBinary([id, key]);
      if (!page) throw new Error(`dashboard content page ${key} is missing`);
      return decodeChunkList(page);
    });

  return {
    /** The content of a revision whose page keys are `encodedPageKeys`. */
    read(id: string, encodedPageKeys: Uint8Array): RevisionContent {
      const pageKeys = decodeKeys(encodedPageKeys);
      const chunks = chunkListOf(id, pageKeys);
      let size = 0;
      for (const chunk of chunks) size += chunk.length;
      const bytes = Buffer.allocUnsafe(size);
      let offset = 0;
      for (const chunk of chunks) {
        readPiece(id, chunk.key, bytes, offset, chunk.length);
        offset += chunk.length;
      }
      return { bytes, chunks, keys: new Set([...pageKeys, ...chunks.map((chunk) => chunk.key)]) };
    },

    /** Every key a revision uses (its pages and chunks), without reading the content. */
    keysOf(id: string, encodedPageKeys: Uint8Array): Set<string> {
      const pageKeys = decodeKeys(encodedPageKeys);
      return new Set([...pageKeys, ...chunkListOf(id, pageKeys).map((chunk) => chunk.key)]);
    },

    /** What storing `content` (cut into `chunks`) writes after a revision that used `previous` (empty for a new dashboard). */
    plan(id: string, content: Buffer, chunks: readonly ChunkRef[], previous: ReadonlySet<string>): ContentPlan {
      const pages = pageChunkList(chunks).map((bytes) => ({ key: contentKey(bytes), bytes }));
      const pieces: { key: string; bytes: Uint8Array }[] = [...pages];
      let offset = 0;
      for (const chunk of chunks) {
        pieces.push({ key: chunk.key, bytes: content.subarray(offset, offset + chunk.length) });
        offset += chunk.length;
      }
      const plan: ContentPlan = { pageKeys: encodeKeys(pages.map((page) => page.key)), added: [], counted: [], bytes: 0 };
      const seen = new Set<string>();
      for (const piece of pieces) {
        if (previous.has(piece.key) || seen.has(piece.key)) continue;
        seen.add(piece.key);
        if (countOf(id, piece.key) === undefined) {
          plan.added.push(piece);
          plan.bytes += entryBytes(KEY_BYTES, piece.bytes.byteLength) + COUNT_BYTES;
        } else {
          plan.counted.push(piece.key);
        }
      }
      return plan;
    },

    /** Write a plan made by plan() in this same transaction. */
    apply(id: string, plan: ContentPlan): void {
      for (const piece of plan.added) {
        store.chunks.put([id, piece.key], Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength));
        store.chunkRefs.put([id, piece.key], 1);
      }
      for (const key of plan.counted) store.chunkRefs.put([id, key], (countOf(id, key) ?? 0) + 1);
    },

    /**
     * A revision (using `dropped`) leaves history; `preceding` and `following` are what the kept revisions just
     * before and after it use (`preceding` is empty when it was the oldest). A run that was only `dropped` ends; two
     * runs it separated (a piece used before and after it, not by it) become one.
     */
    release(id: string, dropped: ReadonlySet<string>, following: ReadonlySet<string>, preceding: ReadonlySet<string> = new Set()): void {
      const decrement = (key: string) => {
        const count = countOf(id, key) ?? 0;
        if (count > 1) {
          store.chunkRefs.put([id, key], count - 1);
        } else {
          store.chunkRefs.remove([id, key]);
          store.chunks.remove([id, key]);
        }
      };
      for (const key of dropped) if (!following.has(key) && !preceding.has(key)) decrement(key);
      for (const key of preceding) if (following.has(key) && !dropped.has(key)) decrement(key);
    },

    /** Every piece of the dashboard (it was deleted or expired). */
    removeAll(id: string): void {
      // Collect first: removing while an lmdb range iterator is open is not something to rely on.
      // Keys are hex, so [id, ''] .. [id, 'g'] spans exactly this dashboard's.
      const range = { start: [id, ''], end: [id, 'g'] };
      for (const key of Array.from(store.chunkRefs.getKeys(range))) store.chunkRefs.remove(key);
      for (const key of Array.from(store.chunks.getKeys(range))) store.chunks.remove(key);
    },
  };
}

export type ChunkStore = ReturnType<typeof createChunkStore>;
