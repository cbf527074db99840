import { lazy, Suspense, useState } from 'react';
import { GAP_TABLE_HEADER } from '../../../core/scorecard/gap-table.ts';
import type { Me } from '../../api/types.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { TextAreaField, TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { LoadedPage } from '../../shared/LoadFailure.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { PageIntro } from '../../shared/PageIntro.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { ColumnHeads } from '../../shared/Table.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { CustomerLinks } from './CustomerLinks.tsx';
import { formatGap, formatScore, SUBJECTS, subjectLabel, VIEW_LABELS, type ViewKey } from './labels.ts';
import { RatingForm } from './RatingForm.tsx';
import {
  type RoundDetail,
  useAddAction,
  useRound,
  useSaveMyRating,
  useUpdateRound,
} from './scorecard-queries.ts';

const RadarChart = lazy(() => import('../../shared/RadarChart.tsx'));

const US_COLOUR = 'var(--accent)';
const THEM_COLOUR = 'var(--q3)';

/** #/scorecard/<id>: one round — radars, the gap table, your rating, customer links, the conversation. */
export function RoundPage({ roundId, me }: { roundId: string; me: Me }) {
  const round = useRound(roundId);
  return (
    <LoadedPage
      query={round}
      what="scorecard round"
      back={{ href: hrefOf({ page: 'accounts' }), label: 'All accounts' }}
    >
      {(r) => <Round round={r} me={me} />}
    </LoadedPage>
  );
}

function Round({ round: r, me }: { round: RoundDetail; me: Me }) {
  return (
    <div className="accounts-page">
      <PageIntro
        back={{ href: hrefOf({ page: 'accounts', id: r.accountId }), label: <>← {r.accountName}</> }}
        title={
          <>
            {r.name} · honest conversation{' '}
            {r.stale && <span className="pill pill--warn">Stale: older than 90 days</span>}
          </>
        }
        intro="Both organisations rated by both sides. The largest gaps are the agenda of the next conversation."
      />

      <div className="account-layout account-layout--even">
        <RadarPanel round={r} about="us" title={`About us (${me.workspace.name})`} />
        <RadarPanel round={r} about="them" title={`About them (${r.accountName})`} />
      </div>

      <GapTable round={r} />

      <div className="account-layout account-layout--even">
        <Panel
          title="Your rating"
          subtitle={r.myScores.length ? 'Saved; change it any time' : 'Not rated yet'}
        >
          <MyRating round={r} me={me} />
        </Panel>
        <div className="stack">
          <CustomerLinks round={r} timeZone={me.timeZone} />
          <Raters round={r} />
        </div>
      </div>

      <Conversation round={r} />
    </div>
  );
}

function RadarPanel({ round, about, title }: { round: RoundDetail; about: 'us' | 'them'; title: string }) {
  const ours: ViewKey = about === 'us' ? 'usOnUs' : 'usOnThem';
  const theirs: ViewKey = about === 'us' ? 'themOnUs' : 'themOnThem';
  const values = (view: ViewKey) => round.views[view].subjects.map((s) => s.average);
  const label = (view: ViewKey) =>
    `${VIEW_LABELS[view]} (${round.views[view].raters === 0 ? 'no raters yet' : `${round.views[view].raters} ${round.views[view].raters === 1 ? 'rater' : 'raters'}`})`;
  return (
    <Panel title={title}>
      <ul className="split-legend split-legend--top">
        <li>
          <span className="dot" style={{ background: US_COLOUR }} aria-hidden="true" /> {label(ours)}
        </li>
        <li>
          <span className="dot" style={{ background: THEM_COLOUR }} aria-hidden="true" /> {label(theirs)}
        </li>
      </ul>
      <Suspense fallback={<div className="radar-chart" aria-busy="true" />}>
        <RadarChart
          axes={SUBJECTS.map((s) => s.label)}
          series={[
            { name: VIEW_LABELS[ours], color: US_COLOUR, values: values(ours) },
            { name: VIEW_LABELS[theirs], color: THEM_COLOUR, values: values(theirs) },
          ]}
          description={`${title}: ${SUBJECTS.map((s, i) => `${s.label} ${formatScore(values(ours)[i])} by us, ${formatScore(values(theirs)[i])} by them`).join('; ')}`}
          testId={`radar-${about}`}
        />
      </Suspense>
    </Panel>
  );
}

