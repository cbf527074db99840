import { problemOf } from '../../shared/forms.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { useMarkDone, useToday } from './plan-queries.ts';

/** #/today: the day's planned actions; unfinished ones from earlier days have rolled over. */
export function TodayPage() {
  const today = useToday();
  const mark = useMarkDone();
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
        <p className="form-error" role="alert">
          Today could not be loaded: {problemOf(today.error).message}
        </p>
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
            <label
              key={item.id}
              className={`plan-item${item.done ? ' plan-item--done' : ''}`}
              data-testid="today-item"
            >
              <input
                type="checkbox"
                checked={item.done}
                onChange={(e) => mark.mutate({ id: item.id, done: e.target.checked })}
              />
              <span>
                {item.startTime && <b>{item.startTime} </b>}
                {item.title} <span className="muted">{item.minutes} min</span>
                {item.slipped > 0 && (
                  <span className="pill pill--warn" title={`First planned for ${item.plannedFor}`}>
                    slipped {item.slipped}×
                  </span>
                )}
              </span>
            </label>
          ))}
        </section>
      )}
    </div>
  );
}
