import { Suspense } from 'react';
import type { TeamTotals as Totals } from '../../api/types.ts';
import { formatHours } from '../../shared/format.ts';
import { lazyNamed } from '../../shared/lazy.ts';
import { Panel } from '../../shared/Panel.tsx';
import { QuadrantMiniBar } from './QuadrantMiniBar.tsx';

const Q2TrendLine = lazyNamed(() => import('./TeamCharts.tsx'), 'Q2TrendLine');

function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}) {
  return (
    <div className="team-stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
      {note && <dd className="team-stat__note">{note}</dd>}
    </div>
  );
}

/** The team's week in figures and its Q2 share over 12 weeks. */
export function TeamTotals({
  totals,
  week,
  onWeek,
}: {
  totals: Totals;
  week: string;
  onWeek: (week: string) => void;
}) {
  const q2 = totals.quadrants.q2.minutes;
  const planned = totals.plannedQ2Minutes;
  const fewer = 'Too few people for a total';
  return (
    <div className="team-totals">
      <Panel title="Team totals" subtitle={week} testId="team-totals">
        <dl className="team-stats">
          <Stat
            label="Hours logged"
            value={formatHours(totals.totalMinutes)}
            note={`${totals.contributors} of ${totals.people} people logged time`}
            testId="team-hours"
          />
          <Stat
            label="Q2 planned / actual"
            value={`${planned === null ? '–' : formatHours(planned)} / ${formatHours(q2)}`}
            note={
              planned === null
                ? `${fewer} of plans`
                : planned === 0
                  ? 'Nothing planned'
                  : q2 >= planned
                    ? `${formatHours(q2 - planned)} more than planned`
                    : `${formatHours(planned - q2)} short of the plan`
            }
          />
          <Stat
            label="Recurring Q3"
            value={totals.recurringQ3Minutes === null ? '–' : formatHours(totals.recurringQ3Minutes)}
            note={totals.recurringQ3Minutes === null ? fewer : 'Candidates to decline or shorten'}
          />
          <Stat
            label="Reflected"
            value={`${totals.reflected} of ${totals.people}`}
            note="Wrote this week's reflection"
            testId="team-reflected"
          />
        </dl>
        {totals.totalMinutes > 0 ? (
          <QuadrantMiniBar split={totals.quadrants} large />
        ) : (
          <p className="empty-note">Nobody logged time this week yet.</p>
        )}
      </Panel>
      <Panel title="Q2 share, 12 weeks" subtitle="Click a week to open it" testId="team-q2-trend">
        <Suspense fallback={<div className="team-trend__chart" aria-busy="true" />}>
          <Q2TrendLine trend={totals.q2Trend} week={week} onSelect={onWeek} />
        </Suspense>
      </Panel>
    </div>
  );
}
