// Vite plugin: marks named chunks for eager compilation with V8's file-level compile hint.
//
// V8 normally pre-parses a script on a background thread and compiles each function on the main thread the first
// time it runs. For the chart engine that first run is the first render of every chart: ~100-120 ms of main-thread
// compiling for the 10 charts of the example dashboard (Chromium trace on this 2-core machine). The magic comment
// `//# allFunctionsCalledOnLoad` on the first line (Chrome 136+, https://v8.dev/blog/explicit-compile-hints) makes
// V8 compile every function in its off-thread streaming compile instead. Other engines ignore it. It goes in as a
// post-minification banner (the minifier would strip a comment), so the chunk's hashed name covers it too.
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export function eagerCompileChunks(chunkNames: string[]): Plugin {
  const names = new Set(chunkNames);
  return {
    name: 'mcpdash-eager-compile',
    apply: 'build',
    outputOptions(options) {
      const previous = options.postBanner;
      return {
        ...options,
        postBanner: async (chunk) => {
          const before = typeof previous === 'function' ? await previous(chunk) : (previous ?? '');
          return names.has(chunk.name) ? [COMPILE_HINT, before].filter(Boolean).join('\n') : before;
        },
      };
    },
    generateBundle(_options, bundle) {
      // A renamed chunk would silently lose the hint (and the server's preload of it): fail the build instead.
      const found = new Set(Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file.name] : [])));
      const missing = chunkNames.filter((n) => !found.has(n));
      if (missing.length > 0) this.error(`eager-compile: no chunk named ${missing.join(', ')}`);
    },
  };
}
