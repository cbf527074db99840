import { useState } from 'react';
import type { WeekReport } from '../../api/types.ts';
import { formatHours, formatShare } from '../../shared/format.ts';
import { Panel } from '../../shared/Panel.tsx';
import { QUADRANTS } from '../../shared/quadrants.ts';

const SHOWN = 6;

/** Where the week went per customer, each with its own quadrant mix. */
export function AccountBreakdown({ report }: { report: WeekReport }) {
  const [expanded, setExpanded] = useState(false);
  const rows = [...report.byAccount].sort((a, b) => b.minutes - a.minutes);
  if (rows.length === 0) return null;
  const visible = expanded ? rows : rows.slice(0, SHOWN);
  const largest = rows[0]?.minutes ?? 1;

  return (
    <Panel
      title="By customer"
      subtitle={rows.length === 1 ? '1 account' : `${rows.length} accounts`}
      named={false}
    >
      <ul className="accounts">
        {visible.map((row) => (
          <li key={row.accountId ?? 'internal'} className="accounts__row">
            <div className="accounts__label">
              <span className="accounts__name" title={row.name}>
                {row.name}
              </span>
              <span className="muted">
                {formatHours(row.minutes)} · Q2 {formatShare(row.quadrants.q2.share)}
              </span>
            </div>
            <div className="accounts__bar" style={{ width: `${(row.minutes / largest) * 100}%` }}>
              {QUADRANTS.map((q) =>
                row.quadrants[q.id].minutes > 0 ? (
                  <span
                    key={q.id}
                    className={`bg-${q.id}`}
                    style={{ flexGrow: row.quadrants[q.id].minutes }}
                    title={`${q.label} ${formatHours(row.quadrants[q.id].minutes)}`}
                  />
                ) : null,
              )}
            </div>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN && (
        <button type="button" className="button button--link" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      )}
    </Panel>
  );
}
