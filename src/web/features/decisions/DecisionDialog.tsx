import { type FormEvent, useState } from 'react';
import { todayIn } from '../../../core/time/days.ts';
import { Check, Field, FormError, SelectField, TextField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { useMe } from '../auth/session.ts';
import { type DecisionView, useSaveDecision } from './decisions-queries.ts';
import { STATUS_LABELS, STATUSES } from './labels.ts';

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
  const toast = useToast();
  const [title, setTitle] = useState(decision?.title ?? seed?.title ?? '');
  const [context, setContext] = useState(decision?.context ?? '');
  const [agreedByUs, setAgreedByUs] = useState(decision?.agreedByUs ?? '');
  const [agreedByThem, setAgreedByThem] = useState(decision?.agreedByThem ?? '');
  const [decidedOn, setDecidedOn] = useState(
    decision?.decidedOn ?? seed?.decidedOn ?? todayIn(me?.timeZone ?? 'UTC'),
  );
  const [urgent, setUrgent] = useState(decision?.urgent ?? Boolean(seed));
  const [precedent, setPrecedent] = useState<boolean | null>(decision ? decision.precedent : null);
  const [scope, setScope] = useState(decision?.scope ?? '');
  const [reviewBy, setReviewBy] = useState(decision?.reviewBy ?? '');
  const [status, setStatus] = useState<DecisionView['status']>(decision?.status ?? 'active');
  const [statusReason, setStatusReason] = useState(decision?.statusReason ?? '');
  const [missing, setMissing] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setMissing('Say what was decided');
    if (precedent === null) return setMissing('Say whether it may set a precedent');
    setMissing(null);
    const input = {
      title: title.trim(),
      context: context.trim() || null,
      agreedByUs: agreedByUs.trim() || null,
      agreedByThem: agreedByThem.trim() || null,
      decidedOn,
      urgent,
      precedent,
      scope: scope.trim() || null,
      reviewBy: reviewBy || null,
      status,
      statusReason: statusReason.trim() || null,
      ...(seed && !decision ? { fromActivityId: seed.fromActivityId } : {}),
    };
    save.mutate(
      { id: decision?.id, accountId, input },
      {
        onSuccess: (saved) => {
          toast({ message: decision ? `Saved “${saved.title}”.` : `Recorded “${saved.title}”.` });
          onClose();
        },
      },
    );
  };

  const problem = problemOf(save.error);
  return (
    <FormDialog
      titleId="decision-dialog-title"
      title={decision ? 'Edit decision' : 'Record a decision'}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError message={missing ?? (Object.keys(problem.fields).length ? null : problem.message)} />
      <div className="form-grid">
        <TextField
          label="Decision"
          className="form-grid__wide"
          value={title}
          onChange={setTitle}
          error={problem.fields.title}
          maxLength={300}
          placeholder="e.g. Free express shipping on late orders this quarter"
        />
        <fieldset className="precedent-question form-grid__wide">
          <legend className="field__label">May this set a precedent the customer will expect again?</legend>
          <label>
            <input
              type="radio"
              name="precedent"
              checked={precedent === true}
              onChange={() => setPrecedent(true)}
            />{' '}
            Yes, it may
          </label>
          <label>
            <input
              type="radio"
              name="precedent"
              checked={precedent === false}
              onChange={() => setPrecedent(false)}
            />{' '}
            No, a one-off
          </label>
        </fieldset>
        <Field label="Context" className="form-grid__wide" error={problem.fields.context}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={5000}
              value={context}
              onChange={(e) => setContext(e.target.value)}
            />
          )}
        </Field>
        <TextField label="Agreed by (us)" value={agreedByUs} onChange={setAgreedByUs} maxLength={300} />
        <TextField label="Agreed by (them)" value={agreedByThem} onChange={setAgreedByThem} maxLength={300} />
        <TextField
          label="Decided on"
          type="date"
          value={decidedOn}
          onChange={setDecidedOn}
          error={problem.fields.decidedOn}
        />
        <TextField
          label="Review by"
          type="date"
          value={reviewBy}
          onChange={setReviewBy}
          error={problem.fields.reviewBy}
        />
        <TextField
          label="Scope"
          className="form-grid__wide"
          value={scope}
          onChange={setScope}
          maxLength={1000}
        />
        <Check label="Made under urgency" checked={urgent} onChange={setUrgent} />
        {decision && (
          <>
            <SelectField<DecisionView['status']> label="Status" value={status} onChange={setStatus}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Why (revisited, retired, undone)"
              className="form-grid__wide"
              value={statusReason}
              onChange={setStatusReason}
              error={problem.fields.statusReason}
              maxLength={2000}
            />
          </>
        )}
      </div>
      <DialogFooter
        onCancel={onClose}
        saving={save.isPending}
        saveLabel={decision ? 'Save' : 'Record decision'}
      />
    </FormDialog>
  );
}
