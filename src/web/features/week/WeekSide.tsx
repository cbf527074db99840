import type { Trend, WeekReport } from '../../api/types.ts';
import { addDays, mondayOf, todayIn } from '../../shared/dates.ts';
import { DueDecisions } from '../decisions/DueDecisions.tsx';
import { PlanSummary } from '../plan/PlanSummary.tsx';
import { ReflectionCard } from '../reflections/ReflectionCard.tsx';
import { AccountBreakdown } from './AccountBreakdown.tsx';
import { TargetsBar } from './TargetsBar.tsx';
import { TrendChart } from './TrendChart.tsx';

/** 1 (Monday) to 7 (Sunday) for a YYYY-MM-DD day. */
const weekdayOf = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() || 7;

interface WeekSideProps {
  week: string;
  currentWeek: string;
  timeZone: string;
  report: WeekReport | undefined;
  trend: Trend | undefined;
}

/**
 * What sits beside the board: the targets, the trend, the plan, due decisions, the reflection and
 * the accounts. WeekPage loads it beside the board, not before it.
 */
export function WeekSide({ week, currentWeek, timeZone, report, trend }: WeekSideProps) {
  const isCurrent = week === currentWeek;
  return (
    <>
      {report ? <TargetsBar report={report} /> : <div className="panel panel--skeleton" />}
      <TrendChart trend={trend} week={week} />
      <PlanSummary week={week} />
      <DueDecisions until={addDays(mondayOf(week), 6)} />
      <ReflectionCard
        week={week}
        ending={week < currentWeek || (isCurrent && weekdayOf(todayIn(timeZone)) >= 5)}
      />
      {report && <AccountBreakdown report={report} />}
    </>
  );
}
