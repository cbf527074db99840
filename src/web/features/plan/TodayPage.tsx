import { LoadError } from '../../shared/LoadError.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { PlanItemRow } from './PlanItemRow.tsx';
import { useToday } from './plan-queries.ts';

/** #/today: the day's planned actions; unfinished ones from earlier days have rolled over. */
export function TodayPage() {
  const today = useToday();
  return (
    <div className="accounts-page">
      <div className="page-intro">
        <h1>Today {today.data && <span className="muted plan-range">{today.data.day}</span>}</h1>
        <p className="muted">
          What you planned for today. Anything left from earlier days moved here, with how often it slipped.
        </p>
      </div>
      {today.isPending ? (
        <div className="page-skeleton" aria-busy="true" />
      ) : today.isError ? (
        <LoadError what="Today" error={today.error} />
      ) : today.data.items.length === 0 ? (
        <div className="empty-note">
          <p>Nothing planned for today.</p>
          <a className="button" href={hrefOf({ page: 'plan' })}>
            Plan the week
          </a>
        </div>
      ) : (
        <section className="panel">
          {today.data.items.map((item) => (
            <PlanItemRow key={item.id} item={item} testId="today-item" />
          ))}
        </section>
      )}
    </div>
  );
}
