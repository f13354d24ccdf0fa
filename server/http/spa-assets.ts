// Where the SPA files come from: the map compiled into the binary, or web/dist on disk in development.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { embeddedAssets, embeddedGzip } from './embedded-assets.ts';

export interface SpaAssets {
  /** URL path ('/index.html', '/assets/app-1a2b.js') -> a path Bun.file() can read. */
  files: ReadonlyMap<string, string>;
  /** URL path -> a gzip-compressed copy of that file, for clients that accept gzip. */
  gzip: ReadonlyMap<string, string>;
}

/** Every file under `dir`, keyed by URL path; null when there is no index.html (UI not built). */
export function loadDiskAssets(dir: string): SpaAssets | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      const full = join(dir, rel);
      if (statSync(full).isDirectory()) walk(rel);
      else files.set(`/${rel}`, full);
    }
  };
  walk('');
  return { files, gzip: new Map() };
}

/**
 * The compiled binary serves only what was embedded at build time; `bun run server/main.ts` serves
 * web/dist from the checkout when it has been built. The maps are fixed at start, so a request can
 * only ever reach a file listed here, never a path computed from the URL.
 */
export function defaultSpaAssets(): SpaAssets | null {
  if (embeddedAssets) return { files: new Map(Object.entries(embeddedAssets)), gzip: new Map(Object.entries(embeddedGzip ?? {})) };
  if (Bun.isStandaloneExecutable) return null;
  return loadDiskAssets(resolve(import.meta.dir, '..', '..', 'web', 'dist'));
}
