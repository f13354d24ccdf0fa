// Chart widget: an ECharts option drawn on canvas, loaded lazily, resized with the layout, themed.
import { createEffect, createMemo, createSignal, getOwner, on, onCleanup, onMount, runWithOwner, Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { useWidgetFrame } from '../components/widget-context';
import { prepareChartOption } from '../lib/chart-option';
import { loadEcharts } from '../lib/echarts-loader';
import { observeSize } from '../lib/size-observer';
import type { ResolvedTheme } from '../lib/theme';
import { useTheme } from '../state/dashboard-context';

type ECharts = import('echarts/core').ECharts;
type EChartsModule = typeof import('echarts/core');


export function ChartWidget(props: { widget: WidgetView }): JSX.Element {
  let box!: HTMLDivElement;
  const theme = useTheme();
  const frame = useWidgetFrame();
  // Validation runs during render, so a bad option reaches this widget's error box.
  const option = createMemo(() => prepareChartOption(props.widget.option));
  const [failure, setFailure] = createSignal<string>();
  let chart: ECharts | undefined;
  let disposed = false;
  let size: { width: number; height: number } | undefined;

  const draw = (lib: EChartsModule, t: ResolvedTheme): void => {
    chart?.dispose();
    // Passing the size avoids ECharts reading it from the DOM, which would force a layout per chart.
    chart = lib.init(box, t === 'dark' ? 'dark' : undefined, { renderer: 'canvas', ...size });
    chart.setOption(option(), { notMerge: true });
  };

  onMount(() => {
    const owner = getOwner();
    let lib: EChartsModule | undefined;
    const start = (): void => {
      if (disposed || !lib || !size) return;
      runWithOwner(owner, () => {
        // Re-create on theme change (ECharts themes apply at init); only setOption on data change.
        createEffect(on(theme, (t) => draw(lib!, t)));
        createEffect(on(option, (o) => chart?.setOption(o, { notMerge: true }), { defer: true }));
      });
    };
    const stopObserving = observeSize(box, (width, height) => {
      const first = !size;
      size = { width, height };
      if (first) start();
      else chart?.resize(size);
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
      <div class="chart" ref={box} role="img" aria-label={props.widget.title ?? 'chart'} data-chart-id={props.widget.id} />
      <Show when={failure()}>{(f) => <p class="widget-error-inline">Chart could not be drawn: {f()}</p>}</Show>
    </>
  );
}
