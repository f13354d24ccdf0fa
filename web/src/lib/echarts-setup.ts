// The ECharts build this page uses: core + the charts and components AI-written options need, canvas only.
// Imported lazily (its own chunk) so pages without charts never download it.
import * as echarts from 'echarts/core';
import {
  BarChart, BoxplotChart, CandlestickChart, FunnelChart, GaugeChart, HeatmapChart, LineChart,
  PieChart, RadarChart, SankeyChart, ScatterChart, TreemapChart,
} from 'echarts/charts';
import {
  DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, MarkPointComponent, PolarComponent, TitleComponent, TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, BoxplotChart, CandlestickChart, FunnelChart, GaugeChart, HeatmapChart, LineChart,
  PieChart, RadarChart, SankeyChart, ScatterChart, TreemapChart,
  DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, MarkPointComponent, PolarComponent, TitleComponent, TooltipComponent,
  VisualMapComponent, CanvasRenderer,
]);

export { echarts };
