// `mcpdash owner approve [<code>]`: lists the authorization requests the running server holds for the owner, or
// approves one by the code its consent page shows, without the password. It talks to the server through the control
// socket in the data directory (server/http/control-socket.ts): being able to reach it is the owner's proof.
import type { PendingSummary } from '../auth/consent.ts';
import { controlSocketPath } from '../http/control-socket.ts';
import type { CommandOutput } from './command-output.ts';

async function ask(dataDir: string, path: string, init: RequestInit = {}): Promise<Response | undefined> {
  try {
    return await fetch(`http://localhost${path}`, { ...init, unix: controlSocketPath(dataDir) } as RequestInit);
  } catch {
    return undefined;
  }
}

export async function ownerApprove(dataDir: string, code: string | undefined, io: CommandOutput): Promise<number> {
  const notRunning = () => {
    io.err(`mcpdash: no running mcpdash server with auth on uses ${dataDir} (waiting requests live in the running server; pass its --data-dir)`);
    return 1;
  };
  if (code === undefined) {
    const res = await ask(dataDir, '/pending');
    if (!res?.ok) return notRunning();
    const waiting = (await res.json()) as PendingSummary[];
    if (waiting.length === 0) {
      io.out('No client is waiting for approval. Start connecting it (Claude.ai: Connect), then run this again.');
      return 0;
    }
    io.out('Waiting for your approval (the code is also on each consent page):');
    for (const request of waiting) {
      io.out(`  ${request.code}  ${request.clientName} (${request.clientKind === 'cimd' ? request.clientUrl : 'registered here'}), sends you back to ${request.redirectHost}`);
    }
    io.out('Approve one with: mcpdash owner approve <code>');
    return 0;
  }
  const res = await ask(dataDir, '/approve', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (!res) return notRunning();
  const answer = (await res.json()) as PendingSummary | { error: string };
  if ('error' in answer) {
    io.err(`mcpdash: ${answer.error}`);
    return 1;
  }
  io.out(`Approved ${answer.clientName}, which sends you back to ${answer.redirectHost}. Its consent page goes on by itself.`);
  return 0;
}
