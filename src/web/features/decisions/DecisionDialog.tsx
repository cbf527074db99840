import { useState } from 'react';
import { todayIn } from '../../../core/time/days.ts';
import { Check, ChoiceField, TextAreaField, TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { useToastThen } from '../../shared/toast-then.ts';
import { useMe } from '../auth/session.ts';
import { type DecisionView, useSaveDecision } from './decisions-queries.ts';
import { STATUS_LABELS } from './labels.ts';

const PRECEDENT_ANSWERS = [
  { value: true, label: 'Yes, it may' },
  { value: false, label: 'No, a one-off' },
];

export interface DecisionSeed {
  title: string;
  fromActivityId: string;
  decidedOn: string;
}

/**
 * Records a decision or changes one. From a Q1 activity (`seed`) it is urgent and asks plainly
 * whether it may set a precedent, since decisions made fast are the ones that quietly become rules.
 */
export function DecisionDialog({
  accountId,
  decision,
  seed,
  onClose,
}: {
  accountId: string;
  decision?: DecisionView;
  seed?: DecisionSeed;
  onClose: () => void;
}) {
  const save = useSaveDecision();
  const me = useMe().data;
  const done = useToastThen(onClose);
  const { draft, change } = useDraft(() => ({
    title: decision?.title ?? seed?.title ?? '',
    context: decision?.context ?? '',
    agreedByUs: decision?.agreedByUs ?? '',
    agreedByThem: decision?.agreedByThem ?? '',
    decidedOn: decision?.decidedOn ?? seed?.decidedOn ?? todayIn(me?.timeZone ?? 'UTC'),
    urgent: decision?.urgent ?? Boolean(seed),
    precedent: decision ? decision.precedent : (null as boolean | null),
    scope: decision?.scope ?? '',
    reviewBy: decision?.reviewBy ?? '',
    status: decision?.status ?? ('active' as DecisionView['status']),
    statusReason: decision?.statusReason ?? '',
  }));
  const [missing, setMissing] = useState<string | null>(null);

  const submit = () => {
    if (!draft.title.trim()) return setMissing('Say what was decided');
    if (draft.precedent === null) return setMissing('Say whether it may set a precedent');
    setMissing(null);
    const text = (value: string) => value.trim() || null;
    const input = {
      ...draft,
      title: draft.title.trim(),
      context: text(draft.context),
      agreedByUs: text(draft.agreedByUs),
      agreedByThem: text(draft.agreedByThem),
      precedent: draft.precedent,
      scope: text(draft.scope),
      reviewBy: draft.reviewBy || null,
      statusReason: text(draft.statusReason),
      ...(seed && !decision ? { fromActivityId: seed.fromActivityId } : {}),
    };
    save.mutate(
      { id: decision?.id, accountId, input },
      {
        onSuccess: (saved) => done(decision ? `Saved “${saved.title}”.` : `Recorded “${saved.title}”.`),
      },
    );
  };

  const problem = problemOf(save.error);
  const field = fieldsOf(draft, change, problem.fields);
  return (
    <FormDialog
      title={decision ? 'Edit decision' : 'Record a decision'}
      onSubmit={submit}
      onClose={onClose}
      sending={save}
      saveLabel={decision ? 'Save' : 'Record decision'}
      error={missing ?? problem.formMessage}
    >
      <div className="form-grid">
        <TextField
          label="Decision"
          className="form-grid__wide"
          {...field('title')}
          maxLength={300}
          placeholder="e.g. Free express shipping on late orders this quarter"
        />
        <fieldset className="precedent-question form-grid__wide">
          <legend className="field__label">May this set a precedent the customer will expect again?</legend>
          {PRECEDENT_ANSWERS.map(({ value, label }) => (
            <label key={label}>
              <input
                type="radio"
                name="precedent"
                checked={draft.precedent === value}
                onChange={() => change({ precedent: value })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          label="Context"
          className="form-grid__wide"
          {...field('context')}
          rows={2}
          maxLength={5000}
        />
        <TextField label="Agreed by (us)" {...field('agreedByUs')} maxLength={300} />
        <TextField label="Agreed by (them)" {...field('agreedByThem')} maxLength={300} />
        <TextField label="Decided on" type="date" {...field('decidedOn')} />
        <TextField label="Review by" type="date" {...field('reviewBy')} />
        <TextField label="Scope" className="form-grid__wide" {...field('scope')} maxLength={1000} />
        <Check label="Made under urgency" checked={draft.urgent} onChange={(urgent) => change({ urgent })} />
        {decision && (
          <>
            <ChoiceField<DecisionView['status']> label="Status" {...field('status')} labels={STATUS_LABELS} />
            <TextField
              label="Why (revisited, retired, undone)"
              className="form-grid__wide"
              {...field('statusReason')}
              maxLength={2000}
            />
          </>
        )}
      </div>
    </FormDialog>
  );
}
