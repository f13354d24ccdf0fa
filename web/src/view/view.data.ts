// Data for the in-chat view: the first load through the host, then a loop of bounded waits for the next revision
// (the host offers no push), into the same store and feedback state the page uses. Backs off on errors, stops on
// expiry and on teardown.
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { loadEcharts } from '../lib/echarts-loader';
import type { DashboardData, PageStatus } from '../state/dashboard-context';
import { createDashboardStore } from '../state/dashboard-store';
import { createFeedbackState } from '../state/feedback';
import type { Connection } from '../api/dashboard-stream';
import type { BridgeApi, Change } from './bridge-api';

export interface ViewDataOptions {
  /** Pauses after an error: 1 s, doubling up to this. */
  maxBackoffMs?: number;
  /** Least time between two waits, so a dashboard written many times a second cannot make the view spin. */
  minIntervalMs?: number;
}

const randomKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b % 36).toString(36)).join('');

export function createViewData(id: string, api: BridgeApi, stopped: Accessor<boolean>, options: ViewDataOptions = {}): DashboardData {
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const minInterval = options.minIntervalMs ?? 250;
  const store = createDashboardStore();
  const feedback = createFeedbackState(id, { postFeedback: (dashboard, input) => api.postFeedback(dashboard, input) }, () => store.meta()?.feedback ?? false);
  const [status, setStatus] = createSignal<PageStatus>('loading');
  const [connection, setConnection] = createSignal<Connection>('connecting');
  const [retryAt, setRetryAt] = createSignal<number>();
  // One key per view instance (two views of one dashboard in a chat must not end each other's waits).
  const viewKey = randomKey();
  const abort = new AbortController();
  let failures = 0;
  let wakeEarly: (() => void) | undefined;

  const ended = (): boolean => abort.signal.aborted || stopped();
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeEarly = undefined;
        resolve();
      }
      wakeEarly = done;
      abort.signal.addEventListener('abort', done, { once: true });
    });

  /** Applies one answer from the server; false when the view must load the whole document again. */
  const apply = (change: Change): boolean => {
    switch (change.status) {
      case 'document':
        if (change.document.revision !== store.meta()?.revision || status() !== 'ready') store.applySnapshot(change.document);
        feedback.applyNotice({ ...change.inbox, full: true });
        if (change.document.widgets.some((w) => w.kind === 'chart')) void loadEcharts().catch(() => undefined);
        setStatus('ready');
        return true;
      case 'update':
        feedback.applyNotice({ ...change.inbox, full: true });
        return store.applyUpdate(change.update);
      case 'inbox':
        feedback.applyNotice({ ...change.inbox, full: true });
        return true;
      case 'gone':
        setStatus(store.meta() ? 'expired' : 'not-found');
        return true;
      default:
        return true;
    }
  };

  const run = async (): Promise<void> => {
    let needDocument = true;
    while (!ended() && status() !== 'expired' && status() !== 'not-found') {
      const started = Date.now();
      const change: Change = needDocument ? await api.load(id) : await api.wait(id, viewKey, store.meta()!.revision, abort.signal);
      if (ended()) return;
      if (change.status === 'retry') {
        failures++;
        const backoff = Math.max(change.afterMs ?? 0, Math.min(maxBackoff, 1000 * 2 ** (failures - 1)));
        setConnection('reconnecting');
        setRetryAt(Date.now() + backoff);
        await pause(backoff);
        setRetryAt(undefined);
        continue;
      }
      failures = 0;
      setConnection('live');
      needDocument = !apply(change) || (needDocument && change.status !== 'document' && change.status !== 'gone');
      const spent = Date.now() - started;
      if (spent < minInterval) await pause(minInterval - spent);
    }
  };
  void run();

  // Torn down by the host, or unmounted: the pending wait is cancelled and no other starts.
  createEffect(() => {
    if (stopped()) abort.abort();
  });
  onCleanup(() => abort.abort());

  return {
    id,
    store,
    feedback,
    status,
    connection,
    retryAt,
    reconnectNow: () => wakeEarly?.(),
  };
}
