import type { Ref } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../api/types.ts';
import { Check, ChoiceField, Field, TextField } from '../../shared/Field.tsx';
import { checksOf, fieldsOf } from '../../shared/forms.ts';
import { KIND_LABELS, quadrantInfo, quadrantOf } from '../../shared/quadrants.ts';
import { AccountSelect } from '../accounts/AccountSelect.tsx';
import type { ActivityDraft, DraftErrors } from './activity-draft.ts';

const QUICK_MINUTES = [30, 60, 90];

interface MinutesFieldProps {
  value: string;
  error?: string;
  onChange: (minutes: string) => void;
  /** The durations offered as chips beside the number. */
  chips?: readonly number[];
  className?: string;
}

/** Minutes: a number, and chips for the usual durations. */
export function MinutesField({
  value,
  error,
  onChange,
  chips = QUICK_MINUTES,
  className,
}: MinutesFieldProps) {
  return (
    <Field label="Minutes" error={error} className={className}>
      {(control) => (
        <div className="minutes-input">
          <input
            {...control}
            type="number"
            min={1}
            max={1440}
            step={5}
            inputMode="numeric"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <fieldset className="chips">
            <legend className="sr-only">Quick durations</legend>
            {chips.map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="chip"
                aria-pressed={value === String(minutes)}
                onClick={() => onChange(String(minutes))}
              >
                {minutes}
              </button>
            ))}
          </fieldset>
        </div>
      )}
    </Field>
  );
}

interface ActivityFieldsProps {
  draft: ActivityDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<ActivityDraft>) => void;
  titleRef?: Ref<HTMLInputElement>;
}

/** The fields quick-add and the edit dialog share; the container's CSS grid places them. */
export function ActivityFields({ draft, errors, onChange, titleRef }: ActivityFieldsProps) {
  const quadrant = quadrantInfo(quadrantOf(draft));
  const field = fieldsOf(draft, onChange, errors);
  const check = checksOf(draft, onChange);

  return (
    <>
      <TextField
        label="Title"
        {...field('title')}
        className="area-title"
        ref={titleRef}
        placeholder="e.g. Quarterly review with Northwind"
        autoComplete="off"
        maxLength={300}
      />
      <TextField label="Day" {...field('day')} className="area-day" type="date" />
      <TextField label="Start" {...field('start')} className="area-start" type="time" step={300} />
      <MinutesField
        value={draft.minutes}
        error={errors.minutes}
        onChange={(minutes) => onChange({ minutes })}
        className="area-minutes"
      />
      <AccountSelect
        className="area-account"
        {...field('accountId')}
        current={draft.accountName}
        onChange={(accountId) => onChange({ accountId, goalId: '' })}
      />
      <ChoiceField<ActivityKind>
        label="Kind"
        {...field('kind')}
        className="area-kind"
        values={ACTIVITY_KINDS}
        labels={KIND_LABELS}
      />
      <div className="area-flags flags">
        <span className="field__label" aria-hidden="true">
          Matrix
        </span>
        <div className="flags__row">
          <Check label="Urgent" {...check('urgent')} toggle />
          <Check label="Important" {...check('important')} toggle />
          <span className={`quadrant-badge quadrant-badge--${quadrant.id}`} title={quadrant.explanation}>
            {quadrant.label} · {quadrant.name}
          </span>
        </div>
      </div>
    </>
  );
}
