// The consent page (/consent#<request>): which client asks, where it will be sent back, and the owner's answer:
// the password unless signed in, then Approve or Deny. Everything the client chose is shown as text. The page also
// names the command that approves from the server's machine, and goes on by itself once that was run.
import { createResource, createSignal, onCleanup, Show, type JSX } from 'solid-js';
import type { OwnerApi, Sent } from '../api/client';
import type { ConsentDetails, ConsentSettled } from '../api/types';
import { createResolvedTheme } from '../lib/theme';
import './console.css';

const settled = (result: Sent<ConsentDetails | ConsentSettled> | undefined): string | undefined =>
  result?.ok && 'redirectTo' in result.value ? result.value.redirectTo : undefined;

export function ConsentPage(props: { owner: OwnerApi; requestId: string; navigate: (url: string) => void; pollMs?: number }): JSX.Element {
  createResolvedTheme(() => 'auto');
  const [details] = createResource(async (): Promise<Sent<ConsentDetails>> => {
    const result = await props.owner.consent(props.requestId);
    const redirectTo = settled(result);
    if (redirectTo) props.navigate(redirectTo);
    return result as Sent<ConsentDetails>;
  });
  // Approved with `mcpdash owner approve` meanwhile? Then the server has the redirect for this page (once).
  let left = false;
  const poll = setInterval(async () => {
    if (left || !details()?.ok) return;
    const redirectTo = settled(await props.owner.consent(props.requestId));
    if (redirectTo && !left) {
      left = true;
      props.navigate(redirectTo);
    }
  }, props.pollMs ?? 2_000);
  onCleanup(() => clearInterval(poll));
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const answer = async (decision: 'approve' | 'deny', view: ConsentDetails): Promise<void> => {
    setBusy(true);
    const needsPassword = decision === 'approve' && !view.ownerSignedIn;
    const res = await props.owner.answerConsent(props.requestId, { csrf: view.csrf, decision, ...(needsPassword ? { password: password() } : {}) });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    left = true;
    props.navigate(res.value.redirectTo);
  };

  return (
    <main class="home console consent">
      <Show when={details()} fallback={<p class="muted">Loading…</p>}>
        {(result) => (
          <Show when={result().ok ? (result() as { ok: true; value: ConsentDetails }).value : undefined} fallback={
            <>
              <h1>This request cannot be answered</h1>
              <p class="form-error" role="alert">{(result() as { ok: false; message: string }).message}</p>
            </>
          }>
            {(view) => (
              <>
                <h1>Allow this client to use mcpdash?</h1>
                <p class="lead">
                  An app asks to act for you on this mcpdash server: it could create, change and delete all of your
                  dashboards. Approve only if you just started connecting it yourself.
                </p>
                <section class="card">
                  <dl>
                    <dt>Client</dt>
                    <dd class="client-name">{view().clientName}</dd>
                    <Show when={view().clientUrl}>
                      {(url) => (
                        <>
                          <dt>Described at</dt>
                          <dd>{url()}</dd>
                        </>
                      )}
                    </Show>
                    <dt>Sends you back to</dt>
                    <dd>{view().redirectHost}</dd>
                  </dl>
                  <form class="owner-form" onSubmit={(event) => { event.preventDefault(); void answer('approve', view()); }}>
                    <Show when={!view().ownerSignedIn}>
                      <input type="text" name="username" autocomplete="username" value="mcpdash owner" readonly hidden />
                      <label for="consent-password">Owner password</label>
                      <input id="consent-password" type="password" autocomplete="current-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} required />
                    </Show>
                    <div class="consent-actions">
                      <button type="submit" class="button primary large" disabled={busy()}>Approve</button>
                      <button type="button" class="button large" disabled={busy()} onClick={() => void answer('deny', view())}>Deny</button>
                    </div>
                  </form>
                  <Show when={error()}>{(message) => <p class="form-error" role="alert">{message()}</p>}</Show>
                  <Show when={view().approveCode}>
                    {(code) => (
                      <p class="muted approve-command">
                        No password at hand, or locked out? On the server's machine run{' '}
                        <code>mcpdash owner approve {code().slice(0, 4)}-{code().slice(4)}</code> (add its <code>--data-dir</code>); this page then goes on by itself.
                      </p>
                    )}
                  </Show>
                </section>
              </>
            )}
          </Show>
        )}
      </Show>
    </main>
  );
}
