import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import type { TeamPerson, TeamTrendPoint } from '../../api/types.ts';
import { useEChart } from '../../shared/echarts.ts';
import { formatHours, formatShare } from '../../shared/format.ts';
import { heatColour, weekLabel } from './heat.ts';

// Both charts are drawn with the bar chart the Week page already registers (shared/echarts.ts):
// ECharts' heatmap, line and visualMap would share modules with the scorecard's radar, which the
// bundler then moves into the Week page's chart chunk (+1.2 KB gzipped).
type BarsOption = ComposeOption<BarSeriesOption | GridComponentOption>;

const css = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

function weekAxis(weeks: string[], current: string) {
  return {
    type: 'category' as const,
    data: weeks,
    axisTick: { show: false },
    axisLine: { show: false },
    axisLabel: {
      color: css('--text-muted', '#667'),
      formatter: (week: string) => (week === current ? `{current|${weekLabel(week)}}` : weekLabel(week)),
      rich: { current: { fontWeight: 'bold' as const, color: css('--text', '#1f2933') } },
    },
  };
}

interface Tip {
  x: number;
  y: number;
  flip: boolean;
  title: string;
  lines: string[];
}

function tipAt(element: HTMLElement, event: { event?: { event?: unknown } }) {
  const pointer = event.event?.event as MouseEvent | undefined;
  const box = element.getBoundingClientRect();
  const x = (pointer?.clientX ?? box.left) - box.left;
  return { x, y: (pointer?.clientY ?? box.top) - box.top, flip: x > box.width / 2 };
}

function ChartTip({ tip }: { tip: Tip }) {
  return (
    <div
      className="chart-tip"
      style={{
        top: Math.max(0, tip.y - 46),
        left: tip.flip ? undefined : tip.x + 14,
        right: tip.flip ? `calc(100% - ${tip.x - 14}px)` : undefined,
      }}
    >
      <div className="chart-tip__title">{tip.title}</div>
      {tip.lines.map((line) => (
        <div key={line} className="chart-tip__row">
          {line}
        </div>
      ))}
    </div>
  );
}

const ROW_HEIGHT = 30;

/**
 * People × the 12 weeks, each cell shaded by that week's Q2 share (grey: no time logged). Clicking
 * a cell opens that week with the person's row picked out.
 */
export function TeamHeatmap({
  people,
  weeks,
  week,
  selected,
  onSelect,
}: {
  people: TeamPerson[];
  weeks: string[];
  week: string;
  selected?: string;
  onSelect: (userId: string, week: string) => void;
}) {
  const select = useRef(onSelect);
  select.current = onSelect;
  const cells = useRef<
    { row: number; column: number; userId: string; week: string; title: string; lines: string[] }[]
  >([]);
  const [tip, setTip] = useState<Tip | null>(null);
  const [wide, setWide] = useState(true);
  const { container, chart } = useEChart((instance, element) => {
    const cellOf = (event: { dataIndex: number; seriesIndex?: number }) =>
      cells.current.find((c) => c.row === event.dataIndex && c.column === event.seriesIndex);
    instance.on('click', (event) => {
      const cell = cellOf(event);
      if (cell) select.current(cell.userId, cell.week);
    });
    instance.on('mouseover', (event) => {
      const cell = cellOf(event);
      if (cell) setTip({ ...tipAt(element, event), title: cell.title, lines: cell.lines });
    });
    instance.on('mouseout', () => setTip(null));
  });
  // Numbers in the cells only where they fit.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const fit = new ResizeObserver(() => setWide(element.clientWidth >= 560));
    fit.observe(element);
    return () => fit.disconnect();
  }, [container]);

  useEffect(() => {
    const text = css('--text', '#1f2933');
    cells.current = people.flatMap((person, row) =>
      person.q2Trend.map((point, column) => ({
        row,
        column,
        userId: person.userId,
        week: point.week,
        title: `${person.name} · ${point.week}`,
        lines:
          point.share === null
            ? ['No time logged']
            : [`Q2 ${formatShare(point.share)}`, `${formatHours(point.totalMinutes ?? 0)} logged`],
      })),
    );
    // A grid of cells: one stacked bar per person, one segment (of width 1) per week.
    const option: BarsOption = {
      animation: false,
      grid: { left: 4, right: 8, top: 4, bottom: 4, containLabel: true },
      xAxis: [
        { type: 'value', min: 0, max: weeks.length, show: false },
        {
          ...weekAxis(weeks, week),
          position: 'top',
          axisLabel: { ...weekAxis(weeks, week).axisLabel, interval: wide ? 0 : 'auto' },
        },
      ],
      yAxis: {
        type: 'category',
        inverse: true,
        data: people.map((p) => p.name),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: text, width: wide ? 150 : 84, overflow: 'truncate', fontWeight: 500 },
      },
      series: weeks.map((cellWeek, column) => ({
        type: 'bar',
        stack: 'cells',
        xAxisIndex: 0,
        barWidth: '86%',
        cursor: 'pointer',
        label: {
          show: wide,
          position: 'inside',
          fontSize: 11,
          formatter: (params: { dataIndex: number }) => {
            const share = people[params.dataIndex]?.q2Trend[column]?.share;
            return share === null || share === undefined ? '' : String(Math.round(share * 100));
          },
        },
        emphasis: { itemStyle: { borderColor: text } },
        data: people.map((person) => {
          const share = person.q2Trend[column]?.share ?? null;
          const isSelected = person.userId === selected && cellWeek === week;
          return {
            value: 1,
            itemStyle: {
              color: heatColour(share),
              borderColor: isSelected ? text : css('--surface', '#fff'),
              borderWidth: 2,
              borderRadius: 4,
            },
            label: { color: share !== null && share >= 0.35 ? '#fff' : text },
          };
        }),
      })),
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [people, weeks, week, selected, wide, chart]);

  return (
    <div className="trend">
      <div
        ref={container}
        className="team-heatmap__chart"
        style={{ height: people.length * ROW_HEIGHT + 28 }}
        data-testid="team-heatmap"
        role="img"
        aria-label={`Q2 share of each person's week, ${weeks[0]} to ${weeks.at(-1)}; click a week to open it`}
      />
      {tip && <ChartTip tip={tip} />}
    </div>
  );
}

