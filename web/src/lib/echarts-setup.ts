// The ECharts build this page uses: core + the charts and components AI-written options need, canvas only.
// Imported lazily (its own chunk) so pages without charts never download it.
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ECHARTS_PARTS } from '../../../server/dashboard/present/echarts-parts.ts';

echarts.use([...ECHARTS_PARTS, CanvasRenderer]);

export { echarts };
