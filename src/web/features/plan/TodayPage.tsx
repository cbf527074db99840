import type { Me } from '../../api/types.ts';
import {
  useWaitingActivities,
  useWaitingTicks,
  WaitingActivities,
  WaitingPill,
} from '../../offline/SyncStatus.tsx';
import { ActivityList } from '../../shared/ActivityLine.tsx';
import { formatWhen, todayIn } from '../../shared/dates.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { formatDuration } from '../../shared/format.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { PageIntro } from '../../shared/PageIntro.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { ReviewBanner } from '../calendar/review/ReviewBanner.tsx';
import { DueDecisions } from '../decisions/DueDecisions.tsx';
import { QuadrantQuickAdd } from '../week/QuadrantQuickAdd.tsx';
import { useDayActivities } from '../week/week-queries.ts';
import { PlanItemRow } from './PlanItemRow.tsx';
import { useToday } from './plan-queries.ts';

/**
 * #/today, a phone's home: log time as it happens, tick off the day's planned actions (unfinished
 * ones from earlier days have rolled over here), and what is due.
 */
export function TodayPage({ me }: { me: Me }) {
  const today = useToday();
  const day = todayIn(me.timeZone);
  // A tick made offline shows at once, marked, until the server has it.
  const ticks = useWaitingTicks(me.id);
  return (
    <div className="today-page">
      <PageIntro
        title={
          <>
            Today <span className="muted plan-range">{formatWhen(`${day}T00:00`).split(' · ')[0]}</span>
          </>
        }
        intro="Log time between visits, tick off what you planned, and see what is due."
      />
      <QuadrantQuickAdd me={me} />
      <ReviewBanner />
      <Panel
        title="Planned for today"
        subtitle={today.data?.items.length || undefined}
        testId="today-actions"
      >
        <Loaded
          query={today}
          what="Today"
          loading={<ListSkeleton rows={2} />}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyNote action={{ label: 'Plan the week', href: hrefOf({ page: 'plan' }) }}>
              Nothing planned for today.
            </EmptyNote>
          }
        >
          {(data) => (
            <div>
              {data.items.map((item) => {
                const waiting = ticks.get(item.id);
                return waiting === undefined ? (
                  <PlanItemRow key={item.id} item={item} testId="today-item" />
                ) : (
                  <PlanItemRow key={item.id} item={{ ...item, done: waiting }} testId="today-item">
                    <WaitingPill />
                  </PlanItemRow>
                );
              })}
            </div>
          )}
        </Loaded>
      </Panel>
      <LoggedToday day={day} userId={me.id} />
      <DueDecisions until={day} />
    </div>
  );
}

/** What is logged or planned today, as the quick-add adds to it. */
function LoggedToday({ day, userId }: { day: string; userId: string }) {
  const activities = useDayActivities(day);
  const waiting = useWaitingActivities(userId, day).length;
  const total = activities.data?.reduce((sum, activity) => sum + activity.minutes, 0) ?? 0;
  return (
    <Panel title="Time today" subtitle={total ? formatDuration(total) : undefined} testId="today-time">
      <WaitingActivities userId={userId} day={day} />
      <Loaded
        query={activities}
        loading={<ListSkeleton rows={2} />}
        empty={waiting ? null : <EmptyNote>Nothing logged today yet: add what you did above.</EmptyNote>}
      >
        {(items) => (
          <ActivityList
            activities={items}
            when="time"
            tag={(activity) => activity.accountName}
            testId="today-activity"
          />
        )}
      </Loaded>
    </Panel>
  );
}
