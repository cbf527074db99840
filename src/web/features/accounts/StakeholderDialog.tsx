import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { Check, Field, FormError, NumberField, SelectField, TextField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { useMe } from '../auth/session.ts';
import { choosable, usePeople } from '../people/people-queries.ts';
import { type StakeholderInput, type StakeholderView, useSaveStakeholder } from './accounts-queries.ts';
import {
  ATTITUDE_LABELS,
  ATTITUDES,
  type Attitude,
  FUNCTION_LABELS,
  FUNCTIONS,
  LEVEL_LABELS,
  LEVELS,
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
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftOf(stakeholder));
  const [errors, setErrors] = useState<Errors>({});
  const me = useMe().data;
  const owners = draft.ownerIds ?? (me ? [me.id] : []);
  const colleagues = choosable(usePeople().data, owners);

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check(draft);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate(
      { id: stakeholder?.id, input: inputOf(draft) },
      {
        onSuccess: (saved) => {
          toast({ message: stakeholder ? `Saved ${saved.name}.` : `Added ${saved.name}.` });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409)) setErrors({ email: 'Someone on this account already has this email' });
          else setErrors(problemOf(error).fields as Errors);
        },
      },
    );
  };

  const problem = problemOf(save.error);
  const fieldProblem = Object.keys(problem.fields).length > 0 || isApiError(save.error, 409);
  return (
    <FormDialog
      titleId="stakeholder-dialog-title"
      title={stakeholder ? `Edit ${stakeholder.name}` : 'Add stakeholder'}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError message={fieldProblem ? null : problem.message} />
      <div className="stakeholder-form">
        <TextField
          label="Name"
          className="stakeholder-form__wide"
          error={errors.name}
          value={draft.name}
          onChange={(name) => change({ name })}
          autoComplete="off"
          required
        />
        <TextField
          label="Title"
          error={errors.title}
          value={draft.title}
          onChange={(title) => change({ title })}
          placeholder="e.g. Head of Procurement"
          autoComplete="off"
        />
        <TextField
          label="Email"
          type="email"
          error={errors.email}
          hint="Links them to meeting attendees, for the last contact."
          value={draft.email}
          onChange={(email) => change({ email })}
          autoComplete="off"
        />
        <SelectField<StakeholderFunction>
          label="Function"
          error={errors.function}
          value={draft.function}
          onChange={(fn) => change({ function: fn })}
        >
          {FUNCTIONS.map((fn) => (
            <option key={fn} value={fn}>
              {FUNCTION_LABELS[fn]}
            </option>
          ))}
        </SelectField>
        <SelectField<StakeholderLevel>
          label="Level"
          error={errors.level}
          value={draft.level}
          onChange={(level) => change({ level })}
        >
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]}
            </option>
          ))}
        </SelectField>
        <NumberField
          label="Influence"
          hint="1 (little) to 5 (decides)"
          error={errors.influence}
          min={1}
          max={5}
          value={draft.influence}
          onChange={(influence) => change({ influence })}
        />
        <SelectField<Attitude>
          label="Attitude"
          error={errors.attitude}
          value={draft.attitude}
          onChange={(attitude) => change({ attitude })}
        >
          {ATTITUDES.map((attitude) => (
            <option key={attitude} value={attitude}>
              {ATTITUDE_LABELS[attitude]}
            </option>
          ))}
        </SelectField>
        <NumberField
          label="Relationship strength"
          hint="0 (none) to 5 (trusted)"
          error={errors.strength}
          min={0}
          max={5}
          value={draft.strength}
          onChange={(strength) => change({ strength })}
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
        <Field label="Notes" error={errors.notes} className="stakeholder-form__wide">
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.notes}
              onChange={(e) => change({ notes: e.target.value })}
            />
          )}
        </Field>
      </div>
      <DialogFooter
        onCancel={onClose}
        saving={save.isPending}
        saveLabel={stakeholder ? 'Save' : 'Add stakeholder'}
      />
    </FormDialog>
  );
}
