// Only the parts of ECharts the app draws, so the Week page stays under its 250 KB budget: the legend
// and the hover details are HTML (the Legend and Tooltip components would add 14 KB gzipped).
import { BarChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridSimpleComponent, CanvasRenderer]);

export { echarts };
