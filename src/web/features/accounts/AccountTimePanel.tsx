import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { formatHours } from '../../shared/format.ts';
import { Panel } from '../../shared/Panel.tsx';
import { QuadrantChart } from '../../shared/QuadrantChart.tsx';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { useAccountTime } from './accounts-queries.ts';

const monthLabel = (month: string, style: 'short' | 'long') =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString(undefined, {
    month: style,
    year: style === 'long' ? 'numeric' : undefined,
    timeZone: 'UTC',
  });

/** Hours invested in the account per month and quadrant over the last 12 months. */
export function AccountTimePanel({ accountId }: { accountId: string }) {
  const time = useAccountTime(accountId);
  const data = time.data;
  const bars = data?.months.map((m) => ({
    key: m.month,
    label: monthLabel(m.month, 'short'),
    title: monthLabel(m.month, 'long'),
    minutes: { q1: m.q1, q2: m.q2, q3: m.q3, q4: m.q4 },
  }));
  const sums = QUADRANTS.map((q) => ({
    q,
    minutes: data?.months.reduce((sum, m) => sum + m[q.id], 0) ?? 0,
  }));
  return (
    <Panel
      title="Time invested"
      subtitle={
        data && (
          <>
            {formatHours(data.totalMinutes)} in 12 months ·{' '}
            {data.scope === 'team' ? 'the whole team' : 'yours only'}
          </>
        )
      }
    >
      <QuadrantChart
        bars={bars}
        description={
          data
            ? `Hours per quadrant and month: ${sums.map((s) => `${s.q.label} ${formatHours(s.minutes)}`).join(', ')}`
            : 'Loading the time invested'
        }
        testId="account-time-chart"
      />
      {data && data.totalMinutes > 0 && (
        <p className="time-sums" data-testid="account-time-sums">
          {sums.map(({ q, minutes }) => (
            <span key={q.id}>
              <span className={`dot bg-${q.id}`} aria-hidden="true" /> {q.label} {formatHours(minutes)}
            </span>
          ))}
        </p>
      )}
      {data && data.totalMinutes === 0 && (
        <EmptyNote>No time logged on this account in the last 12 months.</EmptyNote>
      )}
    </Panel>
  );
}
