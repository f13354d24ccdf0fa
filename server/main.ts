// TEMPORARY stub entry so the build pipeline can be developed; replaced by the real CLI entry.
import { open } from 'lmdb';
import { Hono } from 'hono';
import { parseCli, VERSION } from './config.ts';

const cli = parseCli(process.argv.slice(2), process.env);
if (cli.kind !== 'run') {
  console.log(cli.text);
  process.exit(0);
}
const db = open({ path: cli.config.dataDir });
await db.put('started', Date.now());
const app = new Hono();
app.get('/healthz', (c) => c.json({ ok: true, version: VERSION }));
const server = Bun.serve({ port: cli.config.port, hostname: cli.config.host, fetch: app.fetch });
console.log(`listening on http://${cli.config.host}:${server.port}`);
