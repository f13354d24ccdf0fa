// Dev-only: turns the example's chart shorthand into ECharts options (the server does this for real).
type Json = Record<string, unknown>;
type Series = { name?: string; data: unknown[] };

export function shorthandToOption(w: Json): Json {
  const type = String(w.type);
  const series = (w.series as Series[]) ?? [];
  const axis = (x: unknown) => ({
    xAxis: { type: x ? 'category' : 'value', data: x, name: w.xLabel },
    yAxis: { type: 'value', name: w.yLabel, scale: type === 'candlestick' },
  });
  switch (type) {
    case 'line': case 'area': case 'bar': case 'stacked-bar':
      return {
        ...axis(w.x), legend: { show: series.length > 1 }, grid: { containLabel: true, left: 8, right: 16, top: 32, bottom: 8 },
        series: series.map((s) => ({ name: s.name, data: s.data, type: type === 'area' || type === 'line' ? 'line' : 'bar',
          areaStyle: type === 'area' ? {} : undefined, stack: type === 'stacked-bar' ? 'total' : undefined, smooth: type === 'area' })),
      };
    case 'scatter':
      return { ...axis(undefined), grid: { containLabel: true, left: 8, right: 16, top: 32, bottom: 8 }, series: series.map((s) => ({ name: s.name, data: s.data, type: 'scatter' })) };
    case 'pie': case 'donut':
      return { legend: { bottom: 0 }, series: series.map((s) => ({ name: s.name, data: s.data, type: 'pie', radius: type === 'donut' ? ['45%', '70%'] : '70%' })) };
    case 'heatmap':
      return { xAxis: { type: 'category', data: w.x }, yAxis: { type: 'category', data: w.y }, grid: { containLabel: true, left: 8, right: 8, top: 8, bottom: 48 },
        visualMap: { min: 0, max: Math.max(...series.flatMap((s) => s.data.map((d) => (d as number[])[2] ?? 0))), orient: 'horizontal', left: 'center', bottom: 0, calculable: true },
        series: series.map((s) => ({ name: s.name, data: s.data, type: 'heatmap' })) };
    case 'candlestick':
      return { ...axis(w.x), grid: { containLabel: true, left: 8, right: 16, top: 32, bottom: 8 }, series: series.map((s) => ({ name: s.name, data: s.data, type: 'candlestick' })) };
    case 'gauge':
      return { series: [{ type: 'gauge', data: [{ value: (series[0]?.data[0] as number) ?? 0, name: series[0]?.name }], detail: { valueAnimation: true } }] };
    default:
      return { series: [] };
  }
}

/** The example document as the server would send it: every chart has `option`. */
export function toView(doc: Json, id: string, revision = 1): Json {
  const now = new Date();
  const widgets = (doc.widgets as Json[]).map((w) => {
    if (w.kind !== 'chart' || w.option) return w;
    const { type: _t, x: _x, y: _y, series: _s, xLabel: _xl, yLabel: _yl, ...rest } = w;
    return { ...rest, option: shorthandToOption(w) };
  });
  return {
    id, title: doc.title, description: doc.description, theme: doc.theme ?? 'auto', widgets, revision,
    createdAt: now.toISOString(), updatedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
  };
}
