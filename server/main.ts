// CLI entry: flags/env -> config -> start. No logic beyond printing and signals.
import { resolve } from 'node:path';
import { ConfigError, parseCli, VERSION } from './config.ts';
import { createLogger } from './logger.ts';
import { startApp } from './app.ts';

let cli;
try {
  cli = parseCli(process.argv.slice(2), process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`mcpdash: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
if (cli.kind !== 'run') {
  process.stdout.write(`${cli.text}\n`);
  process.exit(0);
}

const config = { ...cli.config, dataDir: resolve(cli.config.dataDir) };
const logger = createLogger(config.logLevel);
let app;
try {
  app = await startApp(config, logger);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`mcpdash: could not start: ${message}\n`);
  process.exit(1);
}

process.stdout.write(
  [
    `mcpdash ${VERSION} listening on ${app.baseUrl}`,
    `  MCP URL:      ${app.mcpUrl}`,
    `  Data:         ${app.dataDir}`,
    `  Connect:      Claude.ai: Settings > Connectors > Add custom connector, paste the MCP URL`,
    `                Claude Code: claude mcp add --transport http mcpdash ${app.mcpUrl}`,
    config.publicUrl ? '' : `  Tunnel:       behind cloudflared/Tailscale/ngrok, restart with --public-url https://<tunnel-host>`,
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n'),
);

const shutdown = (signal: string) => {
  logger.info('shutting down', { signal });
  app.stop().then(
    () => {
      logger.flush();
      process.exit(0);
    },
    (error) => {
      logger.error('shutdown failed', { error: String(error) });
      logger.flush();
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
