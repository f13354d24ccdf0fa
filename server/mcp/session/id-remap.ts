// Keeps concurrent requests that reuse a JSON-RPC id on one session apart, and restores the client's id on the way out.
// Claude.ai sends `id: 1` for many requests; the SDK keys in-flight requests by id, so two concurrent requests with
// the same id on one session would otherwise steal each other's answers. Only a request whose id is already in
// flight gets a private id, so the common case passes through untouched.
import type { JSONRPCMessage } from '@modelcontextprotocol/server';

type RpcId = string | number;

/** Bound on remembered ids: answers a client never read (it hung up) must not pile up forever. */
const MAX_TRACKED = 10_000;

/** What one POST's requests need when its answer stream ends. */
export interface InboundTicket {
  /** True when some id was replaced, so the answer stream must be rewritten. */
  remapped: boolean;
  /** Marks this POST's requests as answered (call once, when its response stream ends). */
  release(): void;
}

export class IdRemapper {
  private counter = 0;
  /** Client ids (typed keys) in flight under their own id, with how many requests use them. */
  private readonly inFlight = new Map<string, number>();
  /** private id -> the id the client sent. */
  private readonly toClient = new Map<string, RpcId>();
  /** client id (typed key) -> latest private id, so notifications/cancelled can find the request. */
  private readonly toPrivate = new Map<string, string>();

  /** Rewrites colliding request ids (and cancellation targets) in place. */
  inbound(messages: JSONRPCMessage[]): InboundTicket {
    const passed: string[] = [];
    let remapped = false;
    for (const message of messages) {
      const m = message as { id?: RpcId; method?: string; params?: { requestId?: RpcId } };
      if (m.method !== undefined && m.id !== undefined && m.id !== null) {
        const key = keyOf(m.id);
        if (!this.inFlight.has(key) && !passed.includes(key)) {
          passed.push(key);
          continue;
        }
        const privateId = `mcpdash-${++this.counter}`;
        if (this.toClient.size >= MAX_TRACKED) this.forget(this.toClient.keys().next().value as string);
        this.toClient.set(privateId, m.id);
        this.toPrivate.set(key, privateId);
        m.id = privateId;
        remapped = true;
      } else if (m.method === 'notifications/cancelled' && m.params?.requestId !== undefined) {
        const privateId = this.toPrivate.get(keyOf(m.params.requestId));
        if (privateId && this.toClient.has(privateId)) m.params.requestId = privateId;
      }
    }
    for (const key of passed) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    if (this.inFlight.size > MAX_TRACKED) this.inFlight.clear();
    let released = false;
    return {
      remapped,
      release: () => {
        if (released) return;
        released = true;
        for (const key of passed) {
          const count = (this.inFlight.get(key) ?? 1) - 1;
          if (count > 0) this.inFlight.set(key, count);
          else this.inFlight.delete(key);
        }
      },
    };
  }

  private forget(privateId: string): void {
    const original = this.toClient.get(privateId);
    this.toClient.delete(privateId);
    if (original === undefined) return;
    const key = keyOf(original);
    if (this.toPrivate.get(key) === privateId) this.toPrivate.delete(key);
  }

  /** Restore the client's id in one outgoing JSON-RPC message (a response); returns the JSON text. */
  private restore(json: string): string {
    // Fast reject: only answers to remapped requests carry the prefix.
    if (!json.includes('"mcpdash-')) return json;
    let message: { id?: unknown; method?: unknown };
    try {
      message = JSON.parse(json);
    } catch {
      return json;
    }
    if (message.method !== undefined || typeof message.id !== 'string') return json;
    const original = this.toClient.get(message.id);
    if (original === undefined) return json;
    this.forget(message.id);
    message.id = original;
    return JSON.stringify(message);
  }

  /**
   * Follow a response to its end (calls onDone either way: finished or cancelled) and, when `rewrite` is set,
   * restore client ids in every SSE `data:` line. `flushHeaders` sends an SSE comment first: Bun holds back the
   * status and headers until the first body chunk, and a GET stream may have nothing to say for a long time.
   */
  outbound(response: Response, onDone: () => void, options: { rewrite: boolean; flushHeaders: boolean }): Response {
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || !type.startsWith('text/event-stream')) {
      onDone();
      return response;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let buffer = '';
    let finished = false;
    let primed = !options.flushHeaders;
    const finish = () => {
      if (!finished) {
        finished = true;
        onDone();
      }
    };
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (!primed) {
          primed = true;
          controller.enqueue(encoder.encode(': stream open\n\n'));
          return;
        }
        // Loop until something is enqueued: a pull that enqueues nothing is not called again.
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            if (buffer) controller.enqueue(encoder.encode(buffer));
            controller.close();
            finish();
            return;
          }
          if (!options.rewrite) return controller.enqueue(value);
          buffer += decoder.decode(value, { stream: true });
          const end = buffer.lastIndexOf('\n\n');
          if (end === -1) continue;
          const complete = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 2);
          return controller.enqueue(encoder.encode(this.rewriteEvents(complete)));
        }
      },
      cancel: async (reason) => {
        finish();
        await reader.cancel(reason).catch(() => undefined);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  }

  private rewriteEvents(text: string): string {
    if (!text.includes('"mcpdash-')) return text;
    return text
      .split('\n')
      .map((line) => (line.startsWith('data: ') ? `data: ${this.restore(line.slice(6))}` : line))
      .join('\n');
  }
}

const keyOf = (id: RpcId) => `${typeof id}:${id}`;
