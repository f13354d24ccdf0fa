// Vite build of the in-chat view (MCP App): web/mcp-app.html -> web/dist-view/mcp-app.html, ONE self-contained
// document (scripts, styles and the chart engine inlined; hosts load it into a sandboxed frame that may fetch nothing).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { viteSingleFile } from 'vite-plugin-singlefile';

const root = fileURLToPath(new URL('.', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  root,
  base: './',
  // The view's page-free copy of the page's public/ would be dead weight: nothing from public/ is referenced.
  publicDir: false,
  define: { __MCPDASH_VERSION__: JSON.stringify(version) },
  plugins: [solid(), viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: 'dist-view',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    cssMinify: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    rollupOptions: { input: fileURLToPath(new URL('./mcp-app.html', import.meta.url)) },
  },
});
