// One chart through ECharts' server-side SVG renderer, as the page would draw it at this size and theme; also where
// its category axes landed in pixels (for the too-many-categories check).
import type * as EChartsCore from 'echarts/core';

export interface AxisPixels {
  dim: 'x' | 'y';
  index: number;
  /** Pixels from the first category to the last as drawn. */
  span: number;
}

export interface RenderedChart {
  svg: string;
  axes: AxisPixels[];
}

type ECharts = typeof EChartsCore;

export function renderChart(
  echarts: ECharts,
  option: Record<string, unknown>,
  size: { width: number; height: number },
  theme: string | undefined,
  categoryAxes: { dim: 'x' | 'y'; index: number; count: number }[],
): RenderedChart {
  const chart = echarts.init(null, theme, { renderer: 'svg', ssr: true, width: Math.round(size.width), height: Math.round(size.height) });
  try {
    // No animation: a snapshot is the final frame, and SSR would otherwise emit CSS keyframes from an empty start.
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    const axes: AxisPixels[] = [];
    for (const axis of categoryAxes) {
      if (axis.count < 2) continue;
      const finder = axis.dim === 'x' ? { xAxisIndex: axis.index } : { yAxisIndex: axis.index };
      const first = chart.convertToPixel(finder, 0) as unknown;
      const last = chart.convertToPixel(finder, axis.count - 1) as unknown;
      if (typeof first === 'number' && typeof last === 'number') axes.push({ dim: axis.dim, index: axis.index, span: Math.abs(last - first) });
    }
    return { svg: chart.renderToSVGString(), axes };
  } finally {
    chart.dispose();
  }
}
