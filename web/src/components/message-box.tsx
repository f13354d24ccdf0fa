// The page's "Message to the assistant" box and what this browser sent with it, each marked sent, then seen.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { MAX_ANSWER_TEXT_CHARS } from '../../../server/dashboard/answer-rules';
import { useDashboard } from '../state/dashboard-context';
import { DeliveryState } from './delivery-state';

/** Enter sends, Shift+Enter starts a new line (as in chat boxes). */
export function sendOnEnter(event: KeyboardEvent, send: () => void): void {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
}

export function MessageBox(): JSX.Element {
  const feedback = useDashboard().feedback;
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();

  const send = async (): Promise<void> => {
    const message = text();
    if (busy()) return;
    if (message.trim() === '') return void setProblem('Write a message first.');
    setProblem(undefined);
    setBusy(true);
    const result = await feedback.send({ kind: 'message', data: { text: message } }, message);
    setBusy(false);
    if (result.ok) setText('');
  };

  return (
    <Show
      when={feedback.open()}
      fallback={<p class="fb-closed">The assistant is not taking messages or answers on this dashboard.</p>}
    >
      <section class="message-box">
        <form
          class="message-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label for="message-to-assistant">Message to the assistant</label>
          <div class="message-row">
            <textarea
              id="message-to-assistant"
              rows={2}
              maxLength={MAX_ANSWER_TEXT_CHARS}
              placeholder="Ask a question or say what to change; the assistant reads it here."
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => sendOnEnter(e, () => void send())}
            />
            <button type="submit" class="button button-primary" disabled={busy()}>
              Send
            </button>
          </div>
          <Show when={problem()}>{(p) => <p class="fb-error" role="alert">{p()}</p>}</Show>
        </form>
        <Show when={feedback.sent(undefined, 'message').length > 0}>
          <ul class="fb-sent" aria-label="Your messages">
            <For each={feedback.sent(undefined, 'message')}>
              {(item) => (
                <li>
                  <span class="fb-text">{item.label}</span> <DeliveryState id={item.id} error={item.error} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
