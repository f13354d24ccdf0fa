// Test double for the owner pages' server API: canned answers, and a record of every call (with its CSRF token).
import type { ConsoleOverview, ConsoleSession, OwnerApi, Sent } from '../../web/src/api/client';
import type { ConsentDetails, ConsentSettled } from '../../web/src/api/types';

export interface FakeOwnerApi extends OwnerApi {
  calls: { name: string; args: unknown[] }[];
  state: { session: ConsoleSession; overview: ConsoleOverview; consent: Sent<ConsentDetails | ConsentSettled>; answer: Sent<{ redirectTo: string }>; signIn: Sent<{ csrf: string }> };
}

const ok = <T,>(value: T): Sent<T> => ({ ok: true, value });

/** What the consent API answers for a registered client asking with a fresh request. */
export function consentDetails(overrides: Partial<ConsentDetails> = {}): ConsentDetails {
  return { clientName: 'Claude', clientKind: 'dcr', redirectHost: 'claude.ai', scopes: ['mcp'], csrf: 'page-csrf', expiresAt: new Date(Date.now() + 600_000).toISOString(), approveCode: 'K7QM3XPA', ownerSignedIn: false, passwordSet: true, ...overrides };
}

export function createFakeOwnerApi(): FakeOwnerApi {
  const calls: FakeOwnerApi['calls'] = [];
  const state: FakeOwnerApi['state'] = {
    session: { signedIn: false, passwordSet: true, auth: true, mcpUrl: 'https://dash.example/mcp' },
    overview: {
      dashboards: { items: [{ id: '0b6f6a52-7b7e-4f55-9a5f-2d7e3b7f1a11', title: 'Sales forecast', updatedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 3_600_000).toISOString() }], total: 1 },
      clients: [{ id: 'mcpd_c_1', name: 'Claude', kind: 'dcr', redirectHosts: ['claude.ai'], createdAt: new Date().toISOString(), lastUsedAt: null }],
      tokens: [{ name: 'laptop', scope: 'append', createdAt: new Date().toISOString(), lastUsedAt: null }],
      usage: { usedBytes: 5 * 1024 * 1024, budgetBytes: 1024 ** 3 },
    },
    consent: ok(consentDetails()),
    answer: ok({ redirectTo: 'https://claude.ai/api/mcp/auth_callback?code=c&state=s' }),
    signIn: ok({ csrf: 'session-csrf' }),
  };
  const record = <T,>(name: string, args: unknown[], value: () => Sent<T>) => {
    calls.push({ name, args });
    return Promise.resolve(value());
  };
  return {
    calls,
    state,
    session: () => record('session', [], () => ok(state.session)),
    signIn: (password) => record('signIn', [password], () => state.signIn),
    setup: (code, password) => record('setup', [code, password], () => ok({ csrf: 'x' })),
    signOut: (csrf) => record('signOut', [csrf], () => ok({})),
    overview: () => record('overview', [], () => ok(state.overview)),
    deleteDashboard: (csrf, id) => record('deleteDashboard', [csrf, id], () => ok({})),
    revokeClient: (csrf, id) => record('revokeClient', [csrf, id], () => ok({})),
    revokeToken: (csrf, name) => record('revokeToken', [csrf, name], () => ok({})),
    consent: (id) => record('consent', [id], () => state.consent),
    answerConsent: (id, answer) => record('answerConsent', [id, answer], () => state.answer),
  };
}
