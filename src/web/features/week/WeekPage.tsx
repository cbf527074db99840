import { useEffect, useMemo, useState } from 'react';
import type { Activity, Me } from '../../api/types.ts';
import { addDays, currentWeekIn, mondayOf, nextQuarterHourIn, todayIn } from '../../shared/dates.ts';
import { problemOf } from '../../shared/forms.ts';
import { navigate } from '../../shared/navigation.ts';
import { ReviewBanner } from '../calendar/review/ReviewBanner.tsx';
import { DueDecisions } from '../decisions/DueDecisions.tsx';
import { PlanSummary } from '../plan/PlanSummary.tsx';
import { ReflectionCard } from '../reflections/ReflectionCard.tsx';
import { AccountBreakdown } from './AccountBreakdown.tsx';
import { EditDialog } from './EditDialog.tsx';
import { EmptyWeek } from './EmptyWeek.tsx';
import { MatrixBoard } from './MatrixBoard.tsx';
import { NotCountedStrip } from './NotCountedStrip.tsx';
import { QuickAdd } from './QuickAdd.tsx';
import { TargetsBar } from './TargetsBar.tsx';
import { TrendChart } from './TrendChart.tsx';
import { WeekHeader } from './WeekHeader.tsx';
import { useTrend, useWeekActivities, useWeekReport } from './week-queries.ts';

/** 1 (Monday) to 7 (Sunday) for a YYYY-MM-DD day. */
const weekdayOf = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() || 7;

export function WeekPage({ me, week: requestedWeek }: { me: Me; week?: string }) {
  const currentWeek = currentWeekIn(me.timeZone);
  const week = requestedWeek ?? currentWeek;
  const report = useWeekReport(week);
  const trend = useTrend(week);
  const activities = useWeekActivities(week);
  const [editingId, setEditingId] = useState<string | null>(null);
  // Imported all-day, multi-day, declined and free events are shown apart: they do not count as time.
  const [counted, notCounted] = useMemo(() => {
    const items = activities.data ?? [];
    return [items.filter((a) => !a.excludedReason), items.filter((a) => a.excludedReason)];
  }, [activities.data]);

  // The address always names the week, so a reload or a shared link shows the same one.
  useEffect(() => {
    if (!requestedWeek) navigate({ page: 'week', week }, { replace: true });
  }, [requestedWeek, week]);

  const isCurrent = week === currentWeek;
  const defaultDay = isCurrent ? todayIn(me.timeZone) : mondayOf(week);
  const defaultStart = isCurrent ? nextQuarterHourIn(me.timeZone) : '09:00';
  const editing = activities.data?.find((a) => a.id === editingId);
  const loading = report.isPlaceholderData || activities.isPlaceholderData;
  const failure = report.error ?? activities.error;
  const isEmpty = activities.data?.length === 0 && !activities.isPlaceholderData;

  return (
    <div className="week-page">
      <WeekHeader week={week} currentWeek={currentWeek} report={report.data} />
      {failure && (
        <div className="panel form-error" role="alert">
          Could not load {week}: {problemOf(failure).message}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              report.refetch();
              activities.refetch();
            }}
          >
            Retry
          </button>
        </div>
      )}
      <ReviewBanner />
      <div className="week-layout">
        <div className="week-main">
          {isEmpty && <EmptyWeek week={week} />}
          <QuickAdd week={week} defaultDay={defaultDay} defaultStart={defaultStart} />
          {report.data && activities.data ? (
            <div className={loading ? 'is-loading' : undefined} aria-busy={loading}>
              <MatrixBoard
                week={week}
                report={report.data}
                activities={counted}
                onOpen={(activity: Activity) => setEditingId(activity.id)}
              />
              {notCounted.length > 0 && <NotCountedStrip activities={notCounted} />}
            </div>
          ) : (
            <div className="board-skeleton" aria-busy="true" />
          )}
        </div>
        <aside className="week-side">
          {report.data ? <TargetsBar report={report.data} /> : <div className="panel panel--skeleton" />}
          <TrendChart trend={trend.data} week={week} />
          <PlanSummary week={week} />
          <DueDecisions until={addDays(mondayOf(week), 6)} />
          <ReflectionCard
            week={week}
            ending={week < currentWeek || (isCurrent && weekdayOf(todayIn(me.timeZone)) >= 5)}
          />
          {report.data && <AccountBreakdown report={report.data} />}
        </aside>
      </div>
      {editing && (
        <EditDialog key={editing.id} activity={editing} week={week} onClose={() => setEditingId(null)} />
      )}
    </div>
  );
}
