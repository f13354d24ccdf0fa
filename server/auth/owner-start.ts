// At start: where the owner password comes from. MCPDASH_OWNER_PASSWORD or --owner-password-file set it; without
// either, a first start with auth on (no password stored yet) prints a one-time setup link instead.
import type { OwnerService } from './owner.ts';
import { readPasswordFile } from './password.ts';

export interface OwnerStartOptions {
  password: string | undefined;
  passwordFile: string | undefined;
  authOn: boolean;
  publicUrl: string;
}

export interface OwnerStart {
  /** Where the password came from this time. */
  source: 'environment' | 'file' | 'stored' | 'none';
  /** `<public-url>/setup#<code>` when the owner still has to choose a password (auth on). */
  setupLink?: string;
}

export async function prepareOwner(owner: OwnerService, options: OwnerStartOptions): Promise<OwnerStart> {
  await owner.rememberPublicUrl(options.publicUrl);
  if (options.password !== undefined) {
    await owner.applyConfiguredPassword(options.password);
    return { source: 'environment' };
  }
  if (options.passwordFile !== undefined) {
    let password: string;
    try {
      password = readPasswordFile(options.passwordFile);
    } catch (error) {
      throw new Error(`cannot read --owner-password-file ${options.passwordFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await owner.applyConfiguredPassword(password);
    return { source: 'file' };
  }
  if (owner.hasPassword()) return { source: 'stored' };
  if (!options.authOn) return { source: 'none' };
  return { source: 'none', setupLink: await owner.newSetupLink(options.publicUrl) };
}
