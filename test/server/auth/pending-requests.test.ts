// Authorization requests waiting for the owner: each answered once, gone after their time, bounded in number.
import { describe, expect, test } from 'bun:test';
import { createPendingRequests } from '../../../server/auth/pending-requests.ts';

const fields = (name = 'Claude') => ({
  client: { id: 'mcpd_c_1', kind: 'dcr' as const, name },
  redirectUri: 'https://claude.ai/api/mcp/auth_callback',
  state: 's',
  codeChallenge: 'c'.repeat(43),
  scope: 'mcp',
  resource: 'https://dash.example.test/mcp',
});

describe('pending requests', () => {
  test('a request gets an unguessable id and a separate CSRF token, and is taken only once', () => {
    const pending = createPendingRequests({ now: () => 0 });
    const request = pending.add(fields());
    expect(request.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.csrf).not.toBe(request.id);
    expect(pending.get(request.id)).toEqual(request);
    expect(pending.take(request.id)).toEqual(request);
    expect(pending.take(request.id)).toBeUndefined();
    expect(pending.get(request.id)).toBeUndefined();
  });

  test('a request past its time is gone (10 minutes by default)', () => {
    let now = 1_000;
    const pending = createPendingRequests({ now: () => now });
    const request = pending.add(fields());
    now += 10 * 60_000 - 1;
    expect(pending.get(request.id)).toBeDefined();
    now += 1;
    expect(pending.get(request.id)).toBeUndefined();
    expect(pending.take(request.id)).toBeUndefined();
  });

  test('a flood of starts pushes out the oldest unanswered ones, never more than the bound', () => {
    const pending = createPendingRequests({ now: () => 0, maxEntries: 3 });
    const ids = ['a', 'b', 'c', 'd'].map((name) => pending.add(fields(name)).id);
    expect(pending.get(ids[0]!)).toBeUndefined();
    for (const id of ids.slice(1)) expect(pending.get(id)).toBeDefined();
  });
});
