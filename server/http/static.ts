// Serves the SPA: index.html for /, /setup, /consent and /dashboard/:id, hashed assets cached forever, anything else 404.
import { Hono, type Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { isDashboardId } from '../dashboard/target.ts';
import { NotFoundError } from '../errors.ts';
import { answerAppErrors, appErrorResponse } from './error-response.ts';
import { defaultSpaAssets, type SpaAssets } from './spa-assets.ts';

export interface SpaRoutesOptions {
  /** Files to serve; defaults to the embedded build (or web/dist in development). null = UI not built. */
  assets?: SpaAssets | null;
  /** Whether a dashboard has charts (its page then preloads the chart engine); undefined or false: it does not. */
  hasCharts?: (dashboardId: string) => boolean;
  /** Whether a dashboard is there: the page is still served for a gone one (it explains), with 404 or 410. */
  dashboardState?: (dashboardId: string) => 'live' | 'expired' | 'unknown';
}

const NO_STORE = 'no-store';
// Vite puts a content hash in every name under /assets/: a changed file gets a new URL.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// favicon and friends keep their names across releases, so only a short cache.
const SHORT = 'public, max-age=3600';

const NO_UI_PAGE = `mcpdash: UI not built.

This binary was compiled without the web dashboard (web/dist was missing at build time).
The MCP endpoint and the JSON API work; rebuild with \`npm run build\` to get the pages.
`;

// The chart engine's lazily imported chunk (web/src/lib/echarts-setup.ts; web/vite.config.ts fails the build if
// that chunk is renamed).
const CHART_CHUNK = /^\/assets\/echarts-setup-[\w-]+\.js$/;

/**
 * What a dashboard page fetches first, as a Link header, so the browser starts both while the app bundle is still
 * loading instead of after it ran: the document itself, and the chart engine, which is compiled whole on a
 * background thread while it streams in (web/vite/eager-compile.ts) and should be ready when the first chart is laid
 * out. Only a dashboard with charts gets the chart engine: a page of text and tables would download ~250 KB gzip
 * for nothing (the page itself loads the engine only once its document shows a chart). On a slow link the preload
 * shares bandwidth with the app bundle; the first paint never waits for it. Only a well-formed id goes into the header.
 */
export function dashboardPreloads(id: string, chartChunk: string | undefined): string {
  const links = [`</api/dashboard/${id}>; rel=preload; as=fetch; crossorigin`];
  if (chartChunk) links.push(`<${chartChunk}>; rel=modulepreload`);
  return links.join(', ');
}

/** Whether an Accept-Encoding header allows gzip: an explicit gzip entry decides, else `*`; q=0 refuses. */
export function acceptsGzip(header: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    weights.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0;
}

export function createSpaRoutes(options: SpaRoutesOptions = {}): Hono {
  const assets = options.assets === undefined ? defaultSpaAssets() : options.assets;
  const app = new Hono();
  app.onError(answerAppErrors(appErrorResponse));

  const notFound = (): never => {
    throw new NotFoundError('No such page.');
  };

  const serve = (c: Context, urlPath: string, cacheControl: string) => {
    const file = assets?.files.get(urlPath);
    if (!file) return notFound();
    const headers: Record<string, string> = {
      'Content-Type': getMimeType(urlPath) ?? 'application/octet-stream',
      'Cache-Control': cacheControl,
    };
    const gzip = assets?.gzip.get(urlPath);
    if (!gzip) return new Response(Bun.file(file), { headers });
    // The echarts bundle is ~1 MB; over a home uplink or a tunnel that does not compress, gzip matters.
    headers.Vary = 'Accept-Encoding';
    if (!acceptsGzip(c.req.header('Accept-Encoding'))) return new Response(Bun.file(file), { headers });
    headers['Content-Encoding'] = 'gzip';
    return new Response(Bun.file(gzip), { headers });
  };

  // Every page route gets the same index.html; the SPA reads the dashboard id from the URL.
  const index = (c: Context) => {
    if (!assets) return c.text(NO_UI_PAGE, 200, { 'Cache-Control': NO_STORE });
    return serve(c, '/index.html', NO_STORE);
  };
  app.get('/', index);
  // The owner's pages: the setup link (code in the fragment) and the consent page (request id in the fragment).
  app.get('/setup', index);
  app.get('/consent', index);
  const chartChunk = assets ? [...assets.files.keys()].find((path) => CHART_CHUNK.test(path)) : undefined;
  app.get('/dashboard/:id', (c) => {
    const res = index(c);
    const id = c.req.param('id');
    if (res.status !== 200 || !assets) return res;
    const stored = id.toLowerCase();
    const state = options.dashboardState ? (isDashboardId(stored) ? options.dashboardState(stored) : 'unknown') : 'live';
    if (state === 'live') {
      if (isDashboardId(id)) res.headers.set('Link', dashboardPreloads(id, options.hasCharts?.(id) ? chartChunk : undefined));
      return res;
    }
    // The same page (it says what happened), with the status a crawler, a script or a link checker reads.
    return new Response(res.body, { status: state === 'expired' ? 410 : 404, headers: res.headers });
  });

  app.get('*', (c) => {
    // The raw pathname, not a decoded one: a name with %, \ or NUL is never one of ours, and an
    // exact lookup in the fixed map means no URL can reach a file outside the build output.
    const path = new URL(c.req.url).pathname;
    if (/[%\\\0]|\/\.\.?(\/|$)/.test(path)) return notFound();
    if (path === '/index.html') return serve(c, path, NO_STORE);
    return serve(c, path, path.startsWith('/assets/') ? IMMUTABLE : SHORT);
  });

  return app;
}
