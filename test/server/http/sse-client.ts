// A small Server-Sent Events reader over fetch for tests: parses frames per the HTML spec, one event at a time.

export interface SseEvent {
  /** Event name ('message' when none); 'comment' for comment lines when includeComments is set. */
  event: string;
  id?: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** The next event, or undefined once the server ended the stream. Rejects after timeoutMs. */
  next(timeoutMs?: number): Promise<SseEvent | undefined>;
  /** Collect events until `count` arrived (or the stream ended). */
  take(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
}

export interface SseOptions {
  headers?: Record<string, string>;
  /** Also yield comment lines (": heartbeat") as events named 'comment'. */
  includeComments?: boolean;
}

export async function openSse(url: string, options: SseOptions = {}): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...options.headers }, signal: abort.signal });
  const queue: (SseEvent | undefined)[] = [];
  const waiters: ((event: SseEvent | undefined) => void)[] = [];
  let ended = false;

  const push = (event: SseEvent | undefined) => {
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  };

  const isStream = response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  if (isStream && response.body) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let event: { event?: string; id?: string; data: string[] } = { data: [] };
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let newline: number;
          while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
            if (line === '') {
              if (event.data.length || event.event) push({ event: event.event ?? 'message', id: event.id, data: event.data.join('\n') });
              event = { data: [] };
            } else if (line.startsWith(':')) {
              if (options.includeComments) push({ event: 'comment', data: line.slice(1).trim() });
            } else {
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const raw = colon < 0 ? '' : line.slice(colon + 1);
              const val = raw.startsWith(' ') ? raw.slice(1) : raw;
              if (field === 'data') event.data.push(val);
              else if (field === 'event') event.event = val;
              else if (field === 'id') event.id = val;
            }
          }
        }
      } catch {
        // Aborted by close().
      } finally {
        ended = true;
        push(undefined);
      }
    })();
  } else {
    ended = true;
  }

  const next = (timeoutMs = 5_000): Promise<SseEvent | undefined> => {
    if (queue.length) return Promise.resolve(queue.shift());
    if (ended) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(done), 1);
        reject(new Error(`no SSE event within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (event: SseEvent | undefined) => {
        clearTimeout(timer);
        resolve(event);
      };
      waiters.push(done);
    });
  };

  return {
    status: response.status,
    headers: response.headers,
    next,
    async take(count, timeoutMs) {
      const events: SseEvent[] = [];
      while (events.length < count) {
        const event = await next(timeoutMs);
        if (!event) break;
        events.push(event);
      }
      return events;
    },
    close() {
      abort.abort();
    },
  };
}
