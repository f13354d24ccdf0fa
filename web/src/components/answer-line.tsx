// Under a choice or form: the newest answer (yours or someone else's with the link) and whether the assistant saw it.
import { Match, Show, Switch, type JSX } from 'solid-js';
import type { InboxAnswer } from '../api/types';
import { useFeedback } from '../state/dashboard-context';
import { DeliveryState } from './delivery-state';

export function AnswerLine(props: { widgetId: string; describe: (answer: InboxAnswer) => string }): JSX.Element {
  const feedback = useFeedback();
  const answer = () => feedback?.answer(props.widgetId);
  // This browser's latest send: still on its way, or refused (then the refusal is what matters).
  const mine = () => feedback?.sent(props.widgetId).filter((item) => item.kind === 'choice' || item.kind === 'form').at(-1);
  return (
    <div class="fb-answer-line" aria-live="polite">
      <Switch>
        <Match when={mine()?.error}>{(error) => <p class="fb-error" role="alert">Not sent: {error()}</p>}</Match>
        <Match when={mine() && mine()!.id === undefined}>
          <p class="fb-answer"><span class="fb-status">sending…</span></p>
        </Match>
      </Switch>
      <Show when={answer()}>
        {(a) => (
          <p class="fb-answer">
            <span class="fb-who">{a().viewer === feedback?.viewer ? 'Your answer' : 'Last answer'}: </span>
            <span class="fb-text">{props.describe(a())}</span> <DeliveryState id={a().id} />
          </p>
        )}
      </Show>
    </div>
  );
}
