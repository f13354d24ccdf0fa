// Peer page for the page benchmark: the least a page can do to show the dashboard's charts, with the same ECharts
// build as mcpdash's page (web/src/lib/echarts-setup.ts). One script, no framework, fixed sizes (no layout reads),
// the options exactly as the server serves them. What it costs is the floor for drawing these charts cold.
import { echarts } from '../../../web/src/lib/echarts-setup.ts';

interface ChartWidget {
  id: string;
  kind: string;
  width?: number;
  option: Record<string, unknown>;
}

const PAGE_WIDTH = 1400 - 32;
const view = (await (await fetch('/dashboard.json')).json()) as { widgets: ChartWidget[] };
const root = document.getElementById('root')!;
const charts = view.widgets.filter((w) => w.kind === 'chart');
const boxes = charts.map((w) => {
  const box = document.createElement('div');
  box.className = 'chart';
  box.dataset.widgetId = w.id;
  const width = Math.floor((PAGE_WIDTH * (w.width ?? 6)) / 12) - 16;
  box.style.cssText = `display:inline-block;vertical-align:top;margin:8px;width:${width}px;height:300px`;
  root.append(box);
  return { box, width };
});
charts.forEach((w, i) => {
  const { box, width } = boxes[i]!;
  echarts.init(box, undefined, { renderer: 'canvas', width, height: 300 }).setOption(w.option);
});
