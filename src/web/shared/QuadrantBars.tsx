import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import type { Quadrant } from '../api/types.ts';
import { useEChart } from './echarts.ts';
import { formatHours, formatShare } from './format.ts';
import { QUADRANTS, quadrantColor } from './quadrants.ts';

type BarsOption = ComposeOption<BarSeriesOption | GridComponentOption>;

/** One stacked bar: a week, a month… */
export interface QuadrantBar {
  key: string;
  /** Under the bar. */
  label: string;
  /** At the top of the hover details. */
  title: string;
  minutes: Record<Quadrant, number>;
}

interface Hover {
  index: number;
  x: number;
  y: number;
  /** Whether the pointer is on the chart's right half, so the tip opens to the left. */
  flip: boolean;
}

const totalOf = (bar: QuadrantBar) => QUADRANTS.reduce((sum, q) => sum + bar.minutes[q.id], 0);

function optionFor(bars: QuadrantBar[], highlight: string | undefined): BarsOption {
  const textColor =
    getComputedStyle(document.documentElement).getPropertyValue('--text-muted').trim() || '#667';
  return {
    animationDuration: 300,
    animationDurationUpdate: 300,
    grid: { left: 8, right: 8, top: 12, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.key),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#d5dae1' } },
      axisLabel: {
        color: textColor,
        formatter: (key: string) => {
          const label = bars.find((b) => b.key === key)?.label ?? key;
          return key === highlight ? `{current|${label}}` : label;
        },
        rich: { current: { fontWeight: 'bold', color: '#1f2933' } },
      },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: textColor, formatter: '{value} h' },
      splitLine: { lineStyle: { color: '#eef1f4' } },
    },
    series: QUADRANTS.map((q) => ({
      type: 'bar',
      name: `${q.label} ${q.name}`,
      stack: 'all',
      barMaxWidth: 26,
      color: quadrantColor(q.id),
      cursor: 'pointer',
      emphasis: { focus: 'series' },
      data: bars.map((b) => ({
        value: Math.round((b.minutes[q.id] / 60) * 10) / 10,
        itemStyle: { opacity: highlight === undefined || b.key === highlight ? 1 : 0.78 },
      })),
    })),
  };
}

/**
 * Hours per quadrant as stacked bars with HTML hover details (ECharts' tooltip and legend would
 * cost 14 KB gzipped). Loaded lazily, so pages draw their figures before the chart library arrives.
 */
export default function QuadrantBars({
  bars,
  highlight,
  onSelect,
  description,
  testId,
}: {
  bars: QuadrantBar[] | undefined;
  highlight?: string;
  onSelect?: (key: string) => void;
  description: string;
  testId?: string;
}) {
  const select = useRef(onSelect);
  select.current = onSelect;
  const [hover, setHover] = useState<Hover | null>(null);
  const { container, chart } = useEChart((instance, element) => {
    instance.on('click', (event) => {
      if (typeof event.name === 'string') select.current?.(event.name);
    });
    instance.on('mouseover', (event) => {
      const pointer = event.event?.event as MouseEvent | undefined;
      const box = element.getBoundingClientRect();
      setHover({
        index: event.dataIndex,
        x: (pointer?.clientX ?? box.left) - box.left,
        y: (pointer?.clientY ?? box.top) - box.top,
        flip: (pointer?.clientX ?? box.left) - box.left > box.width / 2,
      });
    });
    instance.on('mouseout', () => setHover(null));
  });

  useEffect(() => {
    if (bars) chart.current?.setOption(optionFor(bars, highlight), { notMerge: true });
  }, [bars, highlight, chart]);

  const hovered = hover ? bars?.[hover.index] : undefined;
  return (
    <div className="trend">
      <div ref={container} className="trend-chart" data-testid={testId} role="img" aria-label={description} />
      {hover && hovered && <BarTip bar={hovered} hover={hover} />}
    </div>
  );
}

/** The hovered bar's figures, beside the pointer. */
function BarTip({ bar, hover }: { bar: QuadrantBar; hover: Hover }) {
  const { x, y, flip } = hover;
  const total = totalOf(bar);
  return (
    <div
      className="chart-tip"
      style={{
        top: Math.max(0, y - 40),
        left: flip ? undefined : x + 14,
        right: flip ? `calc(100% - ${x - 14}px)` : undefined,
      }}
    >
      <div className="chart-tip__title">{bar.title}</div>
      {QUADRANTS.map((q) => (
        <div key={q.id} className="chart-tip__row">
          <span className={`dot bg-${q.id}`} />
          {q.label} {q.name}
          <b>
            {formatHours(bar.minutes[q.id])} · {formatShare(total ? bar.minutes[q.id] / total : 0)}
          </b>
        </div>
      ))}
      <div className="chart-tip__total">
        Total <b>{formatHours(total)}</b>
      </div>
    </div>
  );
}
