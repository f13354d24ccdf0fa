// The owner's local way in while the server runs: a Unix socket in the data directory, which only the user who owns
// that (0700) directory can reach. `mcpdash owner approve` lists the authorization requests waiting for the owner
// and approves one without the password through it. Why a socket and not the store: waiting requests live in the
// server's memory (a restart means connecting again, and a flood of starts never writes to disk), so the command
// has to ask the running server; the socket is local-only by construction, unlike any TCP port.
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { PendingSummary } from '../auth/consent.ts';
import type { Logger } from '../logger.ts';

export const CONTROL_SOCKET = 'control.sock';

export interface ControlHandlers {
  pending(): PendingSummary[];
  approve(code: string): Promise<PendingSummary | undefined>;
}

export interface ControlSocket {
  stop(): Promise<void>;
}

export function controlSocketPath(dataDir: string): string {
  return join(dataDir, CONTROL_SOCKET);
}

async function handle(request: Request, handlers: ControlHandlers, logger: Logger): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method === 'GET' && pathname === '/pending') return Response.json(handlers.pending());
  if (request.method === 'POST' && pathname === '/approve') {
    const body = (await request.json().catch(() => undefined)) as { code?: unknown } | undefined;
    const code = typeof body?.code === 'string' ? body.code.slice(0, 64) : '';
    const approved = await handlers.approve(code);
    if (!approved) return Response.json({ error: 'No waiting request has that code (it may have been answered, or expired after 10 minutes).' }, { status: 404 });
    logger.warn('a client was approved from the command line (mcpdash owner approve)', { client: approved.clientName.slice(0, 100), redirect: approved.redirectHost });
    return Response.json(approved);
  }
  return Response.json({ error: 'unknown' }, { status: 404 });
}

/** Listens on <dataDir>/control.sock; undefined (and a warning) where the platform or the path length does not allow it. */
export function startControlSocket(dataDir: string, handlers: ControlHandlers, logger: Logger): ControlSocket | undefined {
  const path = controlSocketPath(dataDir);
  try {
    // A socket file left by a server that was killed: nothing listens on it any more.
    if (existsSync(path)) unlinkSync(path);
    const server = Bun.serve({ unix: path, fetch: (request) => handle(request, handlers, logger) });
    chmodSync(path, 0o600);
    return {
      async stop() {
        await server.stop(true);
        if (existsSync(path)) unlinkSync(path);
      },
    };
  } catch (error) {
    logger.warn('no control socket: `mcpdash owner approve` will not reach this server', { path, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
