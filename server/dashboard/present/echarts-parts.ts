// The ECharts charts and components mcpdash draws with: the page (canvas) and the server's snapshot (SVG) register
// the same parts, so an option the page can draw is one the snapshot can draw.
import {
  BarChart, BoxplotChart, CandlestickChart, FunnelChart, GaugeChart, HeatmapChart, LineChart,
  PieChart, RadarChart, SankeyChart, ScatterChart, TreemapChart,
} from 'echarts/charts';
import {
  DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, MarkPointComponent, PolarComponent, TitleComponent, TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';

export const ECHARTS_PARTS = [
  BarChart, BoxplotChart, CandlestickChart, FunnelChart, GaugeChart, HeatmapChart, LineChart,
  PieChart, RadarChart, SankeyChart, ScatterChart, TreemapChart,
  DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, MarkPointComponent, PolarComponent, TitleComponent, TooltipComponent,
  VisualMapComponent,
];
