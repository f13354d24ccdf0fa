// A widget's comment box (opened by its Comment button) and the comments this browser sent on it.
import { onMount, type JSX } from 'solid-js';
import { MAX_ANSWER_TEXT_CHARS } from '../../../server/dashboard/answer-rules.ts';
import { useDashboard, useFeedback } from '../state/dashboard-context';
import { createTextDraft, DraftProblem, SendButton, SentList } from './text-sender';

export function CommentBox(props: { widgetId: string; about: string; id: string; onDone: () => void }): JSX.Element {
  const feedback = useDashboard().feedback;
  const draft = createTextDraft({
    empty: 'Write a comment first.',
    send: (text) => feedback.send({ kind: 'comment', widget: props.widgetId, data: { text } }, text),
    // Closed after sending, so the page's own Send button is the only one again.
    onSent: () => props.onDone(),
  });
  let input!: HTMLTextAreaElement;
  onMount(() => input.focus());

  return (
    <form
      class="comment-box"
      id={props.id}
      onSubmit={(e) => {
        e.preventDefault();
        void draft.submit();
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
        value={draft.text()}
        onInput={(e) => draft.setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onDone();
          else draft.onKeyDown(e);
        }}
      />
      <div class="comment-actions">
        <button type="button" class="link-button" onClick={() => props.onDone()}>
          Cancel
        </button>
        <SendButton draft={draft} />
      </div>
      <DraftProblem draft={draft} />
    </form>
  );
}

/** The comments this browser sent on one widget, newest last. */
export function SentComments(props: { widgetId: string }): JSX.Element {
  const feedback = useFeedback();
  return <SentList items={feedback?.sent(props.widgetId, 'comment') ?? []} label="Your comments" />;
}
