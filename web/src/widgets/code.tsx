// Code widget: highlighted with the small tokenizer, each token a text span (no HTML from the author).
import { For, Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { tokenize } from '../lib/highlight';
import { optString, string } from '../lib/validate';

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
