// CLI entry: flags/env -> config -> start. No logic beyond printing and signals.
import { resolve } from 'node:path';
import { ConfigError, parseCli } from './config.ts';
import { VERSION } from './version.ts';
import { createLogger } from './logger.ts';
import { startApp, type RunningApp } from './app.ts';
import { authBanner } from './cli/auth-banner.ts';
import { connectBanner } from './cli/connect-banner.ts';
import { explainStartError } from './cli/start-errors.ts';
import { lockDataDir } from './store/data-dir-lock.ts';

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
if (cli.kind === 'command') {
  const { runCommand } = await import('./cli/commands.ts');
  const config = { ...cli.config, dataDir: resolve(cli.config.dataDir) };
  const code = await runCommand(cli.command, config, { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) }).catch(
    (error: unknown) => {
      process.stderr.write(`mcpdash: ${explainStartError(error, config)}\n`);
      return 1;
    },
  );
  process.exit(code);
}
if (cli.kind !== 'run') {
  process.stdout.write(`${cli.text}\n`);
  process.exit(0);
}

const config = { ...cli.config, dataDir: resolve(cli.config.dataDir) };
const logger = createLogger(config.logLevel);
let app: RunningApp | undefined;
let stopRequested: string | undefined;

const shutdown = (signal: string) => {
  if (!app) {
    stopRequested = signal; // still starting: stop as soon as it is up
    return;
  }
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
// Handlers before anything else: whoever reads "MCP URL:" may send SIGTERM at once and must get a clean exit.
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

try {
  // Held until the process ends (the kernel lets go of it even after kill -9): one server per data directory.
  await lockDataDir(config.dataDir);
  app = await startApp(config, logger, { notice: (lines) => process.stdout.write(`${lines.join('\n')}\n`) });
} catch (error) {
  process.stderr.write(`mcpdash: could not start: ${explainStartError(error, config)}\n`);
  process.exit(1);
}

const banner = [
  `mcpdash ${VERSION} listening on ${app.localUrl}`,
  `  MCP URL:      ${app.mcpUrl}`,
  `  Dashboards:   ${app.baseUrl}/dashboard/<id> (the assistant shares each link)`,
  `  Data:         ${app.dataDir}`,
  ...connectBanner(app, config),
];
banner.push(...authBanner(app, config));
process.stdout.write(`${banner.join('\n')}\n`);
if (stopRequested) shutdown(stopRequested);
