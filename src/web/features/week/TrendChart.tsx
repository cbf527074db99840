import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption, ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import type { Trend, TrendWeek } from '../../api/types.ts';
import { formatWeekRange } from '../../shared/dates.ts';
import { formatHours, formatShare } from '../../shared/format.ts';
import { navigate } from '../../shared/navigation.ts';
import { QUADRANTS, quadrantColor } from '../../shared/quadrants.ts';
import { echarts } from './echarts.ts';

type TrendOption = ComposeOption<BarSeriesOption | GridComponentOption>;

interface Hover {
  index: number;
  x: number;
  y: number;
  /** Whether the pointer is on the chart's right half, so the tip opens to the left. */
  flip: boolean;
}

function optionFor(trend: Trend, viewedWeek: string): TrendOption {
  const weeks = trend.weeks;
  const textColor =
    getComputedStyle(document.documentElement).getPropertyValue('--text-muted').trim() || '#667';
  return {
    animationDuration: 300,
    animationDurationUpdate: 300,
    grid: { left: 8, right: 8, top: 12, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => w.week),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#d5dae1' } },
      axisLabel: {
        color: textColor,
        formatter: (value: string) => (value === viewedWeek ? `{current|${value.slice(5)}}` : value.slice(5)),
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
      stack: 'week',
      barMaxWidth: 26,
      color: quadrantColor(q.id),
      cursor: 'pointer',
      emphasis: { focus: 'series' },
      data: weeks.map((w) => ({
        value: Math.round((w.quadrants[q.id].minutes / 60) * 10) / 10,
        itemStyle: { opacity: w.week === viewedWeek ? 1 : 0.78 },
      })),
    })),
  };
}

/** Hours per quadrant for the twelve weeks ending at the viewed week; click a bar to open that week. */
export function TrendChart({ trend, week }: { trend: Trend | undefined; week: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => {
      const clicked = typeof event.name === 'string' ? event.name : undefined;
      if (clicked) navigate({ page: 'week', week: clicked });
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
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (trend) chart.current?.setOption(optionFor(trend, week), { notMerge: true });
  }, [trend, week]);

  const first = trend?.weeks[0]?.week;
  const hovered = hover ? trend?.weeks[hover.index] : undefined;
  return (
    <section className="panel">
      <div className="panel__header">
        <h2 className="panel__title">12-week trend</h2>
        <span className="panel__subtitle">
          Hours per quadrant{first ? `, ${first.slice(5)} to ${week.slice(5)}` : ''}
        </span>
      </div>
      <ul className="split-legend split-legend--top">
        {QUADRANTS.map((q) => (
          <li key={q.id}>
            <span className={`dot bg-${q.id}`} aria-hidden="true" />
            {q.label} {q.name}
          </li>
        ))}
      </ul>
      <div className="trend">
        <div
          ref={container}
          className="trend-chart"
          data-testid="trend-chart"
          role="img"
          aria-label={trend ? trendDescription(trend) : 'Loading the trend'}
        />
        {hover && hovered && <WeekTip week={hovered} hover={hover} />}
      </div>
    </section>
  );
}

/** The hovered week's figures, beside the pointer. */
function WeekTip({ week, hover }: { week: TrendWeek; hover: Hover }) {
  const { x, y, flip } = hover;
  return (
    <div
      className="chart-tip"
      style={{
        top: Math.max(0, y - 40),
        left: flip ? undefined : x + 14,
        right: flip ? `calc(100% - ${x - 14}px)` : undefined,
      }}
    >
      <div className="chart-tip__title">
        {week.week} · {formatWeekRange(week.week)}
      </div>
      {QUADRANTS.map((q) => (
        <div key={q.id} className="chart-tip__row">
          <span className={`dot bg-${q.id}`} />
          {q.label} {q.name}
          <b>
            {formatHours(week.quadrants[q.id].minutes)} · {formatShare(week.quadrants[q.id].share)}
          </b>
        </div>
      ))}
      <div className="chart-tip__total">
        Total <b>{formatHours(week.totalMinutes)}</b>
      </div>
    </div>
  );
}

function trendDescription(trend: Trend): string {
  const weeks = trend.weeks;
  const average = (q: 'q2' | 'q3') =>
    weeks.length ? weeks.reduce((sum, w) => sum + w.quadrants[q].share, 0) / weeks.length : 0;
  return `Stacked hours per quadrant for ${weeks.length} weeks; on average ${formatShare(average('q2'))} went to Q2 and ${formatShare(average('q3'))} to Q3.`;
}
