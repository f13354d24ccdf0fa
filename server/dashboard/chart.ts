// Chart shorthand -> plain ECharts option JSON (no functions, no HTML), so the page only ever feeds options to ECharts.
import { CANDLE_COLORS } from './present/palette.ts';
import type { ChartPoint, ChartSeries, ChartType, ChartWidget, Theme } from './schema.ts';

export type EChartsOption = Record<string, unknown>;

/** An option chart passes through untouched; a shorthand chart becomes the equivalent ECharts option. */
export function chartToOption(widget: ChartWidget, theme?: Theme): EChartsOption {
  if (widget.option !== undefined) return widget.option;
  const type = widget.type as ChartType;
  const series = widget.series ?? [];
  const common: EChartsOption = { backgroundColor: 'transparent' };
  // 'auto' is decided by the viewer's browser, so only an explicit theme is a hint ECharts can use here.
  if (theme === 'dark' || theme === 'light') common.darkMode = theme === 'dark';
  const legend = series.length > 1 ? { legend: { type: 'scroll', top: 0 } } : {};
  switch (type) {
    case 'line':
    case 'area':
    case 'bar':
    case 'stacked-bar':
      return {
        ...common,
        tooltip: { trigger: 'axis' },
        ...legend,
        ...cartesian(widget, type === 'bar' || type === 'stacked-bar'),
        series: series.map((s) => ({
          type: type === 'line' || type === 'area' ? 'line' : 'bar',
          name: s.name,
          data: s.data,
          ...(type === 'area' ? { areaStyle: {} } : {}),
          ...(type === 'stacked-bar' ? { stack: 'total' } : {}),
          ...(type === 'line' || type === 'area' ? { showSymbol: s.data.length <= 60 } : {}),
        })),
      };
    case 'candlestick':
      return {
        ...common,
        tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
        ...legend,
        ...cartesian(widget, true, true),
        series: series.map((s) => ({ type: 'candlestick', name: s.name, data: s.data, itemStyle: candleStyle(widget.candleColors) })),
      };
    case 'scatter':
      return {
        ...common,
        tooltip: { trigger: 'item' },
        ...legend,
        xAxis: clean({ type: 'value', name: widget.xLabel, scale: true }),
        yAxis: clean({ type: 'value', name: widget.yLabel, scale: true, min: widget.min, max: widget.max }),
        series: series.map((s) => ({ type: 'scatter', name: s.name, data: s.data })),
      };
    case 'pie':
    case 'donut':
    case 'funnel': {
      const slices = series.map((s) => namedPoints(s, widget.x));
      const sliceCount = slices.reduce((n, data) => n + data.length, 0);
      return {
        ...common,
        tooltip: { trigger: 'item' },
        ...(sliceCount > 1 ? { legend: { type: 'scroll', top: 0 } } : {}),
        series: series.map((s, i) =>
          type === 'funnel'
            ? { type: 'funnel', name: s.name, data: slices[i], top: 40, bottom: 8 }
            : { type: 'pie', name: s.name, data: slices[i], radius: type === 'donut' ? ['45%', '70%'] : '70%', center: ['50%', '55%'] },
        ),
      };
    }
    case 'heatmap':
      return heatmap(widget, series, common);
    case 'gauge': {
      const point = series[0]?.data[0];
      const raw = typeof point === 'object' && point !== null && !Array.isArray(point) ? point.value : point;
      const value = typeof raw === 'number' ? raw : null;
      // The contract: with no max, a value from 0 to 1 is a fraction (progress, a ratio) shown on a 0-100 % dial.
      const fraction = widget.max === undefined && (widget.min ?? 0) === 0 && value !== null && value >= 0 && value <= 1;
      return {
        ...common,
        tooltip: {},
        series: [
          clean({
            type: 'gauge',
            name: series[0]?.name,
            min: widget.min ?? 0,
            max: widget.max ?? 100,
            data: [{ value: fraction ? Math.round(value * 1000) / 10 : value, name: series[0]?.name ?? '' }],
            detail: fraction ? { valueAnimation: true, formatter: '{value} %' } : { valueAnimation: true },
          }),
        ],
      };
    }
    case 'radar': {
      const indicators = (widget.x ?? []).map((name, i) =>
        clean({ name: String(name), max: widget.max ?? radarMax(series, i), min: widget.min }),
      );
      return {
        ...common,
        tooltip: { trigger: 'item' },
        ...legend,
        radar: { indicator: indicators },
        series: [{ type: 'radar', data: series.map((s) => ({ name: s.name, value: s.data })) }],
      };
    }
  }
}

