import { formatHours } from '../../shared/format.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { Panel } from '../../shared/Panel.tsx';
import { usePlanFigures } from './plan-queries.ts';

/** Beside the week's report: the Q2 time planned in big rocks against what happened. */
export function PlanSummary({ week }: { week: string }) {
  const plan = usePlanFigures(week);
  if (!plan.data?.rocks.length) return null;
  const q2 = plan.data.plannedVsActual.quadrants.q2;
  return (
    <Panel
      title="Planned vs actual"
      link={{ href: hrefOf({ page: 'plan', week }), label: 'The plan' }}
      testId="plan-summary"
    >
      <p>
        Q2 planned <b>{formatHours(q2.planned ?? 0)}</b>, actual <b>{formatHours(q2.actual)}</b> ·{' '}
        {plan.data.rocks.filter((r) => r.status === 'done').length} of {plan.data.rocks.length} big rocks done
      </p>
    </Panel>
  );
}
