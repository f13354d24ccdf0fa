// Serves the ECharts peer page (main.ts, bundled here with Bun.build) and a fixed dashboard document.
// startEchartsPeer(json) -> { url, stop }: the page at `url` fetches /dashboard.json and draws its charts.
import { join } from 'node:path';

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ECharts peer</title>
<script type="module" src="/peer.js"></script></head><body style="margin:16px;font-family:sans-serif"><div id="root"></div></body></html>`;

export async function startEchartsPeer(dashboardJson: string): Promise<{ url: string; stop: () => void }> {
  const built = await Bun.build({ entrypoints: [join(import.meta.dir, 'main.ts')], target: 'browser', format: 'esm', minify: true, define: { 'process.env.NODE_ENV': '"production"' } });
  if (!built.success) throw new Error(`echarts peer bundle failed: ${built.logs.join('\n')}`);
  const script = await built.outputs[0]!.text();
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch(req) {
      const path = new URL(req.url).pathname;
      const headers = { 'cache-control': 'no-store' };
      if (path === '/peer.js') return new Response(script, { headers: { ...headers, 'content-type': 'text/javascript' } });
      if (path === '/dashboard.json') return new Response(dashboardJson, { headers: { ...headers, 'content-type': 'application/json' } });
      return new Response(HTML, { headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/`, stop: () => void server.stop(true) };
}
