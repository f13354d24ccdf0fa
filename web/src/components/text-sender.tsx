// What the message box and a widget's comment box share: a draft that sends on Send or Enter (Shift+Enter: new line),
// refuses an empty one, and the list of what this browser sent, each with its delivery state.
import { createSignal, For, Show, type Accessor, type JSX } from 'solid-js';
import type { SendOutcome, SentItem } from '../state/feedback';
import { DeliveryState } from './delivery-state';

export interface TextDraft {
  text: Accessor<string>;
  setText(text: string): void;
  busy: Accessor<boolean>;
  /** Why nothing was sent (an empty draft). */
  problem: Accessor<string | undefined>;
  submit(): Promise<void>;
  /** For the textarea's keydown: Enter sends, Shift+Enter starts a new line. */
  onKeyDown(event: KeyboardEvent): void;
}

/** `send` delivers the text; after a success the draft is cleared and `onSent` runs. */
export function createTextDraft(options: { empty: string; send: (text: string) => Promise<SendOutcome>; onSent?: () => void }): TextDraft {
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const submit = async (): Promise<void> => {
    const draft = text();
    if (busy()) return;
    if (draft.trim() === '') return void setProblem(options.empty);
    setProblem(undefined);
    setBusy(true);
    const result = await options.send(draft);
    setBusy(false);
    if (!result.ok) return;
    setText('');
    options.onSent?.();
  };
  return {
    text,
    setText,
    busy,
    problem,
    submit,
    onKeyDown(event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void submit();
      }
    },
  };
}

/** The draft's Send button and, under it, why nothing was sent. */
export function SendButton(props: { draft: TextDraft }): JSX.Element {
  return (
    <button type="submit" class="button button-primary" disabled={props.draft.busy()}>
      Send
    </button>
  );
}

export function DraftProblem(props: { draft: TextDraft }): JSX.Element {
  return <Show when={props.draft.problem()}>{(p) => <p class="fb-error" role="alert">{p()}</p>}</Show>;
}

export function SentList(props: { items: readonly SentItem[]; label: string }): JSX.Element {
  return (
    <Show when={props.items.length > 0}>
      <ul class="fb-sent" aria-label={props.label}>
        <For each={props.items}>
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
