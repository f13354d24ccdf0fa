// Dev-only fixture server (Bun.serve): serves web/dist plus /api/info, a dashboard view and its SSE stream.
// POST /dev/<id>/put with a widget JSON body publishes an update, so live updates can be watched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDashboard, setDashboard } from '../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS } from '../../server/dashboard/limits.ts';
import { toView } from '../../server/dashboard/view.ts';
import { CONTENT_SECURITY_POLICY as CSP } from '../../server/http/middleware/security-headers.ts';

const DIST = process.env.DEV_DIST ?? join(import.meta.dir, '..', 'dist');
const EXAMPLE = process.argv[3] ?? join(import.meta.dir, '..', '..', 'test', 'fixtures', 'portfolio.json');
const PORT = Number(process.argv[2] ?? 5178);

type View = Record<string, unknown> & { widgets: Record<string, unknown>[]; revision: number };
const docs = new Map<string, View>();
const listeners = new Map<string, Set<(chunk: string) => void>>();

/** The example as the real server would serve it: same validation, same chart conversion (server/dashboard is pure). */
function exampleView(id: string): View {
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { title: string; description?: string; widgets: unknown[] };
  const fresh = createDashboard({ id: crypto.randomUUID(), now: new Date(), ttlMs: 86_400_000 });
  const { doc } = setDashboard(fresh, example, DEFAULT_LIMITS);
  return { ...toView({ ...doc, revision: 1 }), id } as View;
}

function view(id: string): View | undefined {
  if (!docs.has(id) && id === 'demo') docs.set(id, exampleView(id));
  return docs.get(id);
}

const enc = new TextEncoder();
const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

function events(id: string, v: View): Response {
  let send: (chunk: string) => void = () => undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream({
    start(controller) {
      send = (chunk) => controller.enqueue(enc.encode(chunk));
      send(`event: snapshot\nid: ${v.revision}\ndata: ${JSON.stringify(v)}\n\n`);
      if (!listeners.has(id)) listeners.set(id, new Set());
      listeners.get(id)!.add(send);
      timer = setInterval(() => send(': heartbeat\n\n'), 15_000);
    },
    cancel() {
      clearInterval(timer);
      listeners.get(id)?.delete(send);
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' } });
}

function put(id: string, v: View, widget: Record<string, unknown>): void {
  const i = v.widgets.findIndex((w) => w.id === widget.id);
  if (i === -1) v.widgets.push(widget);
  else v.widgets[i] = widget;
  v.revision++;
  v.updatedAt = new Date().toISOString();
  const update = { revision: v.revision, updatedAt: v.updatedAt, expiresAt: v.expiresAt, title: v.title, description: v.description, theme: v.theme,
    order: v.widgets.map((w) => w.id), changed: [widget], removed: [] };
  for (const send of listeners.get(id) ?? []) send(`event: update\nid: ${v.revision}\ndata: ${JSON.stringify(update)}\n\n`);
}

const server = Bun.serve({
  port: PORT,
  idleTimeout: 60,
  async fetch(req) {
    const url = new URL(req.url);
    const p = url.pathname;
    if (p === '/api/info') return json({ name: 'mcpdash', version: '0.1.0', mcpUrl: `${url.origin}/mcp`, publicUrl: url.origin });
    let m = /^\/api\/dashboard\/([^/]+)(\/events)?$/.exec(p);
    if (m) {
      const v = view(decodeURIComponent(m[1]!));
      if (!v) return json({ error: { code: 'not_found', message: 'no such dashboard' } }, 404);
      return m[2] ? events(v.id as string, v) : json(v);
    }
    m = /^\/dev\/([^/]+)\/put$/.exec(p);
    if (m && req.method === 'POST') {
      const v = view(m[1]!);
      if (!v) return json({ error: 'not found' }, 404);
      put(m[1]!, v, (await req.json()) as Record<string, unknown>);
      return json({ ok: true, revision: v.revision });
    }
    // Built files (hashed assets and public/ copies such as warm-intl.js) by name; every other path is the SPA.
    const isBuiltFile = /^\/[\w.-]+(\/[\w.-]+)*$/.test(p) && !p.includes('..') && p !== '/index.html';
    const built = isBuiltFile ? Bun.file(join(DIST, p)) : undefined;
    const file = built && (await built.exists()) ? built : Bun.file(join(DIST, 'index.html'));
    if (!(await file.exists())) return new Response('not found', { status: 404 });
    return new Response(file, { headers: { 'content-security-policy': CSP } });
  },
});
console.log(`dev server on http://127.0.0.1:${server.port}/dashboard/demo`);
