// The page's "Message to the assistant" box and what this browser sent with it, each marked sent, then seen.
import { Show, type JSX } from 'solid-js';
import { MAX_ANSWER_TEXT_CHARS } from '../../../server/dashboard/answer-rules.ts';
import { useDashboard } from '../state/dashboard-context';
import { createTextDraft, DraftProblem, SendButton, SentList } from './text-sender';

export function MessageBox(): JSX.Element {
  const feedback = useDashboard().feedback;
  const draft = createTextDraft({ empty: 'Write a message first.', send: (text) => feedback.send({ kind: 'message', data: { text } }, text) });

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
            void draft.submit();
          }}
        >
          <label for="message-to-assistant">Message to the assistant</label>
          <div class="message-row">
            <textarea
              id="message-to-assistant"
              rows={2}
              maxLength={MAX_ANSWER_TEXT_CHARS}
              placeholder="Ask a question or say what to change"
              value={draft.text()}
              onInput={(e) => draft.setText(e.currentTarget.value)}
              onKeyDown={(e) => draft.onKeyDown(e)}
            />
            <SendButton draft={draft} />
          </div>
          <DraftProblem draft={draft} />
        </form>
        <SentList items={feedback.sent(undefined, 'message')} label="Your messages" />
      </section>
    </Show>
  );
}
