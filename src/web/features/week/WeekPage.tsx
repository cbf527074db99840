import { useEffect, useState } from 'react';
import type { Activity, Me } from '../../api/types.ts';
import { currentWeekIn, mondayOf, nextQuarterHourIn, todayIn } from '../../shared/dates.ts';
import { problemOf } from '../../shared/forms.ts';
import { navigate } from '../../shared/navigation.ts';
import { AccountBreakdown } from './AccountBreakdown.tsx';
import { EditDialog } from './EditDialog.tsx';
import { EmptyWeek } from './EmptyWeek.tsx';
import { MatrixBoard } from './MatrixBoard.tsx';
import { QuickAdd } from './QuickAdd.tsx';
import { TargetsBar } from './TargetsBar.tsx';
import { TrendChart } from './TrendChart.tsx';
import { WeekHeader } from './WeekHeader.tsx';
import { useTrend, useWeekActivities, useWeekReport } from './week-queries.ts';

export function WeekPage({ me, week: requestedWeek }: { me: Me; week?: string }) {
  const currentWeek = currentWeekIn(me.timeZone);
  const week = requestedWeek ?? currentWeek;
  const report = useWeekReport(week);
  const trend = useTrend(week);
  const activities = useWeekActivities(week);
  const [editingId, setEditingId] = useState<string | null>(null);

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
      <div className="week-layout">
        <div className="week-main">
          {isEmpty && <EmptyWeek week={week} />}
          <QuickAdd week={week} defaultDay={defaultDay} defaultStart={defaultStart} />
          {report.data && activities.data ? (
            <div className={loading ? 'is-loading' : undefined} aria-busy={loading}>
              <MatrixBoard
                week={week}
                report={report.data}
                activities={activities.data}
                onOpen={(activity: Activity) => setEditingId(activity.id)}
              />
            </div>
          ) : (
            <div className="board-skeleton" aria-busy="true" />
          )}
        </div>
        <aside className="week-side">
          {report.data ? <TargetsBar report={report.data} /> : <div className="panel panel--skeleton" />}
          <TrendChart trend={trend.data} week={week} />
          {report.data && <AccountBreakdown report={report.data} />}
        </aside>
      </div>
      {editing && (
        <EditDialog key={editing.id} activity={editing} week={week} onClose={() => setEditingId(null)} />
      )}
    </div>
  );
}
