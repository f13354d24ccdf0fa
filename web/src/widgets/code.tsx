// Code widget: highlighted with the small tokenizer, each token a text span (no HTML from the author).
import { For, Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { tokenize } from '../../../server/dashboard/present/highlight.ts';
import { optString, string } from '../../../server/dashboard/present/widget-fields.ts';

export function CodeWidget(props: { widget: WidgetView }): JSX.Element {
  const language = (): string | undefined => optString(props.widget.language, 'language');
  const tokens = () => tokenize(string(props.widget.code, 'code'), language());
  return (
    <div class="code">
      <Show when={language()}>{(l) => <span class="code-lang">{l()}</span>}</Show>
      <pre tabindex="0"><code>
        <For each={tokens()}>{(t) => (t.type === 'plain' ? t.text : <span class={`tok-${t.type}`}>{t.text}</span>)}</For>
      </code></pre>
    </div>
  );
}
