// Vite build of the dashboard SPA: web/ -> web/dist (index.html + hashed assets), embedded by the server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { eagerCompileChunks } from './vite/eager-compile.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // The chart engine is compiled whole on a background thread while it downloads (see vite/eager-compile.ts).
  plugins: [solid(), eagerCompileChunks(['echarts-setup'])],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP forbids inline scripts; keep every module an external file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
});
