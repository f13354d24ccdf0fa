// Lazy loader for the ECharts chunk: fetched once, started as soon as a dashboard with charts is known.
type EChartsModule = typeof import('echarts/core');

let loading: Promise<EChartsModule> | undefined;

export function loadEcharts(): Promise<EChartsModule> {
  // A failed load (a tunnel hiccup) is not cached: the next chart tries again instead of every chart failing.
  loading ??= import('./echarts-setup').then(
    (m) => m.echarts,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
