// Lazy loader for the ECharts chunk: fetched once, started as soon as a dashboard with charts is known.
type EChartsModule = typeof import('echarts/core');

let loading: Promise<EChartsModule> | undefined;

export function loadEcharts(): Promise<EChartsModule> {
  loading ??= import('./echarts-setup').then((m) => m.echarts);
  return loading;
}
