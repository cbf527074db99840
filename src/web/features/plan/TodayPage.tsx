import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { Loaded, PageSkeleton } from '../../shared/Loaded.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { PageIntro } from '../../shared/PageIntro.tsx';
import { PlanItemRow } from './PlanItemRow.tsx';
import { useToday } from './plan-queries.ts';

/** #/today: the day's planned actions; unfinished ones from earlier days have rolled over. */
export function TodayPage() {
  const today = useToday();
  return (
    <div className="accounts-page">
      <PageIntro
        title={<>Today {today.data && <span className="muted plan-range">{today.data.day}</span>}</>}
        intro="What you planned for today. Anything left from earlier days moved here, with how often it slipped."
      />
      <Loaded
        query={today}
        what="Today"
        loading={<PageSkeleton />}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyNote action={{ label: 'Plan the week', href: hrefOf({ page: 'plan' }) }}>
            Nothing planned for today.
          </EmptyNote>
        }
      >
        {(data) => (
          <section className="panel">
            {data.items.map((item) => (
              <PlanItemRow key={item.id} item={item} testId="today-item" />
            ))}
          </section>
        )}
      </Loaded>
    </div>
  );
}
