import { hrefOf } from '../../shared/navigation.ts';
import { Panel } from '../../shared/Panel.tsx';
import { useDecisionsDue } from './decisions-queries.ts';

/** Decisions whose review-by date falls by the end of the viewed week, on the accounts you look after. */
export function DueDecisions({ until }: { until: string }) {
  const due = useDecisionsDue(until);
  if (!due.data?.length) return null;
  return (
    <Panel title="Decisions to review" subtitle={due.data.length} testId="due-decisions">
      <ul className="links">
        {due.data.map((d) => (
          <li key={d.id} className="links__row">
            <a href={hrefOf({ page: 'accounts', id: d.accountId, decision: d.id })}>{d.title}</a>
            <span className="muted">
              {d.accountName} · by {d.reviewBy}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
