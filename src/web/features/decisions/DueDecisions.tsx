import { hrefOf } from '../../shared/navigation.ts';
import { useDecisionsDue } from './decisions-queries.ts';

/** Decisions whose review-by date falls by the end of the viewed week, on the accounts you look after. */
export function DueDecisions({ until }: { until: string }) {
  const due = useDecisionsDue(until);
  if (!due.data?.length) return null;
  return (
    <section className="panel" aria-labelledby="due-decisions-title" data-testid="due-decisions">
      <div className="panel__header">
        <h2 className="panel__title" id="due-decisions-title">
          Decisions to review
        </h2>
        <span className="panel__subtitle">{due.data.length}</span>
      </div>
      <ul className="links">
        {due.data.map((d) => (
          <li key={d.id} className="links__row">
            <a href={hrefOf({ page: 'accounts', id: d.accountId })}>{d.title}</a>
            <span className="muted">
              {d.accountName} · by {d.reviewBy}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
