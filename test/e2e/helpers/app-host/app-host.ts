// The test host for the in-chat view: two small servers on two origins (the host page on 127.0.0.1, the sandbox proxy
// on localhost), Chromium with every other origin blocked, and an SDK v2 MCP client in the test process that answers
// the bridge's tool calls and resource reads against the server under test.
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { SANDBOX_PROXY_HTML } from './sandbox-proxy.ts';

export interface HostLogEntry {
  kind: string;
  data: any;
  at: number;
}

export interface AppHost {
  page: Page;
  context: BrowserContext;
  /** Requests that went anywhere but the host and proxy origins (each was refused). */
  foreign: string[];
  /** Every request the browser made (URL), in order. */
  requests: string[];
  log: HostLogEntry[];
  proxyUrl: string;
  /** The frame that holds the view (inside the proxy frame). */
  viewFrame(): Promise<Frame>;
  close(): Promise<void>;
}

let bundled: Promise<string> | undefined;

/** host-page.ts bundled for the browser (AppBridge and its SDK imports included). */
function hostScript(): Promise<string> {
  bundled ??= Bun.build({ entrypoints: [join(import.meta.dir, 'host-page.ts')], target: 'browser', minify: false }).then(async (out) => {
    if (!out.success) throw new Error(`host page bundle failed: ${out.logs.join('\n')}`);
    return out.outputs[0]!.text();
  });
  return bundled;
}

export async function startAppHost(browser: Browser, client: () => Client, options: { width?: number; height?: number } = {}): Promise<AppHost> {
  const script = await hostScript();
  const html = '<!doctype html><html><head><meta charset="utf-8"><title>test host</title></head><body style="margin:0"><script type="module" src="/host.js"></script></body></html>';
  const hostServer = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: (req) =>
      new URL(req.url).pathname === '/host.js'
        ? new Response(script, { headers: { 'content-type': 'text/javascript' } })
        : new Response(html, { headers: { 'content-type': 'text/html' } }),
  });
  const proxyServer = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response(SANDBOX_PROXY_HTML, { headers: { 'content-type': 'text/html' } }) });
  const hostOrigin = `http://127.0.0.1:${hostServer.port}`;
  // Another host name, so another origin: the view never shares the host page's origin.
  const proxyOrigin = `http://localhost:${proxyServer.port}`;

  const context = await browser.newContext({ viewport: { width: (options.width ?? 700) + 40, height: options.height ?? 900 } });
  const foreign: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    const origin = new URL(url).origin;
    if (origin === hostOrigin || origin === proxyOrigin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const log: HostLogEntry[] = [];
  await page.exposeFunction('hostLog', (kind: string, data: unknown) => void log.push({ kind, data, at: Date.now() }));
  await page.exposeFunction('mcpRequest', async (method: string, params: any) => {
    if (method === 'tools/call') return client().callTool(params);
    if (method === 'resources/read') return client().readResource(params);
    throw new Error(`the test host forwards no ${method}`);
  });
  await page.goto(hostOrigin + '/');
  await page.waitForFunction(() => typeof (window as { mountView?: unknown }).mountView === 'function');

  return {
    page,
    context,
    foreign,
    requests,
    log,
    proxyUrl: proxyOrigin + '/',
    async viewFrame() {
      for (let i = 0; i < 100; i++) {
        const frame = page.frames().find((f) => f.parentFrame()?.parentFrame() === page.mainFrame());
        if (frame) return frame;
        await Bun.sleep(50);
      }
      throw new Error('the view frame did not appear');
    },
    async close() {
      await context.close();
      hostServer.stop(true);
      proxyServer.stop(true);
    },
  };
}

/** In the view frame: resolves (wall-clock ms) once `widgets` widgets are in place and every chart canvas has pixels. */
export async function waitForViewDrawn(frame: Frame, widgets: number, timeoutMs = 20_000): Promise<number> {
  const handle = await frame.waitForFunction(
    (expected) => {
      const all = document.querySelectorAll('[data-widget-id]');
      if (all.length < expected) return false;
      const charts = [...document.querySelectorAll('.kind-chart .chart')];
      for (const chart of charts) {
        const canvas = chart.querySelector('canvas');
        if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
        const probe = document.createElement('canvas');
        probe.width = 32;
        probe.height = 32;
        const ctx = probe.getContext('2d')!;
        ctx.drawImage(canvas, 0, 0, 32, 32);
        const pixels = ctx.getImageData(0, 0, 32, 32).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
        if (inked < 8) return false;
      }
      return Date.now();
    },
    widgets,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}
