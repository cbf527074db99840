import { formatHours } from '../../shared/format.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { usePlanFigures } from './plan-queries.ts';

/** Beside the week's report: the Q2 time planned in big rocks against what happened. */
export function PlanSummary({ week }: { week: string }) {
  const plan = usePlanFigures(week);
  if (!plan.data?.rocks.length) return null;
  const q2 = plan.data.plannedVsActual.quadrants.q2;
  return (
    <section className="panel" aria-labelledby="plan-summary-title" data-testid="plan-summary">
      <div className="panel__header">
        <h2 className="panel__title" id="plan-summary-title">
          Planned vs actual
        </h2>
        <a className="panel__subtitle" href={hrefOf({ page: 'plan', week })}>
          The plan
        </a>
      </div>
      <p>
        Q2 planned <b>{formatHours(q2.planned ?? 0)}</b>, actual <b>{formatHours(q2.actual)}</b> ·{' '}
        {plan.data.rocks.filter((r) => r.status === 'done').length} of {plan.data.rocks.length} big rocks done
      </p>
    </section>
  );
}
