// The compile targets: Bun target name, output file, and the lmdb addon package each one embeds.
export interface BuildTarget {
  /** Bun's compile target. */
  bun: 'bun-linux-x64' | 'bun-linux-x64-baseline' | 'bun-linux-arm64';
  /** Output path relative to the repo root. */
  outfile: string;
  /** npm package that carries lmdb's prebuilt addon for this platform. */
  lmdbAddonPackage: string;
  /** CPU architecture as Node names it (process.arch). */
  arch: 'x64' | 'arm64';
}

export const RELEASE_TARGETS: BuildTarget[] = [
  // baseline: the downloadable x64 file must also run on older or emulated CPUs without AVX2 (small VMs).
  { bun: 'bun-linux-x64-baseline', outfile: 'dist/mcpdash-linux-x64', lmdbAddonPackage: '@lmdb/lmdb-linux-x64', arch: 'x64' },
  { bun: 'bun-linux-arm64', outfile: 'dist/mcpdash-linux-arm64', lmdbAddonPackage: '@lmdb/lmdb-linux-arm64', arch: 'arm64' },
];

/** The machine we build on, written to dist/mcpdash for `npm start` and the e2e tests. */
export function hostTarget(): BuildTarget {
  if (process.platform !== 'linux') throw new Error(`host builds are supported on Linux only (this is ${process.platform})`);
  const release = RELEASE_TARGETS.find((t) => t.arch === process.arch);
  if (!release) throw new Error(`no build target for architecture ${process.arch}`);
  // This machine's own runtime (what `npm start` runs), not a cross download.
  return { ...release, bun: process.arch === 'x64' ? 'bun-linux-x64' : release.bun, outfile: 'dist/mcpdash' };
}
