// Incremental text/event-stream parser (WHATWG rules): feed chunks, get whole events back.
import type { SseMessage } from './types';

export interface SseParser {
  /** Feeds a decoded text chunk; returns the events it completed. */
  push(chunk: string): SseMessage[];
  /** The last `id:` seen, which a reconnect sends back as Last-Event-ID. */
  lastEventId(): string | undefined;
}

export function createSseParser(): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastId: string | undefined;
  let sawBom = false;

  const dispatch = (out: SseMessage[]): void => {
    if (data.length > 0) {
      out.push({ event: event || 'message', data: data.join('\n'), id: lastId });
    }
    event = '';
    data = [];
  };

  const line = (text: string, out: SseMessage[]): void => {
    if (text === '') return dispatch(out);
    if (text.startsWith(':')) return; // comment, e.g. the heartbeat
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  };

  return {
    push(chunk) {
      if (!sawBom) {
        sawBom = true;
        if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
      }
      buffer += chunk;
      const out: SseMessage[] = [];
      // Lines end in \n, \r\n or \r; a trailing \r may be the first half of \r\n, so wait for more.
      const re = /\r\n|\n|\r(?!$)/g;
      let start = 0;
      let match: RegExpExecArray | null;
      while ((match = re.exec(buffer)) !== null) {
        line(buffer.slice(start, match.index), out);
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
      return out;
    },
    lastEventId: () => lastId,
  };
}
