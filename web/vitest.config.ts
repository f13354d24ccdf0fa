// Vitest setup for the SPA component tests in test/web (jsdom + Solid's browser build).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: repoRoot,
  // No hot-reload wrappers in tests: components run exactly as in the production build.
  plugins: [solid({ hot: false })],
  resolve: { conditions: ['development', 'browser'] },
  test: {
    environment: 'jsdom',
    include: ['test/web/**/*.test.{ts,tsx}'],
    pool: 'threads',
    maxWorkers: 1,
  },
});
