// Static tokens with a scope: write does everything (as OAuth clients do), append only feeds data to a dashboard it
// is given, read only reads; checked in the tool layer from the verified token, in both protocol eras.
import { afterAll, describe, expect, test } from 'bun:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { authAppsStoppedAfterEach, connectClaude } from '../../helpers/oauth-flow.ts';
import { removeTempDirs, type TestApp } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);
const { startAuth } = authAppsStoppedAfterEach();

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; revision: number; [key: string]: unknown };
}

async function connect(app: TestApp, token: string, era: '2025' | '2026'): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(app.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  const client =
    era === '2025' ? new Client({ name: 'scoped', version: '1' }) : new Client({ name: 'scoped', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(transport);
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

const doc = async (app: TestApp, id: string) => (await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { revision: number; title: string; widgets: { id: string; lines?: string[] }[] };

/** Every tool with arguments that would succeed for a write token on `id` (log widget "log", revision 1 exists). */
const everyCall = (id: string): [string, Record<string, unknown>][] => [
  ['dashboard_open', { dashboard: id, title: 'Renamed' }],
  ['dashboard_set', { dashboard: id, title: 'Replaced' }],
  ['widget_put', { dashboard: id, widgets: [{ id: 'm', kind: 'metric', value: 1 }] }],
  ['data_append', { dashboard: id, widget: 'log', lines: ['fed'] }],
  ['dashboard_get', { dashboard: id }],
  ['dashboard_history', { dashboard: id }],
  ['dashboard_snapshot', { dashboard: id }],
  ['feedback_read', { dashboard: id }],
  ['widget_update', { dashboard: id, widget: 'log', patch: { title: 'x' } }],
  ['widget_remove', { dashboard: id, widgets: ['log'] }],
  ['dashboard_restore', { dashboard: id, revision: 1 }],
];

const ALLOWED = {
  append: ['data_append', 'dashboard_get', 'dashboard_history', 'dashboard_snapshot'],
  read: ['dashboard_get', 'dashboard_history', 'dashboard_snapshot'],
};

describe('token scopes', () => {
  for (const era of ['2025', '2026'] as const) {
    for (const scope of ['append', 'read'] as const) {
      test(`a ${scope} token calls only ${ALLOWED[scope].join(', ')}; every other tool is refused and changes nothing (${era})`, async () => {
        const app = await startAuth();
        const owner = await connect(app, await app.app.auth.staticTokens.create('owner'), era);
        const id = (await call(owner, 'dashboard_open', { title: 'Fed' })).structuredContent!.dashboard_id;
        await call(owner, 'widget_put', { dashboard: id, widgets: [{ id: 'log', kind: 'log', lines: ['start'] }] });
        const limited = await connect(app, await app.app.auth.staticTokens.create(`limited-${scope}`, scope), era);
        for (const [tool, args] of everyCall(id)) {
          const before = await doc(app, id);
          const result = await call(limited, tool, args);
          if (ALLOWED[scope].includes(tool)) {
            expect({ tool, isError: result.isError ?? false }).toEqual({ tool, isError: false });
          } else {
            expect({ tool, isError: result.isError }).toEqual({ tool, isError: true });
            expect(result.content[0]!.text).toContain(`the "${scope}" scope`);
            expect(result.content[0]!.text).toContain('--scope write');
            expect(await doc(app, id)).toEqual(before);
          }
        }
        // A limited token creates nothing: not without a dashboard argument either.
        expect((await call(limited, 'dashboard_open', {})).isError).toBe(true);
        expect((await call(limited, 'dashboard_open', { new: true })).isError).toBe(true);
        expect((await doc(app, id)).widgets[0]!.lines).toEqual(scope === 'append' ? ['start', 'fed'] : ['start']);
      });
    }
  }

  test('write tokens (the default) and OAuth clients keep full access', async () => {
    const app = await startAuth();
    const { tokens } = await connectClaude(app);
    for (const token of [tokens.access_token, await app.app.auth.staticTokens.create('laptop')]) {
      const client = await connect(app, token, '2025');
      const id = (await call(client, 'dashboard_open', { title: 'Full' })).structuredContent!.dashboard_id;
      await call(client, 'widget_put', { dashboard: id, widgets: [{ id: 'log', kind: 'log', lines: ['start'] }] });
      for (const [tool, args] of everyCall(id)) expect({ tool, isError: (await call(client, tool, args)).isError ?? false }).toEqual({ tool, isError: false });
    }
    expect(app.app.auth.staticTokens.list().map((t) => [t.name, t.scope])).toEqual([['laptop', 'write']]);
  });

  test('the console lists each static token with its scope', async () => {
    const app = await startAuth();
    for (const scope of ['write', 'append', 'read'] as const) await app.app.auth.staticTokens.create(`t-${scope}`, scope);
    const signIn = await fetch(`${app.url}/api/console/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://mcpdash.test', host: 'mcpdash.test' },
      body: JSON.stringify({ password: 'correct horse battery staple' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const overview = (await (await fetch(`${app.url}/api/console/overview`, { headers: { cookie, host: 'mcpdash.test' } })).json()) as { tokens: { name: string; scope: string }[] };
    expect(overview.tokens.map((t) => [t.name, t.scope])).toEqual([
      ['t-append', 'append'],
      ['t-read', 'read'],
      ['t-write', 'write'],
    ]);
  });
});
