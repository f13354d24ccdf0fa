// With auth on, a session is not a credential: it serves only the grant whose token created it, and a dashboard link
// (view only) never lets anyone write, whether used as Mcp-Session-Id or as the `dashboard` argument, in either era.
import { afterAll, describe, expect, test } from 'bun:test';
import { authAppsStoppedAfterEach, connectClaude } from '../helpers/oauth-flow.ts';
import { initializeBody, modernPost, rawPost, removeTempDirs, rpcMessages, type TestApp } from '../helpers/test-app.ts';

afterAll(removeTempDirs);
const { startAuth } = authAppsStoppedAfterEach();

const bearer = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

async function openSession(app: TestApp, token: string): Promise<string> {
  const init = await rawPost(app.mcpUrl, initializeBody(), bearer(token));
  expect(init.status).toBe(200);
  await init.text();
  return init.headers.get('mcp-session-id')!;
}

const putNote = (app: TestApp, token: string | undefined, text: string, headers: Record<string, string> = {}, dashboard?: string) =>
  rawPost(
    app.mcpUrl,
    { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'widget_put', arguments: { ...(dashboard ? { dashboard } : {}), widgets: [{ id: 'note', kind: 'markdown', text }] } } },
    { ...bearer(token), ...headers },
  );

const pageText = async (app: TestApp, id: string) => (await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { revision: number; widgets: { text: string }[] };

describe('sessions and dashboard links with auth on', () => {
  test('a session answers only the grant that opened it: another grant or no token gets 404 or 401, and nothing is written', async () => {
    const app = await startAuth();
    const mine = await app.app.auth.staticTokens.create('laptop');
    const theirs = await app.app.auth.staticTokens.create('script');
    const sessionId = await openSession(app, mine);
    const owned = await putNote(app, mine, 'from the owner', { 'mcp-session-id': sessionId });
    expect(owned.status).toBe(200);
    expect((await rpcMessages(owned))[0]!.result.structuredContent.dashboard_id).toBe(sessionId);

    const otherGrant = await putNote(app, theirs, 'hijacked', { 'mcp-session-id': sessionId });
    expect(otherGrant.status).toBe(404);
    expect((await otherGrant.json()) as object).toMatchObject({ error: { code: -32001 } });
    const noToken = await putNote(app, undefined, 'hijacked', { 'mcp-session-id': sessionId });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toContain('resource_metadata="https://mcpdash.test/.well-known/oauth-protected-resource/mcp"');
    expect((await pageText(app, sessionId)).widgets[0]!.text).toBe('from the owner');
    // The owner's own session still works afterwards.
    expect((await putNote(app, mine, 'still mine', { 'mcp-session-id': sessionId })).status).toBe(200);
  });

  test('a view link is no write access: as a session id or a dashboard argument without a token, in both eras, it gets 401', async () => {
    const app = await startAuth();
    const { tokens } = await connectClaude(app);
    const sessionId = await openSession(app, tokens.access_token);
    expect((await putNote(app, tokens.access_token, 'the real page', { 'mcp-session-id': sessionId })).status).toBe(200);
    const link = `https://mcpdash.test/dashboard/${sessionId}`;
    const before = await pageText(app, sessionId);

    expect((await putNote(app, undefined, 'defaced', { 'mcp-session-id': sessionId })).status).toBe(401);
    expect((await putNote(app, undefined, 'defaced', {}, link)).status).toBe(401);
    const modern = await modernPost(app.mcpUrl, 8, 'tools/call', { name: 'widget_put', arguments: { dashboard: link, widgets: [{ id: 'note', kind: 'markdown', text: 'defaced' }] } });
    expect(modern.status).toBe(401);
    expect(await pageText(app, sessionId)).toEqual(before);
  });

  test('every approved client acts for the owner: another grant may write the dashboard by passing its id', async () => {
    const app = await startAuth();
    const first = await app.app.auth.staticTokens.create('first');
    const second = await app.app.auth.staticTokens.create('second');
    const sessionId = await openSession(app, first);
    expect((await putNote(app, first, 'one', { 'mcp-session-id': sessionId })).status).toBe(200);
    const other = await putNote(app, second, 'two', {}, sessionId);
    expect(other.status).toBe(200);
    expect((await pageText(app, sessionId)).widgets[0]!.text).toBe('two');
  });
});
