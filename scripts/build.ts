// Builds mcpdash: the web SPA (vite), then one self-contained executable per target with the SPA and lmdb embedded.
// Usage: bun run scripts/build.ts [--all] [--skip-web] [--no-bytecode]
//   (default) dist/mcpdash for this machine; --all also dist/mcpdash-linux-x64 and dist/mcpdash-linux-arm64.
//   --skip-web embeds web/dist as it is; --no-bytecode trades start-up time for a smaller binary.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { embeddedAssetsPlugin, writeEmbeddedAssetsModule } from './build/embed-web.ts';
import { embeddedViewPlugin, writeEmbeddedViewModule } from './build/embed-view.ts';
import { lmdbAddonPath } from './build/lmdb-addon.ts';
import { lmdbNativePlugin } from './build/lmdb-plugin.ts';
import { hostTarget, RELEASE_TARGETS, type BuildTarget } from './build/targets.ts';

const root = resolve(import.meta.dir, '..');
const args = new Set(process.argv.slice(2));
const known = new Set(['--all', '--skip-web', '--no-bytecode']);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`build: unknown flag ${arg} (use --all, --skip-web, --no-bytecode)`);
    process.exit(2);
  }
}

const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)}s`;

/** Returns false when vite failed: the server is still compiled (so e2e tests can run) but the build fails. */
function buildWeb(): boolean {
  const config = join(root, 'web', 'vite.config.ts');
  if (args.has('--skip-web')) {
    console.log('web: skipped (--skip-web); embedding whatever web/dist holds');
    return true;
  }
  if (!existsSync(config)) {
    console.warn('web: WARNING web/vite.config.ts not found; the binary will serve "UI not built"');
    return true;
  }
  const t = performance.now();
  // The page, then the in-chat view (a second entry: one self-contained HTML file in web/dist-view).
  for (const file of [config, join(root, 'web', 'vite.view.config.ts')]) {
    const vite = Bun.spawnSync([join(root, 'node_modules', '.bin', 'vite'), 'build', '--config', file], {
      cwd: root,
      stdout: 'inherit',
      stderr: 'inherit',
    });
    if (vite.exitCode !== 0) {
      console.error(`web: ERROR vite build failed (exit ${vite.exitCode}, ${file}); compiling the server anyway, the build will fail`);
      return false;
    }
  }
  console.log(`web: built in ${seconds(t)}`);
  return true;
}

async function compile(target: BuildTarget): Promise<void> {
  const t = performance.now();
  const addon = await lmdbAddonPath(root, target);
  const outfile = join(root, target.outfile);
  const result = await Bun.build({
    // The snapshot renderer's worker is its own entrypoint: Bun embeds it beside main.ts so `new Worker()` finds it.
    entrypoints: [join(root, 'server', 'main.ts'), join(root, 'server', 'render', 'render-worker.ts')],
    compile: {
      target: target.bun,
      outfile,
      // Behave the same wherever it is started: no stray .env or bunfig.toml changes the server.
      autoloadDotenv: false,
      autoloadBunfig: false,
      autoloadTsconfig: false,
      autoloadPackageJson: false,
    },
    // keepNames: error classes name themselves from new.target.name, and logs/stack traces stay readable.
    minify: { whitespace: true, syntax: true, identifiers: true, keepNames: true },
    // Precompiled bytecode: measured faster start (see the build report); ESM keeps top-level await in main.ts.
    bytecode: !args.has('--no-bytecode'),
    format: 'esm',
    sourcemap: 'none',
    plugins: [lmdbNativePlugin(addon), embeddedAssetsPlugin(), embeddedViewPlugin()],
    throw: false,
  });
  if (!result.success) {
    for (const log of result.logs) console.error(log);
    throw new Error(`compile ${target.bun} failed`);
  }
  const mb = (statSync(outfile).size / 1024 / 1024).toFixed(1);
  console.log(`${target.bun}: ${target.outfile} ${mb} MB in ${seconds(t)}`);
}

/** dist/SHA256SUMS for the release files, so a download can be checked with `sha256sum -c`. */
function writeChecksums(outfiles: string[]): void {
  const lines = outfiles.map((file) => {
    const hash = new Bun.CryptoHasher('sha256').update(readFileSync(join(root, file))).digest('hex');
    return `${hash}  ${basename(file)}`;
  });
  writeFileSync(join(root, 'dist', 'SHA256SUMS'), `${lines.join('\n')}\n`);
  console.log('checksums: dist/SHA256SUMS');
}

try {
  const webOk = buildWeb();
  const embedded = writeEmbeddedAssetsModule(root, join(root, 'web', 'dist'));
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  console.log(
    embedded.files > 0
      ? `web: embedding ${embedded.files} files from web/dist (${kb(embedded.rawBytes)}; gzip copies of ${embedded.gzipped}: ${kb(embedded.gzipBytes)})`
      : 'web: WARNING web/dist missing; the binary will serve "UI not built"',
  );
  const view = writeEmbeddedViewModule(root);
  console.log(
    view
      ? `view: embedding the in-chat view (${kb(view.rawBytes)}, gzip ${kb(view.gzipBytes)}; hosts accept up to 1024 KB)`
      : 'view: WARNING web/dist-view missing; the in-chat view will be a short fallback page',
  );
  if (view && view.rawBytes > 1024 * 1024) throw new Error(`the in-chat view is ${kb(view.rawBytes)}, over the 1 MiB hosts accept`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  const host = hostTarget();
  await compile(host);
  if (args.has('--all')) {
    // One at a time: two cores are shared, and each compile is CPU-bound. The host's own release
    // file is the binary just built, copied rather than compiled a second time.
    for (const target of RELEASE_TARGETS) {
      if (target.bun === host.bun) copyFileSync(join(root, host.outfile), join(root, target.outfile));
      else await compile(target);
    }
  }
  if (args.has('--all')) writeChecksums(RELEASE_TARGETS.map((t) => t.outfile));
  if (!webOk) throw new Error(`the web build failed (see above); binaries were written without a working UI`);
  console.log(`build: done in ${seconds(started)}`);
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
