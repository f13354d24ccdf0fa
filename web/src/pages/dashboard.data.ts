// Data for the dashboard page: the first fetch, then the live feed (web/src/api/dashboard-stream.ts) into the store.
import { createSignal, onCleanup } from 'solid-js';
import type { Api } from '../api/client';
import { createResumableStream, type StreamOptions } from '../api/dashboard-stream';
import type { DashboardEvent } from '../api/types';
import { loadEcharts } from '../lib/echarts-loader';
import type { DashboardData, PageStatus } from '../state/dashboard-context';
import { createDashboardStore } from '../state/dashboard-store';
import { createFeedbackState } from '../state/feedback';

export type DataOptions = StreamOptions;

export function createDashboardData(id: string, api: Api, options: DataOptions = {}): DashboardData {
  const store = createDashboardStore();
  const feedback = createFeedbackState(id, api, () => store.meta()?.feedback ?? false);
  const [status, setStatus] = createSignal<PageStatus>('loading');

  const gone = (status: 404 | 410): void => {
    // 410: the server knows it expired. Seen on this page and now 404: it expired while open (and the server has
    // forgotten it since, e.g. a restart). Otherwise the link was never a dashboard here.
    setStatus(status === 410 || store.meta() ? 'expired' : 'not-found');
    stream.stop();
  };

  const handle = (event: DashboardEvent): void => {
    if (event.type === 'snapshot') {
      store.applySnapshot(event.view);
      setStatus('ready');
    } else if (event.type === 'update') {
      if (!store.applyUpdate(event.update)) stream.resync();
    } else if (event.type === 'inbox') {
      feedback.applyNotice(event.notice);
    } else {
      setStatus('expired');
      stream.stop();
    }
  };

  const stream = createResumableStream(id, api, { resumeFrom: () => store.meta()?.revision, onEvent: handle, onGone: gone }, options);

  api
    .getDashboard(id)
    .then((res) => {
      if (status() === 'not-found' || status() === 'expired') return;
      if (res.ok) {
        // A dashboard with charts starts the chart engine now, not after the first render (an import() from the
        // render's microtask would start only once it finished); the server's Link header already fetched it. A
        // dashboard without charts never downloads it.
        if (res.value.widgets.some((w) => w.kind === 'chart')) void loadEcharts().catch(() => undefined);
        // The stream may already have delivered a newer snapshot; never go back in time.
        const current = store.meta()?.revision ?? -1;
        if (res.value.revision > current) store.applySnapshot(res.value);
        setStatus('ready');
      } else if (res.status === 404 || res.status === 410) {
        return gone(res.status);
      }
      stream.start();
    })
    .catch(() => {
      // Network failure on first load: the stream's snapshot will fill the page once it connects.
      stream.start();
    });

  onCleanup(() => stream.stop());

  return {
    id,
    store,
    feedback,
    status,
    connection: stream.connection,
    retryAt: stream.retryAt,
    reconnectNow: () => stream.retryNow(),
  };
}
