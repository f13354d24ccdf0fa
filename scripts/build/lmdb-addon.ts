// Finds lmdb's prebuilt N-API addon for a target: from node_modules, or fetched with `npm pack` for another arch.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildTarget } from './targets.ts';

const ADDON_FILE = 'node.napi.glibc.node';

/** Absolute path of the addon the binary for `target` must embed. */
export async function lmdbAddonPath(root: string, target: BuildTarget): Promise<string> {
  const installed = join(root, 'node_modules', target.lmdbAddonPackage, ADDON_FILE);
  if (existsSync(installed)) return installed;
  return fetchAddon(root, target.lmdbAddonPackage);
}

function lmdbVersion(root: string): string {
  // The addon must match the JS side exactly; lmdb pins its optional addon packages to its own version.
  const pkg = require(join(root, 'node_modules', 'lmdb', 'package.json')) as { version: string };
  return pkg.version;
}

async function fetchAddon(root: string, pkgName: string): Promise<string> {
  const version = lmdbVersion(root);
  // Git-ignored with node_modules; keyed by version so an lmdb upgrade fetches again.
  const cacheDir = resolve(root, 'node_modules', '.cache', 'mcpdash', `${pkgName.replace('/', '__')}-${version}`);
  const addon = join(cacheDir, 'package', ADDON_FILE);
  if (existsSync(addon)) return addon;
  mkdirSync(cacheDir, { recursive: true });
  const spec = `${pkgName}@${version}`;
  console.log(`fetching ${spec} (lmdb addon for another architecture)`);
  const pack = Bun.spawnSync(['npm', 'pack', '--silent', '--pack-destination', cacheDir, spec], { cwd: cacheDir, stderr: 'pipe' });
  if (pack.exitCode !== 0) throw new Error(`npm pack ${spec} failed: ${pack.stderr.toString().trim()}`);
  const tarball = pack.stdout.toString().trim().split('\n').pop()!;
  const untar = Bun.spawnSync(['tar', '-xzf', join(cacheDir, tarball), '-C', cacheDir], { stderr: 'pipe' });
  if (untar.exitCode !== 0) throw new Error(`extracting ${tarball} failed: ${untar.stderr.toString().trim()}`);
  if (!existsSync(addon)) throw new Error(`${spec} has no ${ADDON_FILE}`);
  return addon;
}