function GapTable({ round }: { round: RoundDetail }) {
  const at = (view: ViewKey, subject: string) => {
    const cell = round.views[view].subjects.find((s) => s.subject === subject);
    return cell && cell.raters > 0 ? `${formatScore(cell.average)}` : '–';
  };
  const gapClass = (n: number | null) =>
    n === null ? 'gap' : Math.abs(n) >= 1.5 ? 'gap gap--big' : Math.abs(n) >= 0.75 ? 'gap gap--mid' : 'gap';
  return (
    <Panel title="Gaps" subtitle="Largest disagreement first; “–” until both sides have answered">
      <div className="stakeholder-table__scroll">
        <table className="gap-table gap-table--cards" data-testid="gap-table">
          <ColumnHeads names={GAP_TABLE_HEADER} />
          <tbody>
            {round.gaps.map((g) => (
              <tr key={g.subject} data-testid="gap-row">
                <th scope="row">{subjectLabel(g.subject)}</th>
                {/* Each cell names its column, for the cards the rows become on a phone. */}
                <td data-label={GAP_TABLE_HEADER[1]}>{at('usOnUs', g.subject)}</td>
                <td data-label={GAP_TABLE_HEADER[2]}>{at('themOnUs', g.subject)}</td>
                <td data-label={GAP_TABLE_HEADER[3]} className={gapClass(g.aboutUs)}>
                  {formatGap(g.aboutUs)}
                </td>
                <td data-label={GAP_TABLE_HEADER[4]}>{at('usOnThem', g.subject)}</td>
                <td data-label={GAP_TABLE_HEADER[5]}>{at('themOnThem', g.subject)}</td>
                <td data-label={GAP_TABLE_HEADER[6]} className={gapClass(g.aboutThem)}>
                  {formatGap(g.aboutThem)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {round.evidence.length > 0 && (
        <details className="evidence">
          <summary>Evidence notes ({round.evidence.length})</summary>
          <ul>
            {round.evidence.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per answer; two raters may write alike
              <li key={i}>
                <b>{subjectLabel(e.subject)}</b> · {e.side === 'us' ? 'we' : 'they'} rate{' '}
                {e.target === 'us' ? 'us' : 'them'} {e.score}/5 — {e.evidence}{' '}
                <span className="muted">({e.rater ?? 'anonymous'})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Panel>
  );
}

function MyRating({ round, me }: { round: RoundDetail; me: Me }) {
  const save = useSaveMyRating(round.id);
  const toast = useToast();
  return (
    <RatingForm
      key={round.myScores.length ? 'saved' : 'new'}
      initial={round.myScores}
      sides={{ us: me.workspace.name, them: round.accountName }}
      submitLabel="Save my rating"
      busy={save.isPending}
      error={save.error}
      onSubmit={(scores) =>
        save.mutate({ scores }, { onSuccess: () => toast({ message: 'Your rating is saved.' }) })
      }
    />
  );
}

function Raters({ round }: { round: RoundDetail }) {
  const waiting = round.invited.filter((p) => !p.rated);
  return (
    <Panel title="Who has rated">
      {round.raters.length === 0 ? (
        <EmptyNote>Nobody yet.</EmptyNote>
      ) : (
        <ul className="links">
          {round.raters.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: raters have no id here and anonymous ones look alike
            <li key={i} className="links__row">
              <span>{r.name ?? 'Anonymous'}</span>
              <span className="muted">{r.side === 'us' ? 'our side' : 'customer'}</span>
              <span className="muted">{r.submittedAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && <p className="muted">Waiting for {waiting.map((p) => p.name).join(', ')}.</p>}
    </Panel>
  );
}

function Conversation({ round }: { round: RoundDetail }) {
  const update = useUpdateRound(round.id);
  const addAction = useAddAction(round.id);
  const toast = useToast();
  const [notes, setNotes] = useState(round.conversationNotes ?? '');
  const [action, setAction] = useState('');
  return (
    <Panel title="The conversation" subtitle="Agreed actions become planned Q2 activities on the account">
      <div className="account-layout account-layout--even">
        <TextAreaField
          label="Notes"
          rows={5}
          maxLength={20000}
          value={notes}
          disabled={!round.canEdit}
          onChange={setNotes}
          onBlur={() => {
            if (notes !== (round.conversationNotes ?? '')) {
              update.mutate(
                { conversationNotes: notes },
                { onSuccess: () => toast({ message: 'Notes saved.' }) },
              );
            }
          }}
        />
        <div>
          <span className="field__label">Agreed actions</span>
          {round.actions.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ul className="links">
              {round.actions.map((a) => (
                <li key={a.id} className="links__row" data-testid="agreed-action">
                  <span className="quadrant-badge quadrant-badge--q2">Q2</span>
                  <span>{a.title}</span>
                  <span className="muted">
                    {a.startsAt ? `planned ${a.startsAt.slice(0, 10)}` : 'activity removed'}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {round.canEdit && (
            <form
              className="link-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (!action.trim()) return;
                addAction.mutate(
                  { title: action.trim() },
                  {
                    onSuccess: () => {
                      toast({ message: 'Planned as a Q2 activity next Monday.' });
                      setAction('');
                    },
                  },
                );
              }}
            >
              <TextField
                label="New agreed action"
                value={action}
                onChange={setAction}
                maxLength={300}
                error={addAction.error ? (problemOf(addAction.error).message ?? undefined) : undefined}
              />
              <button type="submit" className="button" disabled={addAction.isPending}>
                Add action
              </button>
            </form>
          )}
        </div>
      </div>
    </Panel>
  );
}
