import { Suspense, useEffect, useMemo, useState } from 'react';
import type { Activity, Me } from '../../api/types.ts';
import { currentWeekIn, mondayOf, nextQuarterHourIn, todayIn } from '../../shared/dates.ts';
import { problemOf } from '../../shared/forms.ts';
import { lazyNamed } from '../../shared/lazy.ts';
import { navigate } from '../../shared/navigation.ts';
import { ReviewBanner } from '../calendar/review/ReviewBanner.tsx';
import { MatrixBoard } from './MatrixBoard.tsx';
import { NotCountedStrip } from './NotCountedStrip.tsx';
import { QuickAdd } from './QuickAdd.tsx';
import { WeekHeader } from './WeekHeader.tsx';
import { useTrend, useWeekActivities, useWeekReport } from './week-queries.ts';

// Loaded when a card is first opened: the board shows without the edit form.
const EditDialog = lazyNamed(() => import('./EditDialog.tsx'), 'EditDialog');
// Loaded when the week turns out empty (a first visit): the board does not wait for it.
const EmptyWeek = lazyNamed(() => import('./EmptyWeek.tsx'), 'EmptyWeek');
// Fetched as the page starts, beside the week's data: the board does not wait for it.
const WeekSide = lazyNamed(() => import('./WeekSide.tsx'), 'WeekSide');

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
          {isEmpty && (
            <Suspense fallback={null}>
              <EmptyWeek week={week} />
            </Suspense>
          )}
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
          <Suspense fallback={<div className="panel panel--skeleton" />}>
            <WeekSide
              week={week}
              currentWeek={currentWeek}
              timeZone={me.timeZone}
              report={report.data}
              trend={trend.data}
            />
          </Suspense>
        </aside>
      </div>
      {editing && (
        <Suspense fallback={null}>
          <EditDialog key={editing.id} activity={editing} week={week} onClose={() => setEditingId(null)} />
        </Suspense>
      )}
    </div>
  );
}
