// startApp as main runs it: shutdown lets an in-flight tool call finish, then closes the store.
import { afterAll, describe, expect, test } from 'bun:test';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import { startApp } from '../../server/app.ts';
import { silentLogger } from '../../server/logger.ts';
import { connectClient, testConfig, removeTempDirs } from './helpers/test-app.ts';

afterAll(removeTempDirs);

let markStarted: () => void = () => undefined;
const slowStarted = new Promise<void>((resolve) => (markStarted = resolve));
const slow = (server: McpServer) => {
  server.registerTool('slow', { description: 'answers after a delay', inputSchema: { ms: z.number() } }, async ({ ms }) => {
    markStarted();
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { content: [{ type: 'text', text: 'done' }] };
  });
};

describe('startApp', () => {
  test('stop() lets an in-flight tool call finish and ends open page streams', async () => {
    const running = await startApp(testConfig(), silentLogger, { plugins: [slow] });
    const { client } = await connectClient(running.mcpUrl);
    const opened = (await client.callTool({ name: 'dashboard_open', arguments: {} })) as unknown as { structuredContent: { dashboard_id: string } };
    const page = await fetch(`${running.baseUrl}/api/dashboard/${opened.structuredContent.dashboard_id}/events`);
    const pageDone = page.body!.pipeTo(new WritableStream()).then(() => 'ended', () => 'ended');
    const call = client.callTool({ name: 'slow', arguments: { ms: 400 } });
    await slowStarted; // the call is in the handler: shutdown must let it finish
    const started = performance.now();
    await running.stop();
    const result = (await call) as { content: { text: string }[] };
    expect(result.content[0]!.text).toBe('done');
    expect(await pageDone).toBe('ended');
    // Waited for the call, not for the 5 s drain timeout.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
