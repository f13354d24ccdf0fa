// The feedback inbox on a real LMDB store in a temp dir: durability, the 500-event bound, read-once with a cursor.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { MAX_FEEDBACK_EVENT_BYTES } from '../../../server/dashboard/answer-rules.ts';
import { LimitError, StorageFullError } from '../../../server/errors.ts';
import { openStore, type Store } from '../../../server/store/db.ts';
import { createFeedbackStore, type NewFeedbackEvent } from '../../../server/store/feedback.ts';
import { removeTempDirs, tempDataDir } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const OTHER = '0b7d5f3e-1c2a-4b8d-9e6f-a1b2c3d4e5f6';
const OWNER = '2026-07-01T10:00:00.000Z';
const LIMITS = { maxEvents: 500, maxEventBytes: MAX_FEEDBACK_EVENT_BYTES };

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
});

function open(dir = tempDataDir(), maxDataBytes?: number) {
  const store = openStore(dir, maxDataBytes === undefined ? {} : { maxDataBytes });
  stores.push(store);
  return { dir, store, inbox: createFeedbackStore(store, LIMITS) };
}

const message = (text: string, viewer = 'viewer01'): NewFeedbackEvent => ({ at: OWNER, kind: 'message', data: { text }, viewer });
const take = { maxEvents: 50, maxChars: 40_000 };

describe('feedback store', () => {
  test('keeps events across a reopened LMDB environment, read cursor included', async () => {
    const first = open();
    await first.inbox.append(ID, OWNER, message('one'));
    await first.inbox.append(ID, OWNER, message('two'));
    await first.inbox.take(ID, OWNER, { ...take, maxEvents: 1 });
    await first.store.close();
    stores.splice(0);

    const again = open(first.dir);
    expect(again.inbox.summary(ID, OWNER)).toEqual({ unread: 1, readThrough: 1, lastId: 2, dropped: 0 });
    const { events } = await again.inbox.take(ID, OWNER, take);
    expect(events.map((e) => e.data.text)).toEqual(['two']);
  });

  test('gives ids that increase by one, oldest first, and hands each event out once', async () => {
    const { inbox } = open();
    for (const text of ['a', 'b', 'c']) await inbox.append(ID, OWNER, message(text));
    const first = await inbox.take(ID, OWNER, take);
    expect(first.events.map((e) => [e.id, e.data.text])).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    expect(first.readMoved).toBe(true);
    const second = await inbox.take(ID, OWNER, take);
    expect(second.events).toEqual([]);
    expect(second.summary.unread).toBe(0);
  });

  test('reads again after an older cursor without moving the read cursor back', async () => {
    const { inbox } = open();
    for (const text of ['a', 'b', 'c', 'd']) await inbox.append(ID, OWNER, message(text));
    await inbox.take(ID, OWNER, take);
    const again = await inbox.take(ID, OWNER, { ...take, after: 2 });
    expect(again.events.map((e) => e.id)).toEqual([3, 4]);
    expect(again.readMoved).toBe(false);
    expect(inbox.summary(ID, OWNER)).toMatchObject({ unread: 0, readThrough: 4 });
  });

  test('keeps the newest 500 events, dropping and counting the oldest', async () => {
    const { inbox } = open();
    // Queued together, committed in call order (lmdb batches them): ids follow the order of the calls.
    await Promise.all(Array.from({ length: 503 }, (_, i) => inbox.append(ID, OWNER, message(`m${i + 1}`))));
    expect(inbox.summary(ID, OWNER)).toEqual({ unread: 500, readThrough: 0, lastId: 503, dropped: 3 });
    const { events } = await inbox.take(ID, OWNER, { maxEvents: 1000, maxChars: 1e9 });
    expect(events).toHaveLength(500);
    expect([events[0]!.id, events[0]!.data.text]).toEqual([4, 'm4']);
    expect(events.at(-1)!.id).toBe(503);
  });

  test('refuses an event over 16 KiB and stores nothing', async () => {
    const { inbox } = open();
    await inbox.append(ID, OWNER, message('small'));
    await expect(inbox.append(ID, OWNER, message('x'.repeat(MAX_FEEDBACK_EVENT_BYTES)))).rejects.toBeInstanceOf(LimitError);
    expect(inbox.summary(ID, OWNER)).toEqual({ unread: 1, readThrough: 0, lastId: 1, dropped: 0 });
  });

  test('a batch read stops at the character budget but always returns at least one event', async () => {
    const { inbox } = open();
    for (let i = 0; i < 5; i++) await inbox.append(ID, OWNER, message('y'.repeat(3000)));
    const { events, summary } = await inbox.take(ID, OWNER, { maxEvents: 50, maxChars: 7_000 });
    expect(events).toHaveLength(2);
    expect(summary.unread).toBe(3);
    const tiny = await inbox.take(ID, OWNER, { maxEvents: 50, maxChars: 10 });
    expect(tiny.events).toHaveLength(1);
  });

  test('an inbox left by an earlier dashboard under the same id reads as empty and is replaced on the next write', async () => {
    const { inbox } = open();
    await inbox.append(ID, OWNER, message('old'));
    const reborn = '2026-07-02T10:00:00.000Z';
    expect(inbox.summary(ID, reborn)).toEqual({ unread: 0, readThrough: 0, lastId: 0, dropped: 0 });
    expect((await inbox.take(ID, reborn, take)).events).toEqual([]);
    const { event } = await inbox.append(ID, reborn, message('new'));
    expect(event.id).toBe(1);
    expect((await inbox.take(ID, reborn, take)).events.map((e) => e.data.text)).toEqual(['new']);
  });

  test('keeps the newest choice or form answer per widget, and removes everything of one dashboard only', async () => {
    const { store, inbox } = open();
    const choice = (selected: string[]): NewFeedbackEvent => ({ at: OWNER, kind: 'choice', widget: 'pick', data: { selected }, viewer: 'viewer01' });
    await inbox.append(ID, OWNER, choice(['a']));
    await inbox.append(ID, OWNER, choice(['b']));
    await inbox.append(ID, OWNER, message('not an answer'));
    await inbox.append(OTHER, OWNER, message('other dashboard'));
    expect(inbox.answers(ID, OWNER).map((a) => [a.widget, a.data.selected])).toEqual([['pick', ['b']]]);

    await store.root.transaction(() => inbox.removeAll(ID));
    expect(inbox.summary(ID, OWNER).lastId).toBe(0);
    expect(inbox.answers(ID, OWNER)).toEqual([]);
    expect(Array.from(store.feedback.getKeys({ start: [ID, -10], end: [ID, Number.MAX_SAFE_INTEGER] }))).toEqual([]);
    expect(inbox.summary(OTHER, OWNER).unread).toBe(1);
  });

  test('refuses an event past the data budget and stores nothing, while reading still works', async () => {
    const first = open();
    await first.inbox.append(ID, OWNER, message('before the budget filled'));
    await first.store.close();
    stores.splice(0);
    // The same data with a budget it already passes: no event fits any more.
    const full = open(first.dir, 1);
    const usedBefore = full.store.budget.usage().usedBytes;
    await expect(full.inbox.append(ID, OWNER, message('too much'))).rejects.toThrow(StorageFullError);
    expect(full.inbox.summary(ID, OWNER)).toEqual({ unread: 1, readThrough: 0, lastId: 1, dropped: 0 });
    expect(full.store.budget.usage().usedBytes).toBe(usedBefore);
    // Marking read rewrites only the small state record: it keeps working when the budget is full.
    const read = await full.inbox.take(ID, OWNER, take);
    expect(read.events.map((e) => e.data.text)).toEqual(['before the budget filled']);
  });
});
