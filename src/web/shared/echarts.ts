// Only the parts of ECharts the app draws, so the Week page stays under its 250 KB budget: the legend
// and the hover details are HTML (the Legend and Tooltip components would add 14 KB gzipped).
import { BarChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import { type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type RefObject, useEffect, useRef } from 'react';

use([BarChart, GridSimpleComponent, CanvasRenderer]);

/**
 * A chart drawn into the returned container: created on mount (`onInit` adds its listeners),
 * resized with its box, disposed on unmount. Set options through `chart.current`.
 */
export function useEChart(onInit?: (instance: ECharts, element: HTMLDivElement) => void): {
  container: RefObject<HTMLDivElement | null>;
  chart: RefObject<ECharts | null>;
} {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const initialise = useRef(onInit);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    initialise.current?.(instance, element);
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  return { container, chart };
}