/** ECharts' own defaults are the other way round (rising red): most readers, and the page's metrics, read a rise as green. */
function candleStyle(mode: ChartWidget['candleColors']): EChartsOption {
  const [up, down] = mode === 'red-up' ? [CANDLE_COLORS.down, CANDLE_COLORS.up] : [CANDLE_COLORS.up, CANDLE_COLORS.down];
  return { color: up, color0: down, borderColor: up, borderColor0: down };
}

/** Category x axis (given labels, else 1..n) and a value y axis named from xLabel/yLabel. */
function cartesian(widget: ChartWidget, boundaryGap: boolean, scale = false): EChartsOption {
  const length = Math.max(0, ...(widget.series ?? []).map((s) => s.data.length));
  const legendRow = (widget.series ?? []).length > 1 ? 28 : 0;
  return {
    // ECharts' default grid leaves ~10% margins on every side; a dashboard card is small, so use the space
    // and keep axis labels inside it.
    grid: { left: 8, right: widget.xLabel ? 48 : 16, top: legendRow + (widget.yLabel ? 32 : 16), bottom: 8, containLabel: true },
    xAxis: clean({
      type: 'category',
      data: widget.x ?? Array.from({ length }, (_, i) => String(i + 1)),
      name: widget.xLabel,
      boundaryGap,
    }),
    yAxis: clean({ type: 'value', name: widget.yLabel, min: widget.min, max: widget.max, scale: scale || undefined }),
  };
}

function heatmap(widget: ChartWidget, series: ChartSeries[], common: EChartsOption): EChartsOption {
  const cells = series.flatMap((s) => s.data.filter(Array.isArray)) as (number | string | null)[][];
  // Loops, not Math.max(...list): a heatmap may hold more cells than a call can take arguments.
  let min = Infinity;
  let max = -Infinity;
  const maxIndex = [-1, -1];
  for (const cell of cells) {
    const value = cell[2];
    if (typeof value === 'number') {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    for (const axis of [0, 1] as const) {
      const index = cell[axis];
      if (typeof index === 'number') maxIndex[axis] = Math.max(maxIndex[axis] as number, index);
    }
  }
  const labels = (given: readonly (string | number)[] | undefined, axis: 0 | 1) =>
    given ?? Array.from({ length: (maxIndex[axis] as number) + 1 }, (_, i) => String(i));
  return {
    ...common,
    tooltip: { position: 'top' },
    ...(series.length > 1 ? { legend: { type: 'scroll', top: 0 } } : {}),
    xAxis: clean({ type: 'category', data: labels(widget.x, 0), name: widget.xLabel, splitArea: { show: true } }),
    yAxis: clean({ type: 'category', data: labels(widget.y, 1), name: widget.yLabel, splitArea: { show: true } }),
    visualMap: {
      min: widget.min ?? (Number.isFinite(min) ? min : 0),
      max: widget.max ?? (Number.isFinite(max) ? max : 1),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
    },
    series: series.map((s) => ({ type: 'heatmap', name: s.name, data: s.data, label: { show: false } })),
  };
}

/** Pie-like data as { name, value }: numbers take their name from x. */
function namedPoints(series: ChartSeries, x: readonly (string | number)[] | undefined): ChartPoint[] {
  return series.data.map((point, i) => (typeof point === 'number' ? { name: String(x?.[i] ?? i + 1), value: point } : point));
}

function radarMax(series: ChartSeries[], axis: number): number | undefined {
  const values = series.map((s) => s.data[axis]).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return undefined;
  // A little headroom so the largest value does not sit on the rim.
  const top = Math.max(...values);
  return top > 0 ? niceCeil(top * 1.1) : undefined;
}

function niceCeil(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
}

/** Drops undefined members so the option is the same JSON on the server and in the page. */
function clean(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
