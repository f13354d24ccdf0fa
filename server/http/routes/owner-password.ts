// One password check for every route that takes the owner password (sign-in, consent): bounded per address and in
// total before the slow hash runs, so a flood costs neither guesses nor CPU; a wrong one counts to a lock-out.
import type { AuthService } from '../../auth/service.ts';
import { UnauthorizedError } from '../../errors.ts';
import type { AuthLimits } from '../auth-limits.ts';

export async function checkOwnerPassword(auth: AuthService, limits: AuthLimits, address: string, password: string): Promise<void> {
  await limits.passwordAttempt(address);
  if (!auth.owner.hasPassword()) throw new UnauthorizedError('no_owner_password', 'No owner password is set yet: open the setup link the server printed, or run `mcpdash owner reset`.');
  if (!(await auth.owner.checkPassword(password))) {
    limits.passwordFailed(address);
    throw new UnauthorizedError('wrong_password', 'That is not the owner password.');
  }
  limits.passwordAccepted(address);
}
