// The banner's lines about access: whether /mcp needs a token, where the owner password came from, the one-time
// setup link, and a plain warning when anyone who reaches a public URL can write.
import type { RunningApp } from '../app.ts';
import type { Config } from '../config.ts';
import { reachableFromOutside } from '../loopback.ts';

export function authBanner(app: Pick<RunningApp, 'auth' | 'owner' | 'baseUrl' | 'dataDir'>, config: Pick<Config, 'auth' | 'host'>): string[] {
  const lines: string[] = [];
  const reachable = reachableFromOutside(config.host, app.baseUrl);
  if (!app.auth) {
    if (reachable) {
      lines.push('  Auth:         OFF. WARNING: anyone who reaches this URL can create and change dashboards.');
      lines.push('                Turn it on with --auth on (Claude.ai then connects with OAuth and your approval).');
    } else {
      lines.push('  Auth:         off (only this machine can reach it; --auth on to require tokens here too)');
    }
    return lines;
  }
  lines.push('  Auth:         on (OAuth for Claude.ai; static tokens: mcpdash token create <name>)');
  if (app.baseUrl.startsWith('http:') && reachable) lines.push('  WARNING:      tokens and the owner password cross the network unencrypted: use an https --public-url');
  if (app.owner.setupLink) {
    lines.push(`  Owner setup:  ${app.owner.setupLink}`);
    lines.push('                open it within 30 minutes to choose the owner password (works once;');
    lines.push(`                a new one: mcpdash owner reset --data-dir ${app.dataDir})`);
  } else {
    const from = { environment: 'MCPDASH_OWNER_PASSWORD', file: '--owner-password-file', stored: 'set earlier', none: 'not set' }[app.owner.source];
    lines.push(`  Owner:        password ${from}; console at ${app.baseUrl}/`);
  }
  return lines;
}
