// Progress widget: a bar (0..1) and/or a checklist of steps with their status.
import { isRecord } from '../../../server/dashboard/document-rules.ts';
import { For, Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { formatPercent } from '../../../server/dashboard/present/format.ts';
import { list, need, optNumber, optString } from '../../../server/dashboard/present/widget-fields.ts';

type Status = 'todo' | 'doing' | 'done' | 'failed';
const STATUS_TEXT: Record<Status, string> = { todo: 'to do', doing: 'in progress', done: 'done', failed: 'failed' };
const STATUS_ICON: Record<Status, string> = { todo: '○', doing: '◐', done: '✓', failed: '✕' };

export function ProgressWidget(props: { widget: WidgetView }): JSX.Element {
  const value = (): number | undefined => {
    const v = optNumber(props.widget.value, 'value');
    return v === undefined ? undefined : Math.min(1, Math.max(0, v));
  };
  const steps = (): { label: string; status: Status }[] =>
    props.widget.steps === undefined
      ? []
      : list(props.widget.steps, 'steps').map((s, i) => {
          need(isRecord(s) && typeof s.label === 'string', null, `step ${i + 1} needs a "label"`);
          const st = (s as { status?: unknown }).status;
          return { label: (s as { label: string }).label, status: (['todo', 'doing', 'done', 'failed'].includes(st as string) ? st : 'todo') as Status };
        });
  const label = (): string | undefined => optString(props.widget.label, 'label');
  return (
    <div class="progress">
      <Show when={value() !== undefined}>
        <div class="progress-head">
          <span>{label() ?? 'Progress'}</span>
          <span class="progress-pct">{formatPercent(value()!, 0)}</span>
        </div>
        <div class="progress-track" role="progressbar" aria-label={label() ?? 'Progress'} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value()! * 100)}>
          <div class="progress-fill" style={{ width: `${value()! * 100}%` }} />
        </div>
      </Show>
      <Show when={value() === undefined && label()}>
        <div class="progress-head"><span>{label()}</span></div>
      </Show>
      <Show when={steps().length > 0}>
        <ol class="steps">
          <For each={steps()}>
            {(s) => (
              <li class={`step step-${s.status}`} data-status={s.status}>
                <span class="step-icon" aria-hidden="true">{STATUS_ICON[s.status]}</span>
                <span class="step-label">{s.label}</span>
                <span class="visually-hidden"> ({STATUS_TEXT[s.status]})</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  );
}
