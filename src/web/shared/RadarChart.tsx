import type { RadarSeriesOption } from 'echarts/charts';
import type { RadarComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useEffect } from 'react';
import { useEChart } from './echarts.ts';
// Registered by their own modules rather than the 'echarts/charts' barrel, so the radar stays in
// this page's chunk and the Week page's chart chunk does not carry it.
import 'echarts/lib/chart/radar';
import 'echarts/lib/component/radar';

type RadarOption = ComposeOption<RadarSeriesOption | RadarComponentOption>;

export interface RadarSeries {
  name: string;
  color: string;
  /** One per axis; null where nobody answered: no point is drawn there (the outline passes the centre). */
  values: (number | null)[];
}

/** Scores 1–5 on each axis, one outline per series. Loaded lazily with the page that shows it. */
export default function RadarChart({
  axes,
  series,
  description,
  testId,
}: {
  axes: string[];
  series: RadarSeries[];
  description: string;
  testId?: string;
}) {
  const { container, chart } = useEChart();

  useEffect(() => {
    const option: RadarOption = {
      animationDuration: 300,
      radar: {
        indicator: axes.map((name) => ({ name, min: 0, max: 5 })),
        splitNumber: 5,
        radius: '66%',
        axisName: { color: '#4b5563', fontSize: 12 },
        splitLine: { lineStyle: { color: '#e3e6eb' } },
        splitArea: { areaStyle: { color: ['#fafbfc', '#f3f5f7'] } },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 5,
          data: series.map((s) => ({
            name: s.name,
            value: s.values.map((v) => (v === null ? '-' : v)) as number[],
            lineStyle: { color: s.color, width: 2 },
            itemStyle: { color: s.color },
            areaStyle: { color: s.color, opacity: 0.12 },
          })),
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [axes, series, chart]);

  return (
    <div ref={container} className="radar-chart" data-testid={testId} role="img" aria-label={description} />
  );
}
