// Data loading for the dashboard page: first fetch, then the live event stream with resume and backoff.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Api } from '../api/client';
import { parseEvent } from '../api/parse';
import { createSseParser } from '../api/sse-parser';
import type { DashboardEvent } from '../api/types';
import { loadEcharts } from '../lib/echarts-loader';
import { createDashboardStore, type DashboardStore } from '../state/dashboard-store';

export type PageStatus = 'loading' | 'ready' | 'not-found' | 'expired' | 'error';
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface DashboardData {
  id: string;
  store: DashboardStore;
  status: Accessor<PageStatus>;
  connection: Accessor<Connection>;
  /** When the next reconnect attempt happens (ms epoch), while reconnecting. */
  retryAt: Accessor<number | undefined>;
  reconnectNow(): void;
}

export interface DataOptions {
  /** Silence after which the stream is presumed dead (the server sends a heartbeat every 15 s). */
  staleAfterMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export function createDashboardData(id: string, api: Api, options: DataOptions = {}): DashboardData {
  const staleAfter = options.staleAfterMs ?? 45_000;
  const base = options.backoffBaseMs ?? 1000;
  const max = options.backoffMaxMs ?? 30_000;
  const store = createDashboardStore();
  const [status, setStatus] = createSignal<PageStatus>('loading');
  const [connection, setConnection] = createSignal<Connection>('connecting');
  const [retryAt, setRetryAt] = createSignal<number>();
  let closeStream: (() => void) | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const stop = (final: Connection): void => {
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(staleTimer);
    closeStream?.();
    closeStream = undefined;
    setConnection(final);
    setRetryAt(undefined);
  };

  const gone = (): void => {
    // Seen before and now 404: it expired while open. Never seen: the link is wrong or long expired.
    setStatus(store.meta() ? 'expired' : 'not-found');
    stop('closed');
  };

  const handle = (event: DashboardEvent): void => {
    if (event.type === 'snapshot') {
      store.applySnapshot(event.view);
      setStatus('ready');
    } else if (event.type === 'update') {
      if (!store.applyUpdate(event.update)) reconnect(true);
    } else {
      setStatus('expired');
      stop('closed');
    }
  };

  const scheduleRetry = (): void => {
    if (stopped) return;
    closeStream?.();
    closeStream = undefined;
    clearTimeout(staleTimer);
    setConnection('reconnecting');
    const delay = Math.min(max, base * 2 ** failures) * (0.75 + Math.random() * 0.5);
    failures++;
    setRetryAt(Date.now() + delay);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => connect(), delay);
  };

  const armStale = (): void => {
    clearTimeout(staleTimer);
    staleTimer = setTimeout(scheduleRetry, staleAfter);
  };

  function connect(fresh = false): void {
    if (stopped) return;
    setRetryAt(undefined);
    const parser = createSseParser();
    const revision = store.meta()?.revision;
    // Resume from what is on screen; the server replays missed updates or sends a fresh snapshot.
    const lastEventId = fresh || revision === undefined ? undefined : String(revision);
    let attempt: (() => void) | undefined;
    attempt = api.openEventStream(id, lastEventId, {
      onOpen(code) {
        if (closeStream !== attempt) return;
        if (code === 404 || code === 410) return gone();
        if (code === 200) {
          setConnection('live');
          armStale();
        }
      },
      onText(chunk) {
        if (closeStream !== attempt) return;
        armStale();
        for (const message of parser.push(chunk)) {
          try {
            const event = parseEvent(message);
            if (event) {
              // Only a stream that delivers counts as recovered: a proxy that accepts and drops keeps backing off.
              failures = 0;
              handle(event);
            }
          } catch (e) {
            console.warn('mcpdash: ignoring a malformed event', e);
          }
          // handle() may have replaced this stream (reconnect): the rest of this chunk belongs to the old one.
          if (stopped || closeStream !== attempt) return;
        }
      },
      onEnd() {
        if (closeStream !== attempt) return;
        scheduleRetry();
      },
    });
    closeStream = attempt;
  }

  function reconnect(fresh: boolean): void {
    closeStream?.();
    closeStream = undefined;
    connect(fresh);
  }

  const onOnline = (): void => {
    if (!stopped && connection() === 'reconnecting') {
      clearTimeout(retryTimer);
      connect();
    }
  };
  window.addEventListener('online', onOnline);

  // Nearly every dashboard has charts: fetch the chart chunk alongside the document, not after the
  // first render (an import() issued from the render's microtask would start only once it finished).
  void loadEcharts().catch(() => undefined);

  api
    .getDashboard(id)
    .then((res) => {
      if (stopped) return;
      if (res.ok) {
        // The stream may already have delivered a newer snapshot; never go back in time.
        const current = store.meta()?.revision ?? -1;
        if (res.value.revision > current) store.applySnapshot(res.value);
        setStatus('ready');
      } else if (res.status === 404 || res.status === 410) {
        return gone();
      }
      if (!closeStream && !retryTimer) connect();
    })
    .catch(() => {
      // Network failure on first load: the stream's snapshot will fill the page once it connects.
      if (!stopped && !closeStream) connect();
    });

  onCleanup(() => {
    window.removeEventListener('online', onOnline);
    stop('closed');
  });

  return {
    id,
    store,
    status,
    connection,
    retryAt,
    reconnectNow: () => {
      if (stopped) return;
      clearTimeout(retryTimer);
      reconnect(false);
    },
  };
}
