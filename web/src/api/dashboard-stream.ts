// The dashboard's live feed, kept alive: resumes with Last-Event-ID, backs off with jitter, notices a dead stream.
import { createSignal, type Accessor } from 'solid-js';
import type { Api } from './client';
import { parseEvent } from './parse';
import { createSseParser } from './sse-parser';
import type { DashboardEvent } from './types';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface StreamOptions {
  /** Silence after which the stream is presumed dead (the server sends a heartbeat every 15 s). */
  staleAfterMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface StreamHooks {
  /** The revision on screen, which a reconnect resumes from; undefined = ask for a snapshot. */
  resumeFrom(): number | undefined;
  /** One event from the server; it may call resync() or stop() on the stream. */
  onEvent(event: DashboardEvent): void;
  /** The server answered 404 (never here) or 410 (expired): the dashboard is gone. The stream has stopped. */
  onGone(status: 404 | 410): void;
}

export interface ResumableStream {
  connection: Accessor<Connection>;
  /** When the next reconnect attempt happens (ms epoch), while reconnecting. */
  retryAt: Accessor<number | undefined>;
  /** Connects unless already connected, waiting to retry, or stopped. */
  start(): void;
  /** Drops the connection and asks for the whole state again (the page could not apply an update). */
  resync(): void;
  /** Skips the wait before the next attempt and resumes now. */
  retryNow(): void;
  /** Ends the feed for good. */
  stop(): void;
}

export function createResumableStream(id: string, api: Api, hooks: StreamHooks, options: StreamOptions = {}): ResumableStream {
  const staleAfter = options.staleAfterMs ?? 45_000;
  const base = options.backoffBaseMs ?? 1000;
  const max = options.backoffMaxMs ?? 30_000;
  const [connection, setConnection] = createSignal<Connection>('connecting');
  const [retryAt, setRetryAt] = createSignal<number>();
  let closeStream: (() => void) | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  /** The server asked for at least this long before the next attempt (429 Retry-After: too many open pages). */
  let notBefore = 0;

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(staleTimer);
    closeStream?.();
    closeStream = undefined;
    window.removeEventListener('online', onOnline);
    setConnection('closed');
    setRetryAt(undefined);
  };

  const scheduleRetry = (): void => {
    if (stopped) return;
    closeStream?.();
    closeStream = undefined;
    clearTimeout(staleTimer);
    setConnection('reconnecting');
    const delay = Math.max(Math.min(max, base * 2 ** failures) * (0.75 + Math.random() * 0.5), notBefore);
    notBefore = 0;
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
    retryTimer = undefined;
    setRetryAt(undefined);
    const parser = createSseParser();
    const revision = hooks.resumeFrom();
    // Resume from what is on screen; the server replays missed updates or sends a fresh snapshot.
    const lastEventId = fresh || revision === undefined ? undefined : String(revision);
    let attempt: (() => void) | undefined;
    attempt = api.openEventStream(id, lastEventId, {
      onOpen(code, retryAfterMs) {
        if (closeStream !== attempt) return;
        if (code === 404 || code === 410) {
          stop();
          return hooks.onGone(code);
        }
        if (code === 429 && retryAfterMs !== undefined) notBefore = retryAfterMs;
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
              hooks.onEvent(event);
            }
          } catch (e) {
            console.warn('mcpdash: ignoring a malformed event', e);
          }
          // onEvent may have replaced this stream (resync): the rest of this chunk belongs to the old one.
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

  function onOnline(): void {
    if (!stopped && connection() === 'reconnecting') {
      clearTimeout(retryTimer);
      connect();
    }
  }
  window.addEventListener('online', onOnline);

  return {
    connection,
    retryAt,
    start() {
      if (!stopped && !closeStream && !retryTimer) connect();
    },
    resync: () => reconnect(true),
    retryNow() {
      if (stopped) return;
      clearTimeout(retryTimer);
      reconnect(false);
    },
    stop,
  };
}
