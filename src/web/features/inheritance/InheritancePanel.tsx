import { useState } from 'react';
import { problemOf } from '../../shared/forms.ts';
import { Panel } from '../../shared/Panel.tsx';
import {
  type InheritanceView,
  useInheritance,
  useJudgePrecedent,
  useMarkIntroduction,
} from './inheritance-queries.ts';

const VERDICTS = [
  { id: 'keep', label: 'Keep' },
  { id: 'revisit', label: 'Revisit' },
  { id: 'undo', label: 'Undo' },
] as const;

/** The successor's inheritance review: precedents to judge, introductions to make. */
export function InheritancePanel({ accountId }: { accountId: string }) {
  const inheritance = useInheritance(accountId);
  const review = inheritance.data;
  if (!review) return null;
  const open =
    review.precedents.filter((p) => !p.verdict).length + review.introductions.filter((i) => !i.done).length;
  return (
    <Panel
      title="Inheritance review"
      className="inheritance"
      testId="inheritance"
      subtitle={
        <>
          {review.from ?? 'Someone'} → {review.to?.name ?? 'nobody'} on {review.createdAt.slice(0, 10)} ·{' '}
          {review.completedAt ? `completed ${review.completedAt.slice(0, 10)}` : `${open} to do`}
        </>
      }
    >
      {review.note && <blockquote className="legacy-statement">{review.note}</blockquote>}
      <h3 className="inheritance__heading">Precedents in force</h3>
      {review.precedents.length === 0 ? (
        <p className="muted">No precedents were in force.</p>
      ) : (
        <ul className="decisions">
          {review.precedents.map((p) => (
            <Precedent key={p.decisionId} accountId={accountId} review={review} precedent={p} />
          ))}
        </ul>
      )}
      <h3 className="inheritance__heading">Introductions to ask for</h3>
      <IntroductionList accountId={accountId} review={review} />
    </Panel>
  );
}

function Precedent({
  accountId,
  review,
  precedent,
}: {
  accountId: string;
  review: InheritanceView;
  precedent: InheritanceView['precedents'][number];
}) {
  const judge = useJudgePrecedent(accountId, review.id);
  const [verdict, setVerdict] = useState(precedent.verdict ?? 'keep');
  const [reason, setReason] = useState(precedent.reason ?? '');
  const problem = judge.error ? problemOf(judge.error) : null;
  return (
    <li className="decision" data-testid="inherited-precedent">
      <div className="decision__head">
        <span className="decision__title">{precedent.title}</span>
        {precedent.verdict && <span className="pill pill--good">{precedent.verdict}</span>}
      </div>
      <div className="decision__meta muted">
        decided {precedent.decidedOn}
        {precedent.scope && ` · ${precedent.scope}`}
        {precedent.reason && ` · ${precedent.reason}`}
      </div>
      {review.mine && (
        <form
          className="verdict-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            judge.mutate({ decisionId: precedent.decisionId, input: { verdict, reason } });
          }}
        >
          <fieldset className="verdict-form__choices">
            <legend className="sr-only">Verdict on {precedent.title}</legend>
            {VERDICTS.map((v) => (
              <label key={v.id}>
                <input
                  type="radio"
                  name={`verdict-${precedent.decisionId}`}
                  checked={verdict === v.id}
                  onChange={() => setVerdict(v.id)}
                />{' '}
                {v.label}
              </label>
            ))}
          </fieldset>
          <input
            aria-label={`Reason for ${precedent.title}`}
            placeholder="Why?"
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button button--small" disabled={judge.isPending}>
            {precedent.verdict ? 'Change' : 'Decide'}
          </button>
          {problem && <span className="field__error">{problem.fields.reason ?? problem.message}</span>}
        </form>
      )}
    </li>
  );
}

function IntroductionList({ accountId, review }: { accountId: string; review: InheritanceView }) {
  const mark = useMarkIntroduction(accountId, review.id);
  if (review.introductions.length === 0) return <p className="muted">No stakeholders were recorded.</p>;
  return (
    <ul className="links">
      {review.introductions.map((i) => (
        <li key={i.stakeholderId} className="links__row">
          <label>
            <input
              type="checkbox"
              checked={i.done}
              disabled={!review.mine || mark.isPending}
              onChange={(e) => mark.mutate({ stakeholderId: i.stakeholderId, done: e.target.checked })}
            />{' '}
            {i.introducer
              ? `${i.introducer} introduces you to ${i.name}`
              : `Find a way to ${i.name} (nobody knows them yet)`}
          </label>
          {i.title && <span className="muted">{i.title}</span>}
        </li>
      ))}
    </ul>
  );
}
