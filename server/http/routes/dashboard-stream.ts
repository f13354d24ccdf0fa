// One page's live feed as a state machine: snapshot (or replay after Last-Event-ID), then updates in revision
// order, a fresh snapshot when the dashboard was re-created, expired at the end; heartbeats and a backlog bound.
// Inbox notices (answers, "seen") ride along without an id, so they never disturb the revision-based resume.
import type { DashboardService } from '../../dashboards/service.ts';
import type { Dashboard } from '../../dashboard/schema.ts';
import { toView } from '../../dashboard/view.ts';
import type { Live, LiveMessage } from '../../live.ts';

export interface DashboardStreamDeps {
  dashboards: DashboardService;
  live: Live;
  /** Comment line interval that keeps proxies and tunnels from closing an idle stream. */
  heartbeatMs: number;
  /** A client this far behind (queued bytes) is cut off; it reconnects and resumes or gets a snapshot. */
  maxQueuedBytes: number;
  /** The inbox state a page needs after a snapshot or a resume (InboxNotice JSON with full: true). */
  inboxState?: (dashboard: Pick<Dashboard, 'id' | 'createdAt'>) => string;
}

export interface DashboardStream {
  /** The text/event-stream body. */
  body: ReadableStream<Uint8Array>;
  /** Close it from the server side (shutdown): the page reconnects and resumes later. */
  end(): void;
  /** Stop without closing the body: the client went away. */
  abandon(): void;
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
    const text = message.type === 'update' ? `event: update\nid: ${message.revision}\ndata: ${message.json}\n\n` : `event: ${message.type}\ndata: ${message.json}\n\n`;
    frame = encoder.encode(text);
    frames.set(message, frame);
  }
  return frame;
}

const snapshotFrame = (doc: Dashboard) => encoder.encode(`event: snapshot\nid: ${doc.revision}\ndata: ${JSON.stringify(toView(doc))}\n\n`);
const expiredFrame = (id: string) => encoder.encode(`event: expired\ndata: ${JSON.stringify({ id })}\n\n`);
const inboxFrame = (json: string) => encoder.encode(`event: inbox\ndata: ${json}\n\n`);

/** Last-Event-ID as a revision, or undefined when absent or not a revision. */
export function parseLastEventId(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/**
 * Opens the feed of dashboard `id` for one page that already has revision `lastEventId` (if given); undefined when the
 * dashboard is unknown or expired. `onClosed` runs once, however the stream ends.
 */
export function openDashboardStream(
  deps: DashboardStreamDeps,
  id: string,
  lastEventId: number | undefined,
  onClosed: () => void = () => undefined,
): DashboardStream | undefined {
  const { dashboards, live } = deps;
  // Subscribe before reading, so no write can fall between the snapshot and the feed. Messages at or below the
  // revision already sent are duplicates of what the snapshot/replay covered (commit is visible before publish).
  let onMessage: (message: LiveMessage) => void = () => undefined;
  const unsubscribe = live.subscribe(id, (message) => onMessage(message));
  const first = dashboards.get(id);
  if (!first) {
    unsubscribe();
    return undefined;
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
    onClosed();
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
    if ((controller.desiredSize ?? 0) < -deps.maxQueuedBytes) end();
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
  /** The page may have missed notices while away, or holds another dashboard's: it gets the whole state. */
  const sendInboxState = () => {
    let json: string | undefined;
    try {
      json = deps.inboxState?.({ id, createdAt });
    } catch {
      // The store is closing (shutdown): the page gets the state when it reconnects.
      return;
    }
    if (json !== undefined) send(inboxFrame(json));
  };
  const sendSnapshot = (doc: Dashboard) => {
    createdAt = doc.createdAt;
    lastSent = doc.revision;
    send(snapshotFrame(doc));
    sendInboxState();
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
    if (message.type === 'inbox') return send(frameOf(message));
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

  const body = new ReadableStream<Uint8Array>(
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
    else {
      sendInboxState();
      armExpiry(first);
    }
  } else {
    sendSnapshot(first);
  }
  heartbeat = setInterval(() => send(HEARTBEAT), deps.heartbeatMs);
  heartbeat.unref?.();

  return { body, end, abandon: cleanup };
}
