import { PROMPT_TEXT, REFLECTION_PROMPTS } from '../../../core/reflections/prompts.ts';
import { formatWeekRange } from '../../shared/dates.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { formatHours } from '../../shared/format.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { PageIntro } from '../../shared/PageIntro.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { type ReflectionWithSplit, useReflectionHistory } from './reflection-queries.ts';

/** #/reflections: your past reflections, each beside that week's quadrant split. */
export function ReflectionsPage() {
  const history = useReflectionHistory();
  return (
    <div className="accounts-page">
      <PageIntro
        title="Reflections"
        intro="Your weekly look back, private to you unless you shared it, with where the time went."
      />
      <Loaded
        query={history}
        what="Reflections"
        loading={<ListSkeleton rows={2} tall />}
        empty={
          <EmptyNote>
            No reflections yet. At the end of a week the Week page offers the prompts beside its report.
          </EmptyNote>
        }
      >
        {(list) => list.map((r) => <Reflection key={r.week} reflection={r} />)}
      </Loaded>
    </div>
  );
}

/** One week's reflection beside that week's quadrant split. */
function Reflection({ reflection: r }: { reflection: ReflectionWithSplit }) {
  const total = QUADRANTS.reduce((sum, q) => sum + r.minutes[q.id], 0);
  return (
    <Panel
      title={
        <a href={hrefOf({ page: 'week', week: r.week })}>
          {r.week} · {formatWeekRange(r.week)}
        </a>
      }
      subtitle={`${r.sharedWithTeam ? 'Shared with the team' : 'Private'}${r.inHandover ? ' · may go into handover packs' : ''}`}
      testId="reflection"
      named={false}
    >
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
    </Panel>
  );
}
