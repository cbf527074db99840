import { type FormEvent, useState } from 'react';
import { FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { type ScorecardSubject, SUBJECTS } from './labels.ts';
import type { ScoreAnswer } from './scorecard-queries.ts';

type Side = 'us' | 'them';
type Draft = Record<string, { score: number | null; evidence: string }>;

const keyOf = (target: Side, subject: ScorecardSubject) => `${target}/${subject}`;

/**
 * Both organisations, 1–5 on each subject, with an optional note of evidence; a subject left
 * blank is not answered (averages ignore it). Used by colleagues and by the customer's form.
 */
export function RatingForm({
  initial = [],
  sides,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial?: ScoreAnswer[];
  /** What to call each organisation, e.g. { us: 'Acme', them: 'Northwind' }. */
  sides: Record<Side, string>;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (scores: ScoreAnswer[]) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      initial.map((a) => [keyOf(a.target, a.subject), { score: a.score, evidence: a.evidence ?? '' }]),
    ),
  );
  const [empty, setEmpty] = useState(false);
  const set = (key: string, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [key]: { score: null, evidence: '', ...d[key], ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scores = Object.entries(draft).flatMap(([key, value]) => {
      if (value.score === null) return [];
      const [target, subject] = key.split('/') as [Side, ScorecardSubject];
      return [{ target, subject, score: value.score, evidence: value.evidence.trim() || null }];
    });
    if (scores.length === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    onSubmit(scores);
  };

  const problem = error ? problemOf(error) : null;
  return (
    <form className="rating-form" onSubmit={submit} noValidate>
      <FormError
        message={empty ? 'Score at least one subject.' : problem ? (problem.message ?? 'Not saved.') : null}
      />
      <div className="rating-form__head" aria-hidden="true">
        <span />
        <span>{sides.us}</span>
        <span>{sides.them}</span>
      </div>
      {SUBJECTS.map((subject) => (
        <fieldset key={subject.id} className="rating-row" data-testid={`rate-${subject.id}`}>
          <legend className="rating-row__subject">
            <strong>{subject.label}</strong>
            <span className="muted">{subject.question}</span>
          </legend>
          {(['us', 'them'] as const).map((target) => {
            const key = keyOf(target, subject.id);
            const value = draft[key];
            return (
              <div key={target} className="rating-row__cell">
                {/* The column's head, beside each picker where the columns stack (a phone). */}
                <span className="rating-row__side" aria-hidden="true">
                  {sides[target]}
                </span>
                <fieldset className="score-picker">
                  <legend className="sr-only">{`${subject.label}: ${sides[target]}`}</legend>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <button
                      key={n}
                      type="button"
                      aria-pressed={value?.score === n}
                      aria-label={`${subject.label}, ${sides[target]}: ${n} of 5`}
                      className={
                        value?.score === n ? 'score-picker__n score-picker__n--on' : 'score-picker__n'
                      }
                      onClick={() => set(key, { score: value?.score === n ? null : n })}
                    >
                      {n}
                    </button>
                  ))}
                </fieldset>
                {value?.score ? (
                  <input
                    className="rating-row__evidence"
                    aria-label={`Evidence for ${subject.label}: ${sides[target]}`}
                    placeholder="Evidence (optional)"
                    maxLength={2000}
                    value={value.evidence}
                    onChange={(e) => set(key, { evidence: e.target.value })}
                  />
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ))}
      <div className="rating-form__actions">
        <span className="muted">Leave a subject blank if you cannot judge it.</span>
        <SubmitButton label={submitLabel} busy={busy} busyLabel="Sending…" />
      </div>
    </form>
  );
}
