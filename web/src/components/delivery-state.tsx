// Where something the person sent stands: sending, sent, seen (the assistant has read it), or why it was refused.
import { Match, Switch, type JSX } from 'solid-js';
import { useDashboard } from '../state/dashboard-context';

export function DeliveryState(props: { id?: number; error?: string }): JSX.Element {
  const data = useDashboard();
  return (
    <Switch>
      <Match when={props.error}>
        {(error) => (
          <span class="fb-error" role="alert">
            Not sent: {error()}
          </span>
        )}
      </Match>
      <Match when={props.id === undefined}>
        <span class="fb-status">sending…</span>
      </Match>
      <Match when={(props.id ?? Infinity) <= data.feedback.seenThrough()}>
        <span class="fb-status fb-seen" title="The assistant has read this">seen</span>
      </Match>
      <Match when={true}>
        <span class="fb-status" title="Waiting for the assistant to read it">sent</span>
      </Match>
    </Switch>
  );
}
