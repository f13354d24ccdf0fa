// GET /dashboard/:id/events (mounted under /api): the page's live feed as Server-Sent Events.
// snapshot (id = revision) first, then update per write in revision order, expired at the end; Last-Event-ID resumes.
import { Hono } from 'hono';
import type { DashboardService } from '../../dashboards/service.ts';
import type { Dashboard } from '../../dashboard/schema.ts';
import { toView } from '../../dashboard/view.ts';
import type { Live, LiveMessage } from '../../live.ts';
import { dashboardIdParam, dashboardNotFound } from './api.ts';

export interface EventRoutesDeps {
  dashboards: DashboardService;
  live: Live;
  /** Comment line interval that keeps proxies and tunnels from closing an idle stream. */
  heartbeatMs?: number;
  /** A client this far behind (queued bytes) is cut off; it reconnects and resumes or gets a snapshot. */
  maxQueuedBytes?: number;
  /** Aborting it ends every open stream (server shutdown: open streams would otherwise hold it forever). */
  shutdown?: AbortSignal;
}

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(': heartbeat\n\n');
// Sent at once so the response headers leave even when a resume has nothing to replay (Bun holds them back).
const OPENED = encoder.encode(': open\n\n');
// setTimeout delays above 2^31-1 ms fire at once; far expiries are re-checked in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

// One encoding per published message, shared by every stream that sends it.
const frames = new WeakMap<LiveMessage, Uint8Array>();
function frameOf(message: LiveMessage): Uint8Array {
  let frame = frames.get(message);
  if (!frame) {
    const text = message.type === 'update' ? `event: update\nid: ${message.revision}\ndata: ${message.json}\n\n` : `event: expired\ndata: ${message.json}\n\n`;
    frame = encoder.encode(text);
    frames.set(message, frame);
  }
  return frame;
}

const snapshotFrame = (doc: Dashboard) => encoder.encode(`event: snapshot\nid: ${doc.revision}\ndata: ${JSON.stringify(toView(doc))}\n\n`);
const expiredFrame = (id: string) => encoder.encode(`event: expired\ndata: ${JSON.stringify({ id })}\n\n`);

/** Last-Event-ID as a revision, or undefined when absent or not a revision. */
function parseLastEventId(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export function createEventRoutes(deps: EventRoutesDeps): Hono {
  const { dashboards, live } = deps;
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const maxQueuedBytes = deps.maxQueuedBytes ?? 32 * 1024 * 1024;
  const app = new Hono();
  // One shutdown listener for all streams rather than one per stream.
  const open = new Set<() => void>();
  deps.shutdown?.addEventListener('abort', () => {
    for (const end of [...open]) end();
  });

  app.get('/dashboard/:id/events', (c) => {
    const id = dashboardIdParam(c.req.param('id'));
    if (!id) return dashboardNotFound();
    const lastEventId = parseLastEventId(c.req.header('Last-Event-ID') ?? c.req.query('lastEventId'));

    // Subscribe before reading, so no write can fall between the snapshot and the feed. Messages at or below the
    // revision already sent are duplicates of what the snapshot/replay covered (commit is visible before publish).
    let onMessage: (message: LiveMessage) => void = () => undefined;
    const unsubscribe = live.subscribe(id, (message) => onMessage(message));
    const first = dashboards.get(id);
    if (!first) {
      unsubscribe();
      return dashboardNotFound();
    }

    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let closed = false;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let expiryTimer: ReturnType<typeof setTimeout> | undefined;
    /** The dashboard the page holds (createdAt tells a re-created one apart) and the last revision it has. */
    let createdAt = first.createdAt;
    let lastSent = first.revision;

    const cleanup = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiryTimer);
      c.req.raw.signal.removeEventListener('abort', cleanup);
      open.delete(end);
    };
    const send = (bytes: Uint8Array) => {
      if (closed) return;
      try {
        controller.enqueue(bytes);
      } catch {
        // The client went away between two events.
        return cleanup();
      }
      // A stalled reader must not pin unbounded memory; it will reconnect with Last-Event-ID.
      if ((controller.desiredSize ?? 0) < -maxQueuedBytes) end();
    };
    const end = () => {
      if (closed) return;
      cleanup();
      try {
        controller.close();
      } catch {
        // Already closed by the client.
      }
    };
    const sendSnapshot = (doc: Dashboard) => {
      createdAt = doc.createdAt;
      lastSent = doc.revision;
      send(snapshotFrame(doc));
      armExpiry(doc);
    };
    const expire = () => {
      send(expiredFrame(id));
      end();
    };
    /** Re-read the store: gone -> expired; re-created under the same id -> fresh snapshot. */
    const recheck = () => {
      let doc: Dashboard | undefined;
      try {
        doc = dashboards.get(id);
      } catch {
        // The store is closing (shutdown): a timer must not crash the process; the page will reconnect.
        return end();
      }
      if (!doc) return expire();
      if (doc.createdAt !== createdAt) return sendSnapshot(doc);
      armExpiry(doc);
    };
    // Writes only move expiry later, so firing at the known expiresAt and re-reading is never late.
    const armExpiry = (doc: Dashboard) => {
      clearTimeout(expiryTimer);
      const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(doc.expiresAt) - dashboards.now()));
      expiryTimer = setTimeout(recheck, delay);
      // Open streams alone must not keep the process alive.
      expiryTimer.unref?.();
    };

    onMessage = (message) => {
      if (message.type === 'expired') return expire();
      if (message.revision === lastSent + 1) {
        lastSent = message.revision;
        return send(frameOf(message));
      }
      if (message.revision <= lastSent) {
        // Usually a duplicate of what the snapshot already had; a dashboard re-created after expiry starts over.
        const doc = dashboards.get(id);
        if (doc && doc.createdAt !== createdAt) sendSnapshot(doc);
        return;
      }
      // A gap should not happen (publishes follow commits in order); if it does, the page needs the whole state.
      const doc = dashboards.get(id);
      if (!doc) return expire();
      if (doc.revision > lastSent) sendSnapshot(doc);
    };

    const stream = new ReadableStream<Uint8Array>(
      {
        start(ctrl) {
          controller = ctrl;
        },
        cancel: cleanup,
      },
      { highWaterMark: 64 * 1024, size: (chunk) => chunk?.byteLength ?? 0 },
    );

    send(OPENED);
    const replay = lastEventId !== undefined && lastEventId <= first.revision ? live.replaySince(id, lastEventId) : undefined;
    if (replay && lastEventId !== undefined) {
      // Resume: the page has everything up to lastEventId; replay the rest up to the current revision.
      lastSent = lastEventId;
      for (const message of replay) if (message.type === 'update' && message.revision <= first.revision) onMessage(message);
      if (lastSent < first.revision) sendSnapshot(first);
      else armExpiry(first);
    } else {
      sendSnapshot(first);
    }
    heartbeat = setInterval(() => send(HEARTBEAT), heartbeatMs);
    heartbeat.unref?.();
    open.add(end);
    c.req.raw.signal.addEventListener('abort', cleanup);
    // Shutting down: still answer with the state, then end, so the page reconnects (and resumes) later.
    if (deps.shutdown?.aborted) end();

    return c.body(stream, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Tells nginx-style proxies not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
  });

  return app;
}
