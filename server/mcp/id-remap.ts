// Gives every client request a unique JSON-RPC id inside a session and restores the client's id on the way out.
// Claude.ai sends `id: 1` for many requests; the SDK keys in-flight requests by id, so two concurrent requests with
// the same id on one session would otherwise steal each other's answers.
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

type RpcId = string | number;

const MAX_PENDING = 10_000;

export class IdRemapper {
  private counter = 0;
  /** internal id -> the id the client sent. Entries live until the answer has passed through. */
  private readonly toClient = new Map<string, RpcId>();
  /** client id (typed key) -> latest internal id, so notifications/cancelled can find the request. */
  private readonly toInternal = new Map<string, string>();

  /** Rewrites request ids (and cancellation targets) in place; returns the same messages. */
  inbound(messages: JSONRPCMessage[]): JSONRPCMessage[] {
    for (const message of messages) {
      const m = message as { id?: RpcId; method?: string; params?: { requestId?: RpcId } };
      if (m.method !== undefined && m.id !== undefined && m.id !== null) {
        const internal = `mcpdash-${++this.counter}`;
        // Answers a client never read (it hung up) would stay forever; keep the map bounded, oldest out first.
        if (this.toClient.size >= MAX_PENDING) this.toClient.delete(this.toClient.keys().next().value as string);
        this.toClient.set(internal, m.id);
        this.toInternal.set(keyOf(m.id), internal);
        m.id = internal;
      } else if (m.method === 'notifications/cancelled' && m.params?.requestId !== undefined) {
        const internal = this.toInternal.get(keyOf(m.params.requestId));
        if (internal) m.params.requestId = internal;
      }
    }
    return messages;
  }

  /** Restore the client's id in one outgoing JSON-RPC message (a response); returns the JSON text. */
  private restore(json: string): string {
    // Fast reject: only responses to remapped requests carry our prefix.
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
    this.toClient.delete(message.id);
    const key = keyOf(original);
    if (this.toInternal.get(key) === message.id) this.toInternal.delete(key);
    message.id = original;
    return JSON.stringify(message);
  }

  /**
   * Wrap an SSE response body so every `data:` line has client ids; calls onDone when the stream ends either way.
   * `flushHeaders` sends an SSE comment first: Bun holds back the status and headers until the first body chunk,
   * and a GET stream may have nothing to say for a long time.
   */
  outbound(response: Response, onDone: () => void, flushHeaders = false): Response {
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
    let primed = !flushHeaders;
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
        const { done, value } = await reader.read();
        if (done) {
          if (buffer) controller.enqueue(encoder.encode(buffer));
          controller.close();
          finish();
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        const end = buffer.lastIndexOf('\n\n');
        if (end === -1) return;
        const complete = buffer.slice(0, end + 2);
        buffer = buffer.slice(end + 2);
        controller.enqueue(encoder.encode(this.rewriteEvents(complete)));
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

  /** How many answers are still owed (for tests and eviction decisions). */
  get pending(): number {
    return this.toClient.size;
  }
}

const keyOf = (id: RpcId) => `${typeof id}:${id}`;
