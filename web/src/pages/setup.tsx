// The one-time setup link (/setup#<code>): the owner chooses the password, and is signed in to the console after.
import { createSignal, Show, type JSX } from 'solid-js';
import type { OwnerApi } from '../api/client';
import { createResolvedTheme } from '../lib/theme';
import { PASSWORD_MIN, passwordProblem } from '../../../server/dashboard/password-rules.ts';
import './console.css';

export function SetupPage(props: { owner: OwnerApi; code: string; navigate: (url: string) => void }): JSX.Element {
  createResolvedTheme(() => 'auto');
  const [password, setPassword] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  // Said while typing (once something is typed), with the server's own rule: no round trip to learn it.
  const problem = () => (password() ? passwordProblem(password()) : undefined);

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const refused = passwordProblem(password());
    if (refused) return void setError(refused);
    if (password() !== again()) return void setError('The two passwords differ.');
    setBusy(true);
    const res = await props.owner.setup(props.code, password());
    setBusy(false);
    if (!res.ok) return void setError(res.message);
    props.navigate('/');
  };

  return (
    <main class="home console">
      <h1>Choose the owner password</h1>
      <p class="lead">
        This password lets you approve assistants (Claude.ai, Claude Code) that ask to use this mcpdash server, and sign
        in to its console. Only a slow hash of it is stored.
      </p>
      <Show when={props.code} fallback={<p class="form-error" role="alert">This link has no setup code. Use the whole link the server printed, or run <code>mcpdash owner reset</code>.</p>}>
        <section class="card">
          <form class="owner-form" onSubmit={submit}>
            {/* Lets password managers file the password under a name. */}
            <input type="text" name="username" autocomplete="username" value="mcpdash owner" readonly hidden />
            <label for="new-password">New password (at least {PASSWORD_MIN} characters, not a common one)</label>
            <input id="new-password" type="password" autocomplete="new-password" aria-describedby="new-password-rule" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} required />
            <p id="new-password-rule" class="form-hint" aria-live="polite">{problem() ?? (password() ? 'This password can be used.' : '')}</p>
            <label for="new-password-again">The same again</label>
            <input id="new-password-again" type="password" autocomplete="new-password" value={again()} onInput={(e) => setAgain(e.currentTarget.value)} required />
            <button type="submit" class="button primary" disabled={busy()}>Set password</button>
          </form>
          <Show when={error()}>{(message) => <p class="form-error" role="alert">{message()}</p>}</Show>
        </section>
      </Show>
    </main>
  );
}
