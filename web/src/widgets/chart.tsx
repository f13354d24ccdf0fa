// Chart widget: an ECharts option drawn on canvas, loaded lazily, resized with the layout, themed; a clickable chart
// sends the clicked point, bar or slice to the assistant.
import { createEffect, createMemo, createSignal, getOwner, on, onCleanup, onMount, runWithOwner, Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { DeliveryState } from '../components/delivery-state';
import { useWidgetFrame } from '../components/widget-context';
import { prepareChartOption } from '../../../server/dashboard/present/chart-option.ts';
import { loadEcharts } from '../lib/echarts-loader';
import { observeSize } from '../lib/size-observer';
import type { ResolvedTheme } from '../lib/theme';
import { useChartColors } from '../state/chart-colors';
import { useFeedback, useTheme } from '../state/dashboard-context';

type ECharts = import('echarts/core').ECharts;
type EChartsModule = typeof import('echarts/core');

/** What ECharts hands a click handler (the parts used here). */
interface ClickParams {
  componentType?: string;
  seriesName?: unknown;
  name?: unknown;
  value?: unknown;
}

const LABEL_CHARS = 200;
const clip = (text: string): string => text.slice(0, LABEL_CHARS);

/** A clicked item's value as the server takes it: a number, short text, null, or a short list of those. */
export function clickValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value) && depth === 0) return value.slice(0, 8).map((v) => (typeof v === 'number' || typeof v === 'string' ? clickValue(v, 1) : null));
  if (value !== null && typeof value === 'object' && 'value' in value && depth === 0) return clickValue((value as { value: unknown }).value, 1);
  return null;
}

export function ChartWidget(props: { widget: WidgetView }): JSX.Element {
  let el!: HTMLDivElement;
  const theme = useTheme();
  const frame = useWidgetFrame();
  const feedback = useFeedback();
  const clickable = (): boolean => props.widget.clickable === true && (feedback?.open() ?? false);
  const clicks = () => feedback?.sent(props.widget.id, 'click') ?? [];

  const onClick = (params: ClickParams): void => {
    if (params.componentType !== 'series' || !clickable() || !feedback) return;
    const data = {
      series: typeof params.seriesName === 'string' ? clip(params.seriesName) : null,
      name: clip(String(params.name ?? '')),
      value: clickValue(params.value),
    };
    const shown = [data.series, data.name, Array.isArray(data.value) ? data.value.join(', ') : data.value].filter((part) => part !== null && part !== '').join(' · ');
    void feedback.send({ kind: 'click', widget: props.widget.id, data }, shown);
  };
  const nameColors = useChartColors(() => props.widget.id);
  // The laid-out size: the option adapts to it (legends wrap, labels thin, pie labels move to the legend).
  const [box, setBox] = createSignal<{ width: number; height: number }>();
  // Validation runs during render, so a bad option reaches this widget's error box.
  const option = createMemo(() => prepareChartOption(props.widget.option, { theme: theme(), box: box(), nameColors: nameColors() }));
  const [failure, setFailure] = createSignal<string>();
  let chart: ECharts | undefined;
  let disposed = false;
  let size: { width: number; height: number } | undefined;
  /** The widget option the chart shows (to tell a resize from new data). */
  let drawnFrom: unknown;

  const draw = (lib: EChartsModule, t: ResolvedTheme): void => {
    chart?.dispose();
    // Passing the size avoids ECharts reading it from the DOM, which would force a layout per chart.
    chart = lib.init(el, t === 'dark' ? 'dark' : undefined, { renderer: 'canvas', ...size });
    drawnFrom = props.widget.option;
    chart.setOption(option(), { notMerge: true });
    chart.on('click', (params) => onClick(params as ClickParams));
  };

  onMount(() => {
    const owner = getOwner();
    let lib: EChartsModule | undefined;
    const start = (): void => {
      if (disposed || !lib || !size) return;
      runWithOwner(owner, () => {
        // Re-create on theme change (ECharts themes apply at init); only setOption on data change.
        createEffect(on(theme, (t) => draw(lib!, t)));
        createEffect(
          on(
            option,
            (o) => {
              // A new size alone (a rotated phone, a resized chat column) redraws at once: animating from the old
              // layout would show, for a second, a pie sized for the old width.
              const resized = props.widget.option === drawnFrom;
              drawnFrom = props.widget.option;
              chart?.setOption(resized ? { ...o, animation: false } : o, { notMerge: true });
            },
            { defer: true },
          ),
        );
      });
    };
    const stopObserving = observeSize(el, (width, height) => {
      const first = !size;
      size = { width, height };
      if (!first) chart?.resize(size);
      setBox(size);
      if (first) start();
    });
    onCleanup(stopObserving);
    loadEcharts()
      .then((l) => {
        lib = l;
        start();
      })
      .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
    frame.setPngExporter(() =>
      chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: theme() === 'dark' ? '#161b22' : '#ffffff' }),
    );
  });

  onCleanup(() => {
    disposed = true;
    frame.setPngExporter(undefined);
    chart?.dispose();
  });

  return (
    <>
      <div class="chart" ref={el} role="img" aria-label={props.widget.title ?? 'chart'} data-chart-id={props.widget.id} />
      <Show when={failure()}>{(f) => <p class="widget-error-inline">Chart could not be drawn: {f()}</p>}</Show>
      <Show when={clickable()}>
        <p class="chart-click-hint">Click a point, bar or slice to send it to the assistant.</p>
      </Show>
      <Show when={clicks().at(-1)}>
        {(last) => (
          <p class="fb-answer">
            <span class="fb-who">You sent: </span>
            <span class="fb-text">{last().label}</span> <DeliveryState id={last().id} error={last().error} />
          </p>
        )}
      </Show>
    </>
  );
}
