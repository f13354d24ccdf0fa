// Where the SPA files come from: the map compiled into the binary, or web/dist on disk in development.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { embeddedAssets } from './embedded-assets.ts';

/** URL path ('/index.html', '/assets/app-1a2b.js') -> a path Bun.file() can read. */
export type SpaAssets = ReadonlyMap<string, string>;

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
  return files;
}

/**
 * The compiled binary serves only what was embedded at build time; `bun run server/main.ts` serves
 * web/dist from the checkout when it has been built. The map is fixed at start, so a request can
 * only ever reach a file that was listed here, never a path computed from the URL.
 */
export function defaultSpaAssets(): SpaAssets | null {
  if (embeddedAssets) return new Map(Object.entries(embeddedAssets));
  if (Bun.isStandaloneExecutable) return null;
  return loadDiskAssets(resolve(import.meta.dir, '..', '..', 'web', 'dist'));
}
