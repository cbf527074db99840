import type { Quadrant } from '../api/types.ts';
import { BarChart, type ChartBar } from './charts/BarChart.tsx';
import { formatHours, formatShare } from './format.ts';
import { QUADRANTS } from './quadrants.ts';

/** One stacked bar: a week, a month… */
export interface QuadrantBar {
  key: string;
  /** Under the bar. */
  label: string;
  /** At the top of the hover details. */
  title: string;
  minutes: Record<Quadrant, number>;
}

const totalOf = (bar: QuadrantBar) => QUADRANTS.reduce((sum, q) => sum + bar.minutes[q.id], 0);

/** The bar's figures in words, for a screen reader: `2026-W47 · …: Q1 11.0 h, …; total 41.8 h`. */
const nameOf = (bar: QuadrantBar) =>
  `${bar.title}: ${QUADRANTS.map((q) => `${q.label} ${formatHours(bar.minutes[q.id])}`).join(', ')}; total ${formatHours(totalOf(bar))}`;

/**
 * Hours per quadrant as stacked bars (SVG, a few KB: the Week page's budget has no room for a chart
 * library), with the figures of a bar beside it on hover and keyboard focus. Loaded lazily, so pages
 * draw their figures first.
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
  if (!bars) return <div className="trend-chart" data-testid={testId} aria-busy="true" />;
  const byKey = new Map(bars.map((bar) => [bar.key, bar]));
  const chartBars: ChartBar[] = bars.map((bar) => ({
    key: bar.key,
    label: bar.label,
    name: nameOf(bar),
    segments: QUADRANTS.map((q) => ({
      id: q.id,
      value: bar.minutes[q.id] / 60,
      className: `chart-fill--${q.id}`,
    })),
  }));
  return (
    <BarChart
      bars={chartBars}
      highlight={highlight}
      onSelect={onSelect}
      formatTick={(hours) => `${hours} h`}
      description={description}
      testId={testId}
      className="trend-chart"
      tip={(bar) => {
        const source = byKey.get(bar.key);
        return source && <BarTip bar={source} />;
      }}
    />
  );
}

/** A bar's hours and share per quadrant, and its total. */
function BarTip({ bar }: { bar: QuadrantBar }) {
  const total = totalOf(bar);
  return (
    <>
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
    </>
  );
}
