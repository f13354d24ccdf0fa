// The owner: the password (from the environment or a file at start, or chosen through the one-time setup link),
// the password check, and the console's sign-in sessions (the cookie value is stored only as a hash).
import type { OwnerStore } from '../store/auth-owner.ts';
import { UnauthorizedError, ValidationError } from '../errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { newSecret, PREFIX, sha256 } from './secrets.ts';

export const SETUP_TTL_MS = 30 * 60_000;
export const SESSION_TTL_MS = 7 * 24 * 3_600_000;

export interface OwnerSession {
  csrf: string;
  expiresAt: number;
}

export interface OwnerService {
  hasPassword(): boolean;
  /** MCPDASH_OWNER_PASSWORD or --owner-password-file: stored (hashed) unless it already is the stored one. */
  applyConfiguredPassword(password: string): Promise<void>;
  /** A new one-time link `<public-url>/setup#<code>`, valid 30 minutes; it replaces any earlier one. */
  newSetupLink(publicUrl: string): Promise<string>;
  /** Uses the setup code once and sets the password; refuses a weak password before using the code. */
  completeSetup(code: string, password: string): Promise<void>;
  /** Whether this is the owner's password (false while none is set). */
  checkPassword(password: string): Promise<boolean>;
  signIn(): Promise<{ sessionToken: string } & OwnerSession>;
  /** The signed-in session behind a cookie value, or undefined. */
  session(sessionToken: string | undefined): OwnerSession | undefined;
  signOut(sessionToken: string): Promise<void>;
  rememberPublicUrl(url: string): Promise<void>;
  /** The public URL the server last ran with (for `owner reset` without --public-url). */
  lastPublicUrl(): string | undefined;
}

export function createOwnerService(store: OwnerStore, now: () => number): OwnerService {
  return {
    hasPassword: () => store.get().passwordHash !== undefined,

    async applyConfiguredPassword(password) {
      const problem = passwordProblem(password);
      if (problem) throw new ValidationError(`The configured owner password is refused: ${problem}`);
      const current = store.get().passwordHash;
      if (current && (await verifyPassword(password, current))) return;
      await store.setPassword(await hashPassword(password), now());
    },

    async newSetupLink(publicUrl) {
      const code = newSecret(PREFIX.setup);
      await store.setSetupCode(sha256(code), now() + SETUP_TTL_MS);
      return `${publicUrl}/setup#${code}`;
    },

    async completeSetup(code, password) {
      const problem = passwordProblem(password);
      if (problem) throw new ValidationError(problem);
      // Hash before the transaction (it is slow); the code is checked and used up inside it.
      const hash = await hashPassword(password);
      if (!(await store.completeSetup(sha256(code), hash, now()))) {
        throw new UnauthorizedError('invalid_setup_code', 'This setup link is not valid: it was used already, expired (30 minutes), or replaced by a newer one. Run `mcpdash owner reset` for a new one.');
      }
    },

    async checkPassword(password) {
      const hash = store.get().passwordHash;
      return hash !== undefined && verifyPassword(password, hash);
    },

    async signIn() {
      const sessionToken = newSecret(PREFIX.session);
      const csrf = newSecret('');
      const expiresAt = now() + SESSION_TTL_MS;
      await store.createSession(sha256(sessionToken), csrf, expiresAt);
      return { sessionToken, csrf, expiresAt };
    },

    session(sessionToken) {
      if (!sessionToken || sessionToken.length > 200) return undefined;
      return store.session(sha256(sessionToken), now());
    },

    async signOut(sessionToken) {
      await store.endSession(sha256(sessionToken));
    },

    rememberPublicUrl: (url) => store.rememberPublicUrl(url),
    lastPublicUrl: () => store.get().publicUrl,
  };
}
