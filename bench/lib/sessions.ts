// Creating many MCP sessions over raw HTTP, for the session sections of the benchmark.
import { INITIALIZE_BODY, mcpHeaders, openSession, rssMiB } from './mcp-http.ts';

const INITIALIZED_BODY = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

/** initialize + notifications/initialized, `count` times over `concurrency` loops; returns the failures. */
export async function createSessions(url: string, count: number, concurrency: number): Promise<number> {
  let next = 0;
  let failures = 0;
  const loop = async () => {
    while (next < count) {
      next++;
      const init = await fetch(url, { method: 'POST', headers: mcpHeaders(), body: INITIALIZE_BODY });
      await init.arrayBuffer();
      const id = init.headers.get('mcp-session-id');
      if (init.status !== 200 || !id) {
        failures++;
        continue;
      }
      const ack = await fetch(url, { method: 'POST', headers: mcpHeaders(id), body: INITIALIZED_BODY });
      await ack.arrayBuffer();
      if (ack.status !== 202) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return failures;
}

/** One ping on a session; returns the HTTP status. */
export async function ping(url: string, sessionId: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: mcpHeaders(sessionId), body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' });
  await response.arrayBuffer();
  return response.status;
}

/** RSS (MiB) once one session has been used a little and the process has settled; returns that session too. */
export async function settledRss(url: string, pid: number): Promise<{ rss: number; first: string }> {
  const first = await openSession(url);
  for (let i = 0; i < 50; i++) await ping(url, first);
  await Bun.sleep(1_000);
  return { rss: await rssMiB(pid), first };
}
