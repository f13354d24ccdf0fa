// Bun.build plugin: makes lmdb load its native addon through a static require, so `--compile` embeds it.
import type { BunPlugin } from 'bun';

/**
 * lmdb/native.js calls `loadNAPI(dirName)`, which searches the disk at run time along a computed
 * path; the compiler cannot follow it and the binary would look for node_modules next to itself.
 * A string-literal require of the addon file is something Bun embeds and loads from memory.
 */
export function lmdbNativePlugin(addonPath: string): BunPlugin {
  return {
    name: 'mcpdash-lmdb-native',
    setup(build) {
      build.onLoad({ filter: /[\\/]lmdb[\\/]native\.js$/ }, async (args) => {
        const source = await Bun.file(args.path).text();
        const call = 'export let nativeAddon = loadNAPI(dirName);';
        if (!source.includes(call)) {
          throw new Error(`lmdb/native.js changed: "${call}" not found; update scripts/build/lmdb-plugin.ts`);
        }
        const patched = source.replace(call, `export let nativeAddon = require(${JSON.stringify(addonPath)});`);
        return { contents: patched, loader: 'js' };
      });
    },
  };
}
