import { PROMPT_TEXT, REFLECTION_PROMPTS } from '../../../core/reflections/prompts.ts';
import { formatWeekRange } from '../../shared/dates.ts';
import { formatHours } from '../../shared/format.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { useReflectionHistory } from './reflection-queries.ts';

/** #/reflections: your past reflections, each beside that week's quadrant split. */
export function ReflectionsPage() {
  const history = useReflectionHistory();
  return (
    <div className="accounts-page">
      <div className="page-intro">
        <h1>Reflections</h1>
        <p className="muted">
          Your weekly look back, private to you unless you shared it, with where the time went.
        </p>
      </div>
      {history.isPending ? (
        <div className="list-skeleton list-skeleton--tall" aria-busy="true">
          <span />
          <span />
        </div>
      ) : history.isError ? (
        <LoadError what="Reflections" error={history.error} />
      ) : history.data.length === 0 ? (
        <div className="empty-note">
          <p>No reflections yet. At the end of a week the Week page offers the prompts beside its report.</p>
        </div>
      ) : (
        history.data.map((r) => {
          const total = QUADRANTS.reduce((sum, q) => sum + r.minutes[q.id], 0);
          return (
            <section key={r.week} className="panel" data-testid="reflection">
              <div className="panel__header">
                <h2 className="panel__title">
                  <a href={hrefOf({ page: 'week', week: r.week })}>
                    {r.week} · {formatWeekRange(r.week)}
                  </a>
                </h2>
                <span className="panel__subtitle">
                  {r.sharedWithTeam ? 'Shared with the team' : 'Private'}
                  {r.inHandover ? ' · may go into handover packs' : ''}
                </span>
              </div>
              {total > 0 && (
                <div
                  className="split-bar"
                  role="img"
                  aria-label={QUADRANTS.map((q) => `${q.label} ${formatHours(r.minutes[q.id])}`).join(', ')}
                >
                  {QUADRANTS.map((q) =>
                    r.minutes[q.id] ? (
                      <span
                        key={q.id}
                        className={`split-bar__segment bg-${q.id}`}
                        style={{ flexGrow: r.minutes[q.id] }}
                      >
                        {q.label} {Math.round((r.minutes[q.id] / total) * 100)} %
                      </span>
                    ) : null,
                  )}
                </div>
              )}
              <dl className="reflection-answers">
                {REFLECTION_PROMPTS.filter((p) => r.answers[p]).map((p) => (
                  <div key={p}>
                    <dt>{PROMPT_TEXT[p]}</dt>
                    <dd>{r.answers[p]}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })
      )}
    </div>
  );
}
