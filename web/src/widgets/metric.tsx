// Metric card: a big value with unit, a delta coloured by whether up is good, and a trend sparkline.
import { Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { Sparkline } from '../components/sparkline';
import { formatDelta, formatNumber } from '../../../server/dashboard/present/format.ts';
import { need, optNumber, optString } from '../../../server/dashboard/present/widget-fields.ts';

export type DeltaTone = 'good' | 'bad' | 'neutral';

export function deltaTone(delta: number, goodWhen: unknown): DeltaTone {
  if (delta === 0) return 'neutral';
  const up = delta > 0;
  return (goodWhen === 'down' ? !up : up) ? 'good' : 'bad';
}

export function MetricWidget(props: { widget: WidgetView }): JSX.Element {
  const w = (): WidgetView => props.widget;
  const value = (): string => {
    const v = w().value;
    need(typeof v === 'number' || typeof v === 'string', null, '"value" must be a number or text');
    return typeof v === 'number' ? formatNumber(v, optString(w().format, 'format')) : (v as string);
  };
  const delta = (): number | undefined => optNumber(w().delta, 'delta');
  const trend = (): number[] | undefined => {
    const t = w().trend;
    if (t === undefined) return undefined;
    need(Array.isArray(t) && t.every((x) => typeof x === 'number'), null, '"trend" must be a list of numbers');
    return t as number[];
  };
  const unit = (): string | undefined => {
    const u = optString(w().unit, 'unit');
    // A currency format already shows its symbol; repeating "USD" after "$191,494" is noise.
    return typeof w().format === 'string' && (w().format as string).startsWith('currency') ? undefined : u;
  };
  return (
    <div class="metric">
      <Show when={optString(w().label, 'label')}>{(label) => <div class="metric-label">{label()}</div>}</Show>
      <div class="metric-value">
        <span class="metric-number">{value()}</span>
        <Show when={unit()}>{(u) => <span class="metric-unit">{u()}</span>}</Show>
      </div>
      <Show when={delta() !== undefined}>
        <div class={`metric-delta tone-${deltaTone(delta()!, w().goodWhen)}`} data-tone={deltaTone(delta()!, w().goodWhen)}>
          <span aria-hidden="true">{delta()! > 0 ? '▲' : delta()! < 0 ? '▼' : '■'}</span>{' '}
          {formatDelta(delta()!, optString(w().format, 'format'), { unit: unit(), deltaFormat: optString(w().deltaFormat, 'deltaFormat') })}
        </div>
      </Show>
      <Show when={trend()}>{(t) => <Sparkline values={t()} class={delta() !== undefined ? `tone-${deltaTone(delta()!, w().goodWhen)}` : ''} />}</Show>
    </div>
  );
}
