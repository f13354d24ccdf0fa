// The maintenance commands (static tokens, the owner's setup link), run against a data directory while the server
// may be running: LMDB lets a second process open the same environment, and the server reads tokens and the setup
// code from the store on every request, so it sees each change at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { baseUrl, type Command, type Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { openStore } from '../store/db.ts';
import { createAuthService } from '../auth/service.ts';
import { SETUP_TTL_MS } from '../auth/owner.ts';
import { scopeMeaning } from '../auth/scopes.ts';
import { ownerApprove } from './owner-approve.ts';

import type { CommandOutput } from './command-output.ts';


const when = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z'));

/** Runs one command; resolves with the process exit code. */
export async function runCommand(command: Command, config: Config, io: CommandOutput): Promise<number> {
  if (!existsSync(join(config.dataDir, 'data.mdb'))) {
    io.err(`mcpdash: no mcpdash data in ${config.dataDir} (start the server once, or pass the server's --data-dir)`);
    return 1;
  }
  // Waiting requests live in the running server, not the store: this one asks the server.
  if (command.name === 'owner-approve') return ownerApprove(config.dataDir, command.code, io);
  const store = openStore(config.dataDir);
  try {
    let publicUrl = config.publicUrl;
    const auth = createAuthService(store, { issuer: () => publicUrl ?? baseUrl(config), tokenTtlMs: config.tokenTtlMs, now: Date.now });
    publicUrl ??= auth.owner.lastPublicUrl() ?? baseUrl(config);
    switch (command.name) {
      case 'token-create': {
        const token = await auth.staticTokens.create(command.tokenName, command.scope);
        io.out(`Static token '${command.tokenName}' created with scope ${command.scope} (${scopeMeaning(command.scope)}). It is shown only this once; only its hash is stored:`);
        io.out('');
        io.out(`  ${token}`);
        io.out('');
        io.out('Claude Code:');
        io.out(`  claude mcp add --transport http mcpdash ${publicUrl}/mcp --header "Authorization: Bearer ${token}"`);
        io.out(`Revoke it with: mcpdash token revoke ${command.tokenName} --data-dir ${config.dataDir}`);
        return 0;
      }
      case 'token-list': {
        const tokens = auth.staticTokens.list();
        if (tokens.length === 0) {
          io.out('No static tokens. Create one with: mcpdash token create <name>');
          return 0;
        }
        const width = Math.max(4, ...tokens.map((t) => t.name.length));
        io.out(`${'NAME'.padEnd(width)}  SCOPE   CREATED               LAST USED`);
        for (const t of tokens) io.out(`${t.name.padEnd(width)}  ${t.scope.padEnd(6)}  ${when(t.createdAt).padEnd(20)}  ${when(t.lastUsedAt)}`);
        return 0;
      }
      case 'token-revoke': {
        if (!(await auth.staticTokens.revoke(command.tokenName))) {
          io.err(`mcpdash: there is no static token named '${command.tokenName}' (see mcpdash token list)`);
          return 1;
        }
        io.out(`Static token '${command.tokenName}' revoked: it stopped working now.`);
        return 0;
      }
      case 'owner-reset': {
        const link = await auth.owner.newSetupLink(publicUrl);
        io.out(`Open this link within ${SETUP_TTL_MS / 60_000} minutes to choose a new owner password (it works once):`);
        io.out('');
        io.out(`  ${link}`);
        io.out('');
        io.out('The current password keeps working until then. If the server gets MCPDASH_OWNER_PASSWORD or');
        io.out('--owner-password-file, that one is set again at its next start.');
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`mcpdash: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}
