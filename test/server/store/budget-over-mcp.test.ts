// Writes past the data budget (--max-data) as a client makes them: through MCP and HTTP on the real app, LMDB in a
// temp dir. A refused write is a tool error that says why and changes nothing; reading, pages and session DELETE
// keep working; expiry makes room again; a new session past the budget is a JSON-RPC error, not a crash.
import { afterAll, describe, expect, test } from 'bun:test';
import type { Client } from '@modelcontextprotocol/client';
import { prose } from '../../fixtures/prose.ts';
import { connectClient, initializeBody, rawPost, removeTempDirs, rpcMessages, startAppsStoppedAfterEach, type TestApp } from '../helpers/test-app.ts';

afterAll(removeTempDirs);

const MiB = 1024 * 1024;
const start = startAppsStoppedAfterEach();

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; revision: number };
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

const pageJson = async (app: TestApp, id: string) => {
  const response = await fetch(`${app.url}/api/dashboard/${id}`);
  return { status: response.status, text: await response.text() };
};

/**
 * A 2 MiB budget filled by one conversation: widget_put of ever smaller widgets until even the smallest is refused,
 * so the budget is full to within a few KiB. Also returns the last refusal and the page JSON from just before it.
 */
async function fullApp() {
  const app = await start({ maxDataBytes: 2 * MiB });
  const { client, transport } = await connectClient(app.mcpUrl);
  const id = (await call(client, 'dashboard_open', { title: 'Budget' })).structuredContent!.dashboard_id;
  let refusal: ToolResult | undefined;
  let before = '';
  let widgets = 0;
  for (const size of [90_000, 12_000, 2_000]) {
    for (let i = 0; i < 100; i++) {
      before = (await pageJson(app, id)).text;
      const result = await call(client, 'widget_put', { dashboard: id, widgets: [{ id: `notes-${widgets}`, kind: 'markdown', text: prose(size, widgets) }] });
      widgets++;
      if (result.isError) {
        refusal = result;
        break;
      }
    }
  }
  return { app, client, transport, id, refusal: refusal!, before, widgets };
}

describe('data budget over MCP', () => {
  test('refuses the write that would pass --max-data with a tool error that says why, and changes nothing', async () => {
    const { app, client, transport, id, refusal, before, widgets } = await fullApp();
    expect(widgets).toBeGreaterThan(10);
    expect(refusal.isError).toBe(true);
    expect(refusal.content[0]!.text).toMatch(/^widget_put failed: the server's data budget is full: [\d.]+ (MiB|KiB) of 2\.00 MiB is in use and this change needs about [\d.]+ (KiB|B) more, so nothing was written\./);
    expect(refusal.content[0]!.text).toContain('deletes dashboards in the owner console');
    expect(refusal.content[0]!.text).toContain('expire');
    // The stored document is byte for byte what it was before the refused write.
    const after = await pageJson(app, id);
    expect(after.status).toBe(200);
    expect(after.text).toBe(before);
    expect(app.app.store.budget.usage().usedBytes).toBeLessThanOrEqual(2 * MiB);

    // Other writes are refused the same way; reads, history and the page still answer.
    const update = await call(client, 'widget_update', { dashboard: id, widget: 'notes-0', patch: { text: prose(90_000, 12_345) } });
    expect(update.isError).toBe(true);
    expect(update.content[0]!.text).toContain("widget_update failed: the server's data budget is full");
    expect((await pageJson(app, id)).text).toBe(before);
    const got = await call(client, 'dashboard_get', { dashboard: id });
    expect(got.isError).toBeFalsy();
    expect(got.content[0]!.text).toContain('notes-0');
    expect((await call(client, 'dashboard_history', { dashboard: id })).isError).toBeFalsy();

    // Ending the session still works, and it is gone afterwards.
    const sessionId = transport.sessionId!;
    await transport.terminateSession();
    const gone = await rawPost(app.mcpUrl, { jsonrpc: '2.0', id: 9, method: 'tools/list' }, { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' });
    expect(gone.status).toBe(404);
  }, 60_000);

  test('after the dashboards expire and are swept, writes succeed again', async () => {
    const { app, id } = await fullApp();
    const full = app.app.store.budget.usage().usedBytes;

    app.clock.advance(app.config.ttlMs + 1_000);
    expect(await app.app.sweeper.sweep()).toBeGreaterThanOrEqual(2);
    expect(app.app.store.budget.usage().usedBytes).toBeLessThan(full / 4);
    expect((await pageJson(app, id)).status).toBe(410); // swept, and still said to have expired

    // The old session expired with its dashboard: a new conversation starts and writes as much as before.
    const fresh = await connectClient(app.mcpUrl);
    const next = (await call(fresh.client, 'dashboard_open', { title: 'Again' })).structuredContent!.dashboard_id;
    const put = await call(fresh.client, 'widget_put', { dashboard: next, widgets: [{ id: 'notes', kind: 'markdown', text: prose(90_000, 1) }] });
    expect(put.isError).toBeFalsy();
    expect(put.structuredContent!.revision).toBe(2);
  }, 60_000);

  test('refuses a new session past the budget with a JSON-RPC error, and keeps serving the others', async () => {
    const { app, client, id } = await fullApp();
    let refused: { status: number; messages: Awaited<ReturnType<typeof rpcMessages>> } | undefined;
    for (let i = 0; i < 2_000 && !refused; i++) {
      const response = await rawPost(app.mcpUrl, initializeBody(i));
      if (response.status !== 200) refused = { status: response.status, messages: await rpcMessages(response) };
      else await response.body?.cancel();
    }
    expect(refused).toBeDefined();
    // 507 Insufficient Storage, and the refusal is the message itself (not a "Parse error" with the reason buried).
    expect(refused!.status).toBe(507);
    const [message] = refused!.messages;
    expect(message!.result).toBeUndefined();
    expect(message!.error.message).toContain("the server's data budget is full");
    // The server carries on: existing sessions, pages and health answer.
    expect((await call(client, 'dashboard_get', { dashboard: id })).isError).toBeFalsy();
    expect((await pageJson(app, id)).status).toBe(200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
