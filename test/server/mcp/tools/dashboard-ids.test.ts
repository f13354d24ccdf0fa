// Dashboard ids are minted by the server only: a `dashboard` argument must name a live dashboard (or the session's
// own default one), in every tool, both protocol eras, auth on and off; nothing is ever created at a chosen id.
import { afterAll, describe, expect, test } from 'bun:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { authAppsStoppedAfterEach } from '../../helpers/oauth-flow.ts';
import { removeTempDirs, type TestApp } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);
const { start, startAuth } = authAppsStoppedAfterEach();

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; revision: number; [key: string]: unknown };
}

/** A real SDK v2 client: 2025-era (initialize, session) or pinned to 2026-07-28 (sessionless); with a token if given. */
async function connect(app: TestApp, era: '2025' | '2026', token?: string): Promise<{ client: Client; sessionId: string | undefined }> {
  const transport = new StreamableHTTPClientTransport(new URL(app.mcpUrl), token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {});
  const client =
    era === '2025'
      ? new Client({ name: 'ids-2025', version: '1' })
      : new Client({ name: 'ids-2026', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(transport);
  return { client, sessionId: transport.sessionId };
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

const status = async (app: TestApp, id: string) => (await fetch(`${app.url}/api/dashboard/${id}`)).status;

// The textbook example UUID, one of the 111... kind, and one that looks random: none was minted by this server.
const CHOSEN = ['123e4567-e89b-12d3-a456-426614174000', '11111111-1111-1111-1111-111111111111', crypto.randomUUID()];

const WRITES: [string, Record<string, unknown>][] = [
  ['dashboard_open', { title: 'Mine now' }],
  ['widget_put', { widgets: [{ id: 'm', kind: 'metric', value: 1 }] }],
  ['dashboard_set', { title: 'Mine now', widgets: [] }],
  ['data_append', { widget: 'log', lines: ['x'] }],
  ['widget_update', { widget: 'm', patch: { value: 2 } }],
  ['widget_remove', { widgets: ['m'] }],
  ['dashboard_restore', { revision: 1 }],
  ['dashboard_get', {}],
  ['dashboard_history', {}],
  ['feedback_read', {}],
];

describe('dashboard ids chosen by a client', () => {
  for (const auth of ['off', 'on'] as const) {
    for (const era of ['2025', '2026'] as const) {
      test(`every tool refuses an unknown id or URL and creates nothing there (${era} client, auth ${auth})`, async () => {
        const app = auth === 'on' ? await startAuth() : await start();
        const token = auth === 'on' ? await app.app.auth.staticTokens.create('script') : undefined;
        const { client } = await connect(app, era, token);
        for (const id of CHOSEN) {
          for (const [tool, args] of WRITES) {
            for (const ref of [id, `https://mcpdash.test/dashboard/${id}`]) {
              const result = await call(client, tool, { ...args, dashboard: ref });
              expect(result.isError).toBe(true);
              expect(result.content[0]!.text).toContain('names no live dashboard');
              expect(result.content[0]!.text).toContain('Omit "dashboard"');
            }
          }
          expect(await status(app, id)).toBe(404);
        }
        // What the error says to do works: dashboard_open without the argument mints a fresh id.
        const opened = await call(client, 'dashboard_open', {});
        expect(opened.isError).toBeFalsy();
        expect(CHOSEN).not.toContain(opened.structuredContent!.dashboard_id);
        await client.close();
      });
    }
  }

  test("a session's own default dashboard works before it exists, by default and by its id; another session cannot claim it", async () => {
    const app = await start();
    const { client, sessionId } = await connect(app, '2025');
    const other = await connect(app, '2025');
    // The other session names this session's id before anything was created there: refused.
    const claim = await call(other.client, 'widget_put', { dashboard: sessionId, widgets: [{ id: 'x', kind: 'metric', value: 1 }] });
    expect(claim.isError).toBe(true);
    expect(await status(app, sessionId!)).toBe(404);
    // The session itself may name its own id before the dashboard exists.
    const own = await call(client, 'widget_put', { dashboard: sessionId, widgets: [{ id: 'a', kind: 'metric', value: 1 }] });
    expect(own.isError).toBeFalsy();
    expect(own.structuredContent!.dashboard_id).toBe(sessionId!);
    // Now it exists, so the other session may write to it.
    expect((await call(other.client, 'widget_put', { dashboard: sessionId, widgets: [{ id: 'b', kind: 'metric', value: 2 }] })).isError).toBeFalsy();

    const fresh = await connect(app, '2025');
    const byDefault = await call(fresh.client, 'dashboard_set', { title: 'Default', widgets: [] });
    expect(byDefault.isError).toBeFalsy();
    expect(byDefault.structuredContent!.dashboard_id).toBe(fresh.sessionId!);
  });

  test('a session whose attached dashboard expired gets a new id from dashboard_open, never the old one again', async () => {
    const app = await start({ ttlMs: 60_000 });
    const first = await connect(app, '2026');
    const old = (await call(first.client, 'dashboard_open', { title: 'Old' })).structuredContent!.dashboard_id;
    const { client } = await connect(app, '2025');
    expect((await call(client, 'dashboard_get', { dashboard: old })).isError).toBeFalsy(); // attaches
    // The session stays in use (its expiry slides), the dashboard sees no write and expires.
    app.clock.advance(40_000);
    await client.listTools();
    app.clock.advance(25_000);
    const put = await call(client, 'widget_put', { widgets: [{ id: 'a', kind: 'metric', value: 1 }] });
    expect(put.isError).toBe(true);
    // 410: it was here and expired (never recreated), as the page says too.
    expect(await status(app, old)).toBe(410);
    const reopened = await call(client, 'dashboard_open', {});
    expect(reopened.isError).toBeFalsy();
    expect(reopened.structuredContent!.dashboard_id).not.toBe(old);
    expect(await status(app, old)).toBe(410);
  });
});
