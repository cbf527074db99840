import type { WeekReport } from '../../api/types.ts';
import { formatHours, formatShare } from '../../shared/format.ts';
import { Panel } from '../../shared/Panel.tsx';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { boundsText } from './week-math.ts';

function missText(target: { min?: number; actual: number; off: number }): string {
  const points = Math.max(1, Math.round(target.off * 100));
  return target.min !== undefined && target.actual < target.min
    ? `${points} pts short`
    : `${points} pts over`;
}

const percent = (share: number) => `${Math.min(100, Math.max(0, share * 100))}%`;

/** The week's split across the quadrants, and each target as a bullet: actual share against its bounds. */
export function TargetsBar({ report }: { report: WeekReport }) {
  const targeted = QUADRANTS.filter((q) => report.targets[q.id]);
  const met = targeted.filter((q) => report.targets[q.id]?.met).length;
  const empty = report.totalMinutes === 0;

  return (
    <Panel
      title="Split and targets"
      className="targets"
      testId="targets-bar"
      named={false}
      actions={
        targeted.length > 0 &&
        !empty && (
          <span className={`pill ${met === targeted.length ? 'pill--good' : 'pill--warn'}`}>
            {met} of {targeted.length} targets met
          </span>
        )
      }
    >
      <div className="split-bar" role="img" aria-label={splitDescription(report)}>
        {empty ? (
          <span className="split-bar__empty">No time logged yet</span>
        ) : (
          QUADRANTS.map((q) => {
            const share = report.quadrants[q.id].share;
            return share > 0 ? (
              <span key={q.id} className={`split-bar__segment bg-${q.id}`} style={{ width: percent(share) }}>
                {share >= 0.08 ? formatShare(share) : ''}
              </span>
            ) : null;
          })
        )}
      </div>
      <ul className="split-legend">
        {QUADRANTS.map((q) => (
          <li key={q.id}>
            <span className={`dot bg-${q.id}`} aria-hidden="true" />
            {q.label} <span className="muted">{formatHours(report.quadrants[q.id].minutes)}</span>
          </li>
        ))}
      </ul>

      {targeted.length > 0 ? (
        <ul className="target-list">
          {targeted.map((q) => {
            const target = report.targets[q.id];
            if (!target) return null;
            const zoneStart = target.min ?? 0;
            const zoneEnd = target.max ?? 1;
            return (
              <li key={q.id} className="target">
                <div className="target__label">
                  <span>
                    <strong>{q.label}</strong> {q.name}
                  </span>
                  <span className="target__numbers">
                    {formatShare(target.actual)} <span className="muted">· target {boundsText(target)}</span>
                  </span>
                </div>
                <div className="bullet" aria-hidden="true">
                  <span
                    className="bullet__zone"
                    style={{ left: percent(zoneStart), width: percent(zoneEnd - zoneStart) }}
                  />
                  <span className={`bullet__fill bg-${q.id}`} style={{ width: percent(target.actual) }} />
                  {target.min !== undefined && (
                    <span className="bullet__mark" style={{ left: percent(target.min) }} />
                  )}
                  {target.max !== undefined && (
                    <span className="bullet__mark" style={{ left: percent(target.max) }} />
                  )}
                </div>
                <span
                  className={`target__status ${target.met ? 'target__status--met' : 'target__status--missed'}`}
                >
                  {target.met ? '✓ Met' : `✗ Not met: ${missText(target)}`}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted small">
          No targets set. <a href="#/settings">Set targets</a> to see how your week measures up.
        </p>
      )}
    </Panel>
  );
}

function splitDescription(report: WeekReport): string {
  if (report.totalMinutes === 0) return 'No time logged this week';
  return `Week split: ${QUADRANTS.map((q) => `${q.label} ${formatShare(report.quadrants[q.id].share)}`).join(', ')}`;
}
