// The OAuth steps a client and the owner take, over real HTTP against a test app: register, authorize, answer the
// consent, exchange the code, refresh. Each returns the raw Response or what the next step needs.
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../../server/config.ts';
import type { AppOptions } from '../../../server/app.ts';
import { rawPost, initializeBody, startAppsStoppedAfterEach, type TestApp } from './test-app.ts';

export const PUBLIC_URL = 'https://mcpdash.test';
export const OWNER_PASSWORD = 'correct horse battery staple';
/** What Claude.ai sends to /register (seen in the wild: anthropics/claude-ai-mcp, PostHog's DCR fix). */
export const CLAUDE_REGISTRATION = {
  redirect_uris: ['https://claude.ai/api/mcp/auth_callback'],
  token_endpoint_auth_method: 'client_secret_post',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  client_name: 'Claude',
};
export const CLAUDE_CALLBACK = 'https://claude.ai/api/mcp/auth_callback';

/**
 * For a test file: starts apps with auth on behind https://mcpdash.test and the owner password set (overrides
 * may change that), each stopped after its test. The plain starter comes along for apps without those settings.
 */
export function authAppsStoppedAfterEach() {
  const start = startAppsStoppedAfterEach();
  const startAuth = async (overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<TestApp> => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true, ...overrides }, options);
    await app.app.auth.owner.applyConfiguredPassword(OWNER_PASSWORD);
    return app;
  };
  return { start, startAuth };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface Registered {
  client_id: string;
  client_secret?: string;
}

export async function register(app: TestApp, body: unknown = CLAUDE_REGISTRATION, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/register`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export async function registerClaude(app: TestApp): Promise<Registered> {
  const res = await register(app);
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (await res.json()) as Registered;
}

export function authorizeUrl(app: TestApp, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  return `${app.url}/authorize?${query}`;
}

export const authorize = (app: TestApp, params: Record<string, string | undefined>) => fetch(authorizeUrl(app, params), { redirect: 'manual' });

/** GET /authorize with sound parameters; returns the pending request id from the consent redirect. */
export async function startConsent(app: TestApp, client: Registered, challenge: string, extra: Record<string, string> = {}): Promise<string> {
  const res = await authorize(app, {
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: CLAUDE_CALLBACK,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st-1',
    resource: `${PUBLIC_URL}/mcp/`,
    scope: 'mcp offline_access',
    ...extra,
  });
  const location = res.headers.get('location') ?? '';
  if (res.status !== 303 || !location.startsWith('consent#')) throw new Error(`authorize: ${res.status} ${location} ${await res.text()}`);
  return location.slice('consent#'.length);
}

export async function consentDetails(app: TestApp, requestId: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/api/consent/${requestId}`, { headers });
}

export function answerConsent(app: TestApp, requestId: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/api/consent/${requestId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Approve with the owner password; returns the redirect URL's parameters. */
export async function approve(app: TestApp, requestId: string, password = OWNER_PASSWORD): Promise<URL> {
  const details = (await (await consentDetails(app, requestId)).json()) as { csrf: string };
  const res = await answerConsent(app, requestId, { csrf: details.csrf, decision: 'approve', password });
  if (res.status !== 200) throw new Error(`approve: ${res.status} ${await res.text()}`);
  return new URL(((await res.json()) as { redirectTo: string }).redirectTo);
}

export function tokenRequest(app: TestApp, form: Record<string, string | undefined>, headers: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  return fetch(`${app.url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

export function exchangeCode(app: TestApp, client: Registered, code: string, verifier: string, extra: Record<string, string> = {}): Promise<Response> {
  return tokenRequest(app, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: CLAUDE_CALLBACK,
    client_id: client.client_id,
    client_secret: client.client_secret,
    resource: `${PUBLIC_URL}/mcp/`,
    ...extra,
  });
}

export function refresh(app: TestApp, client: Registered, refreshToken: string): Promise<Response> {
  return tokenRequest(app, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.client_id, client_secret: client.client_secret });
}

/** Register Claude, approve it and exchange the code: the whole dance, for tests that start after it. */
export async function connectClaude(app: TestApp): Promise<{ client: Registered; tokens: Tokens }> {
  const client = await registerClaude(app);
  const { verifier, challenge } = pkce();
  const redirect = await approve(app, await startConsent(app, client, challenge));
  const res = await exchangeCode(app, client, redirect.searchParams.get('code')!, verifier);
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return { client, tokens: (await res.json()) as Tokens };
}

/** An MCP initialize with a bearer token: 200 when the token is good, 401 otherwise. */
export function mcpWith(app: TestApp, token: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return rawPost(app.mcpUrl, initializeBody(), { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
}
