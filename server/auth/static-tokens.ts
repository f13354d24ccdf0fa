// Static tokens for clients that take a header (Claude Code, scripts): created, listed and revoked by name from the
// CLI or the console, printed once, stored as SHA-256 like every other token.
import type { GrantStore } from '../store/auth-grants.ts';
import { MAX_STATIC_TOKENS } from '../store/auth-grants.ts';
import { LimitError, ValidationError } from '../errors.ts';
import { grantScopeFor, tokenScopeOf, type TokenScope } from './scopes.ts';
import { newId, newSecret, PREFIX, sha256 } from './secrets.ts';

export interface StaticTokenInfo {
  name: string;
  /** What it may do: write (everything), append or read (see scopes.ts). */
  scope: TokenScope;
  createdAt: number;
  lastUsedAt: number | undefined;
}

export interface StaticTokens {
  /** The new token (shown once; only its hash is kept). Scope write unless given. */
  create(name: string, scope?: TokenScope): Promise<string>;
  list(): StaticTokenInfo[];
  revoke(name: string): Promise<boolean>;
}

export function createStaticTokens(grants: GrantStore, now: () => number): StaticTokens {
  return {
    async create(name, scope = 'write') {
      const token = newSecret(PREFIX.static);
      const created = await grants.createStatic(name, sha256(token), { resource: '', scope: grantScopeFor(scope) }, newId('mcpd_g_'), now());
      if (created === 'exists') throw new ValidationError(`A token named '${name}' exists already: revoke it first or pick another name.`);
      if (created === 'full') throw new LimitError(`There are ${MAX_STATIC_TOKENS} static tokens already: revoke one first.`);
      return token;
    },
    list() {
      return grants
        .list(now())
        .filter((grant) => grant.kind === 'static')
        .map((grant) => ({ name: grant.name, scope: tokenScopeOf(grant.scope.split(' ')), createdAt: grant.createdAt, lastUsedAt: grant.lastUsedAt }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    revoke: (name) => grants.revokeStatic(name, now()),
  };
}
