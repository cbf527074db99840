import { isApiError } from '../../api/client.ts';
import { Check, ChoiceField, NumberField, TextAreaField, TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { fieldsOf, problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { useToastThen } from '../../shared/toast-then.ts';
import { useMe } from '../auth/session.ts';
import { choosable, usePeople } from '../people/people-queries.ts';
import { type StakeholderInput, type StakeholderView, useSaveStakeholder } from './accounts-queries.ts';
import {
  ATTITUDE_LABELS,
  type Attitude,
  FUNCTION_LABELS,
  LEVEL_LABELS,
  type StakeholderFunction,
  type StakeholderLevel,
} from './stakeholder-labels.ts';

interface Draft {
  name: string;
  title: string;
  email: string;
  function: StakeholderFunction;
  level: StakeholderLevel;
  buyingOffice: boolean;
  influence: string;
  attitude: Attitude;
  strength: string;
  notes: string;
  /** Our people who own the relationship; undefined on a new one means "me" (the server's default). */
  ownerIds: string[] | undefined;
}
type Errors = Partial<Record<keyof Draft, string>>;

const draftOf = (s?: StakeholderView): Draft => ({
  name: s?.name ?? '',
  title: s?.title ?? '',
  email: s?.email ?? '',
  function: s?.function ?? 'other',
  level: s?.level ?? 'operational',
  buyingOffice: s?.buyingOffice ?? false,
  influence: String(s?.influence ?? 3),
  attitude: s?.attitude ?? 'neutral',
  strength: String(s?.strength ?? 1),
  notes: s?.notes ?? '',
  ownerIds: s?.owners.map((o) => o.id),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function wholeIn(text: string, min: number, max: number): string | undefined {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max
    ? undefined
    : `must be a whole number from ${min} to ${max}`;
}

function check(draft: Draft): Errors {
  const errors: Errors = {};
  if (!draft.name.trim()) errors.name = 'Enter a name';
  if (draft.email.trim() && !EMAIL.test(draft.email.trim())) errors.email = 'Not an email address';
  const influence = wholeIn(draft.influence, 1, 5);
  if (influence) errors.influence = `Influence ${influence}`;
  const strength = wholeIn(draft.strength, 0, 5);
  if (strength) errors.strength = `Strength ${strength}`;
  return errors;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

const inputOf = (draft: Draft): StakeholderInput => ({
  name: draft.name.trim(),
  title: orNull(draft.title),
  email: orNull(draft.email),
  function: draft.function,
  level: draft.level,
  buyingOffice: draft.buyingOffice,
  influence: Number(draft.influence),
  attitude: draft.attitude,
  strength: Number(draft.strength),
  notes: orNull(draft.notes),
  ...(draft.ownerIds ? { ownerIds: draft.ownerIds } : {}),
});

interface StakeholderDialogProps {
  accountId: string;
  stakeholder?: StakeholderView;
  onClose: () => void;
}

/** Adds a person at the customer, or edits one; mounted only while open. */
export function StakeholderDialog({ accountId, stakeholder, onClose }: StakeholderDialogProps) {
  const save = useSaveStakeholder(accountId);
  const done = useToastThen(onClose);
  const { draft, change } = useDraft(
    () => draftOf(stakeholder),
    () => save.reset(),
  );
  const { errors, setErrors, passes } = useChecked(check);
  const me = useMe().data;
  const owners = draft.ownerIds ?? (me ? [me.id] : []);
  const colleagues = choosable(usePeople().data, owners);

  const submit = () => {
    if (!passes(draft)) return;
    save.mutate(
      { id: stakeholder?.id, input: inputOf(draft) },
      {
        onSuccess: (saved) => done(stakeholder ? `Saved ${saved.name}.` : `Added ${saved.name}.`),
        onError: (error) => {
          if (isApiError(error, 409)) setErrors({ email: 'Someone on this account already has this email' });
          else setErrors(problemOf(error).fields as Errors);
        },
      },
    );
  };

  const problem = problemOf(save.error);
  const field = fieldsOf(draft, change, errors);
  const fieldProblem = Object.keys(problem.fields).length > 0 || isApiError(save.error, 409);
  return (
    <FormDialog
      title={stakeholder ? `Edit ${stakeholder.name}` : 'Add stakeholder'}
      onSubmit={submit}
      onClose={onClose}
      sending={save}
      saveLabel={stakeholder ? 'Save' : 'Add stakeholder'}
      error={fieldProblem ? null : problem.message}
    >
      <div className="stakeholder-form">
        <TextField
          label="Name"
          className="stakeholder-form__wide"
          {...field('name')}
          autoComplete="off"
          required
        />
        <TextField
          label="Title"
          {...field('title')}
          placeholder="e.g. Head of Procurement"
          autoComplete="off"
        />
        <TextField
          label="Email"
          type="email"
          {...field('email')}
          hint="Links them to meeting attendees, for the last contact."
          autoComplete="off"
        />
        <ChoiceField<StakeholderFunction> label="Function" {...field('function')} labels={FUNCTION_LABELS} />
        <ChoiceField<StakeholderLevel> label="Level" {...field('level')} labels={LEVEL_LABELS} />
        <NumberField
          label="Influence"
          hint="1 (little) to 5 (decides)"
          {...field('influence')}
          min={1}
          max={5}
        />
        <ChoiceField<Attitude> label="Attitude" {...field('attitude')} labels={ATTITUDE_LABELS} />
        <NumberField
          label="Relationship strength"
          hint="0 (none) to 5 (trusted)"
          {...field('strength')}
          min={0}
          max={5}
        />
        <div className="stakeholder-form__check">
          <Check
            label="Buying office"
            checked={draft.buyingOffice}
            onChange={(buyingOffice) => change({ buyingOffice })}
          />
        </div>
        {/* Only worth asking when there is someone besides you. */}
        {colleagues.length > 1 && (
          <fieldset className="stakeholder-form__wide stakeholder-form__owners">
            <legend className="field__label">Relationship owners (our side)</legend>
            {colleagues.map((person) => (
              <Check
                key={person.id}
                label={person.name}
                checked={owners.includes(person.id)}
                onChange={(on) =>
                  change({
                    ownerIds: on ? [...owners, person.id] : owners.filter((id) => id !== person.id),
                  })
                }
              />
            ))}
            {errors.ownerIds && <p className="field__error">{errors.ownerIds}</p>}
          </fieldset>
        )}
        <TextAreaField label="Notes" {...field('notes')} className="stakeholder-form__wide" rows={3} />
      </div>
    </FormDialog>
  );
}
