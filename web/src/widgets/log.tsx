// Log tail: the last lines, kept scrolled to the bottom unless the reader scrolled up to read.
import { createEffect, For, on, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { list, need, optNumber } from '../../../server/dashboard/present/widget-fields.ts';

export function LogWidget(props: { widget: WidgetView }): JSX.Element {
  let box!: HTMLDivElement;
  let pinned = true;
  const lines = (): string[] => {
    const all = list(props.widget.lines, 'lines');
    need(all.every((l) => typeof l === 'string'), null, '"lines" must be a list of text lines');
    const max = optNumber(props.widget.maxLines, 'maxLines') ?? 1000;
    return (all as string[]).slice(-Math.max(1, Math.floor(max)));
  };
  const onScroll = (): void => {
    pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
  };
  createEffect(
    on(lines, () => {
      // After the frame's layout, so reading scrollHeight does not force an extra one mid-render.
      if (pinned) requestAnimationFrame(() => (box.scrollTop = box.scrollHeight));
    }),
  );
  return (
    <div class="log" ref={box} onScroll={onScroll} tabindex="0" role="log" aria-live="polite">
      <For each={lines()}>{(line) => <div class="log-line">{line}</div>}</For>
    </div>
  );
}
