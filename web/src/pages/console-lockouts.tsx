// The console's notice of password lock-outs: which addresses are locked after wrong passwords and until when, and
// whether attempts are being slowed; shown only while there is something to say.
import { For, Show, type JSX } from 'solid-js';
import type { ConsoleOverview } from '../api/client';
import { relativeTime } from '../../../server/dashboard/present/format.ts';

export function PasswordLockouts(props: { attempts: ConsoleOverview['passwordAttempts']; now: number }): JSX.Element {
  const locked = () => props.attempts?.locked ?? [];
  return (
    <Show when={locked().length > 0 || props.attempts?.slowed}>
      <section class="card" aria-labelledby="lockouts-title">
        <h2 id="lockouts-title">Password attempts</h2>
        <Show when={props.attempts?.slowed}>
          <p class="notice">Many password attempts are arriving from many addresses: each waits its turn (one every 3 s).</p>
        </Show>
        <Show when={locked().length > 0}>
          <ul class="lockouts">
            <For each={locked()}>
              {(lockout) => (
                <li>
                  <code>{lockout.address}</code> is locked out after {lockout.failures} wrong passwords; it may try again {relativeTime(lockout.until, props.now)}.
                </li>
              )}
            </For>
          </ul>
        </Show>
        <p class="muted">
          Signed in here, you approve clients without the password; on the server's machine, <code>mcpdash owner approve &lt;request-id&gt;</code> approves one too.
        </p>
      </section>
    </Show>
  );
}
