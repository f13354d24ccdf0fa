// In-process publish/subscribe of dashboard changes (and inbox notices for the page), with a short per-dashboard
// replay ring of updates for reconnects.
import type { InboxNotice } from './dashboard/answer-rules.ts';
import type { WidgetView } from './dashboard/view.ts';
import type { DashboardUpdate } from './dashboard/wire.ts';

/** What the page receives on each committed write (the stream's wire contract, with typed widgets). */
export type UpdatePayload = DashboardUpdate<WidgetView>;

export type LiveEvent = { type: 'update'; revision: number; data: UpdatePayload } | { type: 'expired' } | { type: 'inbox'; data: InboxNotice };

/** A published event, serialised once; every subscriber gets the same object. */
export type LiveMessage = { type: 'update'; revision: number; json: string } | { type: 'expired'; json: string } | { type: 'inbox'; json: string };

export type LiveListener = (message: LiveMessage) => void;

export interface Live {
  publish(id: string, event: LiveEvent): void;
  subscribe(id: string, listener: LiveListener): () => void;
  /**
   * Updates after `revision`, oldest first, if the ring still holds all of them; undefined when the gap is older
   * than the ring (the caller then sends a snapshot).
   */
  replaySince(id: string, revision: number): LiveMessage[] | undefined;
  subscriberCount(id: string): number;
}

export interface LiveOptions {
  /** Updates kept per dashboard for Last-Event-ID replay. */
  ringSize?: number;
  /** Bytes of JSON kept per dashboard ring, so big documents don't pin much memory. */
  ringBytes?: number;
  /** Dashboards with a ring; the least recently written lose theirs first. */
  maxRings?: number;
  /** Bytes of JSON kept over all rings together (a small machine must not hold maxRings x ringBytes). */
  totalBytes?: number;
  /** A throwing listener must not stop the fan-out; tell someone. */
  onListenerError?: (error: unknown) => void;
}

interface Ring {
  messages: Extract<LiveMessage, { type: 'update' }>[];
  bytes: number;
}

export function createLive(options: LiveOptions = {}): Live {
  const ringSize = options.ringSize ?? 100;
  const ringBytes = options.ringBytes ?? 8 * 1024 * 1024;
  const maxRings = options.maxRings ?? 1_000;
  const totalBytes = options.totalBytes ?? 64 * 1024 * 1024;
  const listeners = new Map<string, Set<LiveListener>>();
  // Map keeps insertion order: re-inserting on write makes the first key the least recently written.
  const rings = new Map<string, Ring>();
  let total = 0;

  const forget = (id: string) => {
    const ring = rings.get(id);
    if (!ring) return;
    total -= ring.bytes;
    rings.delete(id);
  };

  const remember = (id: string, message: Extract<LiveMessage, { type: 'update' }>) => {
    let ring = rings.get(id);
    rings.delete(id);
    // Revisions only grow for one dashboard; a smaller one means it expired and was created again.
    const last = ring?.messages.at(-1);
    if (!ring || (last && last.revision >= message.revision)) {
      if (ring) total -= ring.bytes;
      ring = { messages: [], bytes: 0 };
    }
    rings.set(id, ring);
    ring.messages.push(message);
    ring.bytes += message.json.length;
    total += message.json.length;
    while (ring.messages.length > ringSize || (ring.bytes > ringBytes && ring.messages.length > 1)) {
      const dropped = ring.messages.shift()!.json.length;
      ring.bytes -= dropped;
      total -= dropped;
    }
    // Over either bound, the least recently written dashboards lose their rings (never the one just written).
    while (rings.size > maxRings || total > totalBytes) {
      const oldest = rings.keys().next().value!;
      if (oldest === id) break;
      forget(oldest);
    }
  };

  return {
    publish(id, event) {
      let message: LiveMessage;
      if (event.type === 'update') {
        message = { type: 'update', revision: event.revision, json: JSON.stringify(event.data) };
        remember(id, message);
      } else if (event.type === 'inbox') {
        // Not replayed: a reconnecting page gets the whole inbox state after its snapshot instead.
        message = { type: 'inbox', json: JSON.stringify(event.data) };
      } else {
        message = { type: 'expired', json: JSON.stringify({ id }) };
        forget(id);
      }
      const set = listeners.get(id);
      if (!set) return;
      for (const listener of set) {
        try {
          listener(message);
        } catch (error) {
          options.onListenerError?.(error);
        }
      }
    },

    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(id) === set) listeners.delete(id);
      };
    },

    replaySince(id, revision) {
      const messages = rings.get(id)?.messages;
      if (!messages?.length) return undefined;
      const first = messages[0]!.revision;
      const last = messages.at(-1)!.revision;
      if (revision >= last) return revision === last ? [] : undefined;
      if (first > revision + 1) return undefined;
      return messages.filter((m) => m.revision > revision);
    },

    subscriberCount(id) {
      return listeners.get(id)?.size ?? 0;
    },
  };
}