/** The team's Q2 share over the 12 weeks, a bar per week (none where nobody logged time). */
export function Q2TrendLine({
  trend,
  week,
  onSelect,
}: {
  trend: TeamTrendPoint[];
  week: string;
  onSelect: (week: string) => void;
}) {
  const select = useRef(onSelect);
  select.current = onSelect;
  const points = useRef(trend);
  points.current = trend;
  const [tip, setTip] = useState<Tip | null>(null);
  const { container, chart } = useEChart((instance, element) => {
    instance.on('click', (event) => {
      const point = points.current[event.dataIndex];
      if (point) select.current(point.week);
    });
    instance.on('mouseover', (event) => {
      const point = points.current[event.dataIndex];
      if (!point) return;
      setTip({
        ...tipAt(element, event),
        title: point.week,
        lines:
          point.share === null
            ? ['No time logged']
            : [`Q2 ${formatShare(point.share)}`, `${formatHours(point.totalMinutes ?? 0)} logged`],
      });
    });
    instance.on('mouseout', () => setTip(null));
  });

  useEffect(() => {
    const q2 = css('--q2', '#1f9d74');
    const top = Math.max(50, ...trend.map((p) => Math.ceil(((p.share ?? 0) * 100) / 10) * 10));
    const option: BarsOption = {
      animationDuration: 300,
      grid: { left: 4, right: 12, top: 12, bottom: 4, containLabel: true },
      xAxis: weekAxis(
        trend.map((p) => p.week),
        week,
      ),
      yAxis: {
        type: 'value',
        min: 0,
        max: top,
        interval: top / 2,
        axisLabel: { color: css('--text-muted', '#667'), formatter: '{value} %' },
        splitLine: { lineStyle: { color: '#eef1f4' } },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          cursor: 'pointer',
          data: trend.map((p) => ({
            value: p.share === null ? '-' : Math.round(p.share * 1000) / 10,
            itemStyle: { color: q2, opacity: p.week === week ? 1 : 0.7, borderRadius: [3, 3, 0, 0] },
          })),
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [trend, week, chart]);

  const known = trend.filter((p) => p.share !== null);
  const description = known.length
    ? `The team's Q2 share for ${trend.length} weeks: ${trend.map((p) => (p.share === null ? 'none' : formatShare(p.share))).join(', ')}`
    : 'No time logged by the team in these 12 weeks';
  return (
    <div className="trend">
      <div
        ref={container}
        className="team-trend__chart"
        data-testid="team-trend"
        role="img"
        aria-label={description}
      />
      {tip && <ChartTip tip={tip} />}
    </div>
  );
}
