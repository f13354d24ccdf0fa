// request_id on data_append and widget_put: a call retried after its answer was lost is applied once, also after a
// restart, for as long as its revision is in the dashboard's history; the same id for other content is refused.
import { afterAll, describe, expect, test } from 'bun:test';
import type { Client } from '@modelcontextprotocol/client';
import { connectClient, connectModernClient, removeTempDirs, startAppsStoppedAfterEach, type TestApp } from '../../helpers/test-app.ts';

afterAll(removeTempDirs);
const start = startAppsStoppedAfterEach();

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { dashboard_id: string; revision: number; already_applied?: boolean; changed?: string[] };
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;
const doc = async (app: TestApp, id: string) =>
  (await (await fetch(`${app.url}/api/dashboard/${id}`)).json()) as { revision: number; widgets: { id: string; rows?: unknown[]; lines?: string[] }[] };

async function dashboardWithTable(client: Client): Promise<string> {
  const id = (await call(client, 'dashboard_open', { title: 'Retries' })).structuredContent!.dashboard_id;
  await call(client, 'widget_put', { dashboard: id, widgets: [{ id: 't', kind: 'table', columns: [{ key: 'n', type: 'number' }], rows: [] }] });
  return id;
}

describe('request_id', () => {
  test('a retried data_append with the same request_id is applied once and reports the first revision (2025 and 2026 clients)', async () => {
    const app = await start();
    for (const connect of [connectClient, connectModernClient]) {
      const { client } = await connect(app.mcpUrl);
      const id = await dashboardWithTable(client);
      const args = { dashboard: id, widget: 't', rows: [{ n: 1 }], request_id: 'append-0001', expected_revision: 2 };
      const first = await call(client, 'data_append', args);
      expect(first.isError).toBeFalsy();
      expect(first.structuredContent!.revision).toBe(3);
      // Revision 4 in between: an append to the same widget, so history keeps it as one entry with revision 3.
      await call(client, 'data_append', { dashboard: id, widget: 't', rows: [{ n: 2 }] });
      // The retry carries the same expected_revision as its first try: still reported, not a conflict.
      const retry = await call(client, 'data_append', args);
      expect(retry.isError).toBeFalsy();
      expect(retry.structuredContent).toMatchObject({ revision: 3, already_applied: true, changed: [] });
      expect(retry.content[0]!.text).toContain('Already applied: request_id "append-0001" made revision 3');
      const after = await doc(app, id);
      expect(after.revision).toBe(4);
      expect(after.widgets[0]!.rows).toEqual([{ n: 1 }, { n: 2 }]);
      await client.close();
    }
  });

  test('the same request_id with different content is a tool error and changes nothing; keys in another order are the same call', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = await dashboardWithTable(client);
    await call(client, 'widget_put', { dashboard: id, request_id: 'put-1', widgets: [{ id: 'm', kind: 'metric', value: 1, label: 'x' }] });
    const before = await doc(app, id);
    const reordered = await call(client, 'widget_put', { request_id: 'put-1', widgets: [{ label: 'x', value: 1, kind: 'metric', id: 'm' }], dashboard: `${app.url}/dashboard/${id}` });
    expect(reordered.structuredContent).toMatchObject({ already_applied: true, revision: 3 });
    const other = await call(client, 'widget_put', { dashboard: id, request_id: 'put-1', widgets: [{ id: 'm', kind: 'metric', value: 2 }] });
    expect(other.isError).toBe(true);
    expect(other.content[0]!.text).toContain('request_id "put-1" was already used for a different call (revision 3, widget_put)');
    const otherTool = await call(client, 'data_append', { dashboard: id, widget: 't', rows: [{ n: 1 }], request_id: 'put-1' });
    expect(otherTool.isError).toBe(true);
    expect(await doc(app, id)).toEqual(before);
  });

  test('is remembered across a restart, and only for the revisions the history keeps', async () => {
    const first = await start({ historyLimit: 3 });
    const a = await connectModernClient(first.mcpUrl);
    const id = await dashboardWithTable(a.client);
    const args = { dashboard: id, widget: 't', rows: [{ n: 1 }], request_id: 'r-1' };
    expect((await call(a.client, 'data_append', args)).structuredContent!.revision).toBe(3);
    await a.client.close();
    await first.stop();

    const second = await start({ dataDir: first.config.dataDir, historyLimit: 3 });
    const b = await connectModernClient(second.mcpUrl);
    expect((await call(b.client, 'data_append', args)).structuredContent).toMatchObject({ revision: 3, already_applied: true });
    expect((await doc(second, id)).widgets[0]!.rows).toEqual([{ n: 1 }]);
    // An append to the same widget joins revision 3's history entry (coalesced), which keeps remembering r-1.
    const joined = await call(b.client, 'data_append', { dashboard: id, widget: 't', rows: [{ n: 2 }] });
    expect(joined.structuredContent!.revision).toBe(4);
    expect((await call(b.client, 'data_append', args)).structuredContent).toMatchObject({ revision: 3, already_applied: true });
    // Three writes of another kind push that entry out of the kept history: the id is forgotten with it.
    for (const title of ['a', 'b', 'c']) await call(b.client, 'widget_update', { dashboard: id, widget: 't', patch: { title } });
    const late = await call(b.client, 'data_append', args);
    expect(late.structuredContent!.already_applied).toBeUndefined();
    expect((await doc(second, id)).widgets[0]!.rows).toEqual([{ n: 1 }, { n: 2 }, { n: 1 }]);
  });

  test('a request_id is 1-128 visible characters', async () => {
    const app = await start();
    const { client } = await connectClient(app.mcpUrl);
    const id = await dashboardWithTable(client);
    for (const bad of ['', 'x'.repeat(129), 'has space']) {
      const result = await call(client, 'data_append', { dashboard: id, widget: 't', rows: [{ n: 1 }], request_id: bad });
      expect(result.isError).toBe(true);
      expect(result.content[0]!.text).toContain('request_id');
    }
    expect((await call(client, 'data_append', { dashboard: id, widget: 't', rows: [{ n: 1 }], request_id: 'x'.repeat(128) })).isError).toBeFalsy();
    expect((await doc(app, id)).widgets[0]!.rows).toHaveLength(1);
  });
});
