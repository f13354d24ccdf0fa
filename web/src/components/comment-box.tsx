// A widget's comment box (opened by its Comment button) and the comments this browser sent on it.
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { MAX_ANSWER_TEXT_CHARS } from '../../../server/dashboard/answer-rules';
import { useDashboard, useFeedback } from '../state/dashboard-context';
import { DeliveryState } from './delivery-state';
import { sendOnEnter } from './message-box';

export function CommentBox(props: { widgetId: string; about: string; id: string; onDone: () => void }): JSX.Element {
  const feedback = useDashboard().feedback;
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  let input!: HTMLTextAreaElement;
  onMount(() => input.focus());

  const send = async (): Promise<void> => {
    const comment = text();
    if (busy()) return;
    if (comment.trim() === '') return void setProblem('Write a comment first.');
    setProblem(undefined);
    setBusy(true);
    const result = await feedback.send({ kind: 'comment', widget: props.widgetId, data: { text: comment } }, comment);
    setBusy(false);
    // Closed after sending, so the page's own Send button is the only one again.
    if (result.ok) props.onDone();
  };

  return (
    <form
      class="comment-box"
      id={props.id}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label for={`${props.id}-text`} class="visually-hidden">
        {`Comment on ${props.about}`}
      </label>
      <textarea
        id={`${props.id}-text`}
        ref={input}
        rows={2}
        maxLength={MAX_ANSWER_TEXT_CHARS}
        placeholder="What should the assistant know about this?"
        value={text()}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onDone();
          else sendOnEnter(e, () => void send());
        }}
      />
      <div class="comment-actions">
        <button type="button" class="link-button" onClick={() => props.onDone()}>
          Cancel
        </button>
        <button type="submit" class="button button-primary" disabled={busy()}>
          Send
        </button>
      </div>
      <Show when={problem()}>{(p) => <p class="fb-error" role="alert">{p()}</p>}</Show>
    </form>
  );
}

/** The comments this browser sent on one widget, newest last. */
export function SentComments(props: { widgetId: string }): JSX.Element {
  const feedback = useFeedback();
  const comments = () => feedback?.sent(props.widgetId, 'comment') ?? [];
  return (
    <Show when={comments().length > 0}>
      <ul class="fb-sent" aria-label="Your comments">
        <For each={comments()}>
          {(item) => (
            <li>
              <span class="fb-text">{item.label}</span> <DeliveryState id={item.id} error={item.error} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
