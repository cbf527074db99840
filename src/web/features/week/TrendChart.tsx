import type { Trend } from '../../api/types.ts';
import { formatWeekRange } from '../../shared/dates.ts';
import { formatShare } from '../../shared/format.ts';
import { navigate } from '../../shared/navigation.ts';
import { Panel } from '../../shared/Panel.tsx';
import { QuadrantChart } from '../../shared/QuadrantChart.tsx';

/** Hours per quadrant for the twelve weeks ending at the viewed week; click a bar to open that week. */
export function TrendChart({ trend, week }: { trend: Trend | undefined; week: string }) {
  const first = trend?.weeks[0]?.week;
  const bars = trend?.weeks.map((w) => ({
    key: w.week,
    label: w.week.slice(5),
    title: `${w.week} · ${formatWeekRange(w.week)}`,
    minutes: {
      q1: w.quadrants.q1.minutes,
      q2: w.quadrants.q2.minutes,
      q3: w.quadrants.q3.minutes,
      q4: w.quadrants.q4.minutes,
    },
  }));
  const description = trend ? trendDescription(trend) : 'Loading the trend';
  return (
    <Panel
      title="12-week trend"
      subtitle={`Hours per quadrant${first ? `, ${first.slice(5)} to ${week.slice(5)}` : ''}`}
      named={false}
    >
      <QuadrantChart
        bars={bars}
        highlight={week}
        onSelect={(clicked) => navigate({ page: 'week', week: clicked })}
        description={description}
        testId="trend-chart"
      />
    </Panel>
  );
}

function trendDescription(trend: Trend): string {
  const weeks = trend.weeks;
  const average = (q: 'q2' | 'q3') =>
    weeks.length ? weeks.reduce((sum, w) => sum + w.quadrants[q].share, 0) / weeks.length : 0;
  return `Stacked hours per quadrant for ${weeks.length} weeks; on average ${formatShare(average('q2'))} went to Q2 and ${formatShare(average('q3'))} to Q3.`;
}
