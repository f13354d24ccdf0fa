import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../web/src/api/sse-parser';
import { parseEvent } from '../../web/src/api/parse';

describe('createSseParser', () => {
  it('returns events split across arbitrary chunk boundaries', () => {
    const p = createSseParser();
    const text = 'event: update\nid: 7\ndata: {"a":\ndata: 1}\n\n: heartbeat\n\nevent: expired\r\ndata: {"id":"x"}\r\n\r\n';
    const out = [];
    for (let i = 0; i < text.length; i += 3) out.push(...p.push(text.slice(i, i + 3)));
    expect(out).toEqual([
      { event: 'update', data: '{"a":\n1}', id: '7' },
      { event: 'expired', data: '{"id":"x"}', id: '7' },
    ]);
    expect(p.lastEventId()).toBe('7');
  });

  it('ignores heartbeat comments and events without data', () => {
    const p = createSseParser();
    expect(p.push(': heartbeat\n\nevent: nothing\n\n')).toEqual([]);
  });
});

describe('parseEvent', () => {
  it('reads an update with changed and removed widgets', () => {
    const e = parseEvent({ event: 'update', data: JSON.stringify({ revision: 3, order: ['a'], changed: [{ id: 'a', kind: 'metric' }], removed: ['b'], theme: 'dark', title: 't' }) });
    expect(e).toMatchObject({ type: 'update', update: { revision: 3, order: ['a'], removed: ['b'], theme: 'dark' } });
  });

  it('throws on a snapshot that is not JSON and skips unknown event types', () => {
    expect(() => parseEvent({ event: 'snapshot', data: '{oops' })).toThrow(/not JSON/);
    expect(parseEvent({ event: 'future-thing', data: '{}' })).toBeNull();
  });
});
