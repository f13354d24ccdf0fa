// GET /healthz for uptime checks and GET /api/info for the home page: what this server is and how to connect.
import { Hono } from 'hono';
import type { ServerInfo } from '../../dashboard/wire.ts';
import { VERSION } from '../../version.ts';

export function createHealthRoutes(info: { baseUrl: () => string; ttlMs?: number }): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true, version: VERSION }));
  app.get('/api/info', (c) => {
    const publicUrl = info.baseUrl();
    return c.json({ name: 'mcpdash', version: VERSION, mcpUrl: `${publicUrl}/mcp`, publicUrl, ttlMs: info.ttlMs } satisfies ServerInfo);
  });
  return app;
}
