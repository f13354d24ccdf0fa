// The only module that talks to the network: fetches JSON, streams dashboard events, sends feedback (same origin only).
import { parseView } from './parse';
import type { ConsentDetails, ConsentSettled, DashboardView, FeedbackInput, SendResult, ServerInfo } from './types';

export type Fetched<T> = { ok: true; value: T } | { ok: false; status: number };

export interface EventStreamHandlers {
  /** Called once the server answered; a non-200 status ends the attempt (after a 429, retryAfterMs says when to retry). */
  onOpen(status: number, retryAfterMs?: number): void;
  /** Decoded text as it arrives; the caller parses it. */
  onText(chunk: string): void;
  /** The stream ended (server closed, network failed, or heartbeat lost). */
  onEnd(error?: unknown): void;
}

/** Opens one connection to the dashboard event stream; returns a function that closes it. */
export type OpenEventStream = (dashboardId: string, lastEventId: string | undefined, handlers: EventStreamHandlers) => () => void;

/** Everything the pages need from the server; tests pass their own implementation. */
export interface Api {
  getInfo(): Promise<Fetched<ServerInfo>>;
  getDashboard(id: string): Promise<Fetched<DashboardView>>;
  openEventStream: OpenEventStream;
  /** What a person answers, comments, clicks or writes on the page. */
  postFeedback(dashboardId: string, input: FeedbackInput): Promise<SendResult>;
}

const enc = encodeURIComponent;

async function getJson(path: string): Promise<Fetched<unknown>> {
  const res = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) return { ok: false, status: res.status };
  return { ok: true, value: await res.json() };
}

export async function getInfo(): Promise<Fetched<ServerInfo>> {
  const res = await getJson('/api/info');
  return res.ok ? { ok: true, value: res.value as ServerInfo } : res;
}

export async function getDashboard(id: string): Promise<Fetched<DashboardView>> {
  const res = await getJson(`/api/dashboard/${enc(id)}`);
  return res.ok ? { ok: true, value: parseView(res.value) } : res;
}

/**
 * SSE over fetch rather than EventSource: EventSource cannot send Last-Event-ID on a reconnect we
 * start ourselves, and gives up silently on a non-200 answer, while we need the 404 to show "expired".
 */
export const openEventStream: OpenEventStream = (dashboardId, lastEventId, handlers) => {
  const abort = new AbortController();
  let ended = false;
  const end = (error?: unknown): void => {
    if (ended) return;
    ended = true;
    handlers.onEnd(error);
  };
  (async () => {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    const res = await fetch(`/api/dashboard/${enc(dashboardId)}/events`, { headers, cache: 'no-store', signal: abort.signal });
    const retryAfter = Number(res.headers.get('Retry-After'));
    handlers.onOpen(res.status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      return end();
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      handlers.onText(value);
    }
    end();
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) end(error);
  });
  return () => {
    ended = true;
    abort.abort();
  };
};

/** Sends feedback; a refusal comes back with the server's message (it is written for the person). */
export async function postFeedback(dashboardId: string, input: FeedbackInput): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch(`/api/dashboard/${enc(dashboardId)}/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(input),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, message: 'Could not reach the server. Check the connection and try again.' };
  }
  const body = (await res.json().catch(() => undefined)) as { id?: unknown; at?: unknown; error?: { message?: unknown } } | undefined;
  if (res.ok && typeof body?.id === 'number') return { ok: true, id: body.id, at: typeof body.at === 'string' ? body.at : '' };
  const message = typeof body?.error?.message === 'string' ? body.error.message : `The server refused it (HTTP ${res.status}).`;
  return { ok: false, status: res.status, message };
}

export const httpApi: Api = { getInfo, getDashboard, openEventStream, postFeedback };

// ---- The owner's pages (console, setup, consent): same-origin JSON, the session in an HttpOnly cookie. ----

export interface ConsoleSession {
  signedIn: boolean;
  passwordSet: boolean;
  /** Whether /mcp needs a token on this server. */
  auth: boolean;
  mcpUrl: string;
  /** Present when signed in: sent back in X-CSRF-Token with every change. */
  csrf?: string;
}

export interface ConsoleOverview {
  dashboards: { items: { id: string; title: string; updatedAt: string; expiresAt: string }[]; total: number };
  clients: { id: string; name: string; kind: 'dcr' | 'cimd'; redirectHosts: string[]; createdAt: string | null; lastUsedAt: string | null }[];
  tokens: { name: string; scope: 'write' | 'append' | 'read'; createdAt: string | null; lastUsedAt: string | null }[];
  usage: { usedBytes: number; budgetBytes?: number };
  /** Addresses locked out after wrong passwords, and whether attempts are being slowed (server/http/password-backoff.ts). */
  passwordAttempts?: { locked: { address: string; failures: number; until: string }[]; slowed: boolean };
}


/** A request's outcome: the value, or the server's message (and when to retry after a 429). */
export type Sent<T> = { ok: true; value: T } | { ok: false; status: number; message: string; retryAfterSeconds?: number };

export interface OwnerApi {
  session(): Promise<Sent<ConsoleSession>>;
  signIn(password: string): Promise<Sent<{ csrf: string }>>;
  setup(code: string, password: string): Promise<Sent<{ csrf: string }>>;
  signOut(csrf: string): Promise<Sent<unknown>>;
  overview(): Promise<Sent<ConsoleOverview>>;
  deleteDashboard(csrf: string, id: string): Promise<Sent<unknown>>;
  revokeClient(csrf: string, id: string): Promise<Sent<unknown>>;
  revokeToken(csrf: string, name: string): Promise<Sent<unknown>>;
  /** The request, or (approved with `mcpdash owner approve`) where the browser goes next. */
  consent(requestId: string): Promise<Sent<ConsentDetails | ConsentSettled>>;
  answerConsent(requestId: string, answer: { csrf: string; decision: 'approve' | 'deny'; password?: string }): Promise<Sent<{ redirectTo: string }>>;
}

async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown, csrf?: string): Promise<Sent<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, message: 'The server cannot be reached.' };
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, value: json as T };
  const message = (json as { error?: { message?: unknown } } | undefined)?.error?.message;
  const retry = Number(res.headers.get('Retry-After'));
  return {
    ok: false,
    status: res.status,
    message: typeof message === 'string' ? message : `The server answered ${res.status}.`,
    ...(retry > 0 ? { retryAfterSeconds: retry } : {}),
  };
}

export const httpOwnerApi: OwnerApi = {
  session: () => send('GET', '/api/console/session'),
  signIn: (password) => send('POST', '/api/console/sign-in', { password }),
  setup: (code, password) => send('POST', '/api/console/setup', { code, password }),
  signOut: (csrf) => send('POST', '/api/console/sign-out', {}, csrf),
  overview: () => send('GET', '/api/console/overview'),
  deleteDashboard: (csrf, id) => send('POST', '/api/console/dashboards/delete', { id }, csrf),
  revokeClient: (csrf, id) => send('POST', '/api/console/clients/revoke', { id }, csrf),
  revokeToken: (csrf, name) => send('POST', '/api/console/tokens/revoke', { name }, csrf),
  consent: (requestId) => send('GET', `/api/consent/${enc(requestId)}`),
  answerConsent: (requestId, answer) => send('POST', `/api/consent/${enc(requestId)}`, answer),
};
