// Prints the gzip size of the built page: what index.html loads up front vs the lazily loaded chunks.
// Usage: bun web/scripts/size.ts  (after `npx vite build --config web/vite.config.ts`)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dir, '..', 'dist');
const BUDGET_KB = 150;
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
// Everything index.html itself loads (the app bundle, its CSS, the small warm-intl.js), by path under web/dist.
const initial = new Set([...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!));
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

let initialGz = gzipSync(html, { level: 9 }).length;
const rows: [string, number, number, boolean][] = [];
const files = [...readdirSync(join(DIST, 'assets')).map((f) => `assets/${f}`), ...readdirSync(DIST).filter((f) => f.endsWith('.js'))];
for (const file of files) {
  const buf = readFileSync(join(DIST, file));
  const gz = gzipSync(buf, { level: 9 }).length;
  const isInitial = initial.has(file);
  if (isInitial) initialGz += gz;
  rows.push([file, buf.length, gz, isInitial]);
}
for (const [file, raw, gz, isInitial] of rows.sort((a, b) => Number(b[3]) - Number(a[3]) || b[2] - a[2])) {
  console.log(`${isInitial ? 'initial' : 'lazy   '}  ${file.padEnd(34)} ${kb(raw).padStart(10)} raw  ${kb(gz).padStart(9)} gzip`);
}
// The chart engine stays a chunk of its own; dashboard pages only ask for it early (the server's Link header).
console.log('lazy chunks load on demand; on /dashboard/<id> the server preloads the echarts-setup chunk alongside (not before) the initial files');
console.log(`initial JS+CSS+HTML gzip: ${kb(initialGz)} (budget ${BUDGET_KB} KB) ${initialGz <= BUDGET_KB * 1024 ? 'OK' : 'OVER BUDGET'}`);
