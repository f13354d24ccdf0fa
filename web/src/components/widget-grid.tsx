// The widget grid that the page and the in-chat view both show: every widget in display order, each keyed by its id
// (its DOM is made once and only its own signal re-renders it), with the dashboard's one colour per series name.
import { For, Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { ChartColorsProvider } from '../state/chart-colors';
import { useDashboard } from '../state/dashboard-context';
import { WidgetFrame } from './widget-frame';

export function WidgetGrid(props: { class?: string; emptyHint: string }): JSX.Element {
  const data = useDashboard();
  const widgets = (): WidgetView[] => data.store.order().flatMap((id) => data.store.widget(id)() ?? []);
  return (
    <ChartColorsProvider widgets={widgets}>
      <main class={props.class ? `grid ${props.class}` : 'grid'} id="main">
        <For each={data.store.order()}>
          {(id) => {
            const widget = data.store.widget(id);
            return <Show when={widget()}>{(w) => <WidgetFrame widget={w} />}</Show>;
          }}
        </For>
        <Show when={data.store.order().length === 0}>
          <div class="empty-dashboard span-12">
            <h2>Nothing here yet</h2>
            <p>{props.emptyHint}</p>
          </div>
        </Show>
      </main>
    </ChartColorsProvider>
  );
}
