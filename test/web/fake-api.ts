// Test double for the page's server API: a controllable dashboard fetch and event stream that speaks raw SSE text.
import type { Api, EventStreamHandlers, Fetched } from '../../web/src/api/client';
import type { DashboardView, FeedbackInput, SendResult, ServerInfo, WidgetView } from '../../web/src/api/types';

export interface FakeStream {
  lastEventId: string | undefined;
  handlers: EventStreamHandlers;
  closed: boolean;
  /** Sends raw text/event-stream bytes, exactly as the server would. */
  send(text: string): void;
}

export interface FakeApi extends Api {
  streams: FakeStream[];
  resolveDashboard(result: Fetched<DashboardView>): void;
  /** Every feedback the page sent, in order. */
  sent: FeedbackInput[];
  /** How the fake server answers a send (default: stored with the next id). */
  answerFeedback: (input: FeedbackInput, id: number) => SendResult;
}

export function createFakeApi(info?: ServerInfo): FakeApi {
  let resolve!: (r: Fetched<DashboardView>) => void;
  const dashboard = new Promise<Fetched<DashboardView>>((r) => (resolve = r));
  const streams: FakeStream[] = [];
  const fake: FakeApi = {
    streams,
    sent: [],
    answerFeedback: (_input, id) => ({ ok: true, id, at: new Date().toISOString() }),
    async postFeedback(_id, input) {
      fake.sent.push(input);
      return fake.answerFeedback(input, fake.sent.length);
    },
    resolveDashboard: (r) => resolve(r),
    getInfo: async () => (info ? { ok: true, value: info } : { ok: false, status: 500 }),
    getDashboard: () => dashboard,
    openEventStream(_id, lastEventId, handlers) {
      const s: FakeStream = { lastEventId, handlers, closed: false, send: (t) => handlers.onText(t) };
      streams.push(s);
      return () => {
        s.closed = true;
      };
    },
  };
  return fake;
}

export function view(widgets: WidgetView[], revision = 1, extra: Partial<DashboardView> = {}): DashboardView {
  return {
    id: 'd1', title: 'Test board', theme: 'light', feedback: true, widgets, revision,
    createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(), ...extra,
  };
}

export const sse = (event: string, data: unknown, id?: number): string =>
  `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;

export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));
