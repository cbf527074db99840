import type { Ref } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../api/types.ts';
import { Check, Field, SelectField, TextField } from '../../shared/Field.tsx';
import { KIND_LABELS, quadrantInfo, quadrantOf } from '../../shared/quadrants.ts';
import { AccountSelect } from '../accounts/AccountSelect.tsx';
import type { ActivityDraft, DraftErrors } from './activity-draft.ts';

const QUICK_MINUTES = [30, 60, 90];

interface ActivityFieldsProps {
  draft: ActivityDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<ActivityDraft>) => void;
  titleRef?: Ref<HTMLInputElement>;
}

/** The fields quick-add and the edit dialog share; the container's CSS grid places them. */
export function ActivityFields({ draft, errors, onChange, titleRef }: ActivityFieldsProps) {
  const quadrant = quadrantInfo(quadrantOf(draft));

  return (
    <>
      <TextField
        label="Title"
        error={errors.title}
        className="area-title"
        ref={titleRef}
        value={draft.title}
        onChange={(title) => onChange({ title })}
        placeholder="e.g. Quarterly review with Northwind"
        autoComplete="off"
        maxLength={300}
      />
      <TextField
        label="Day"
        error={errors.day}
        className="area-day"
        type="date"
        value={draft.day}
        onChange={(day) => onChange({ day })}
      />
      <TextField
        label="Start"
        error={errors.start}
        className="area-start"
        type="time"
        step={300}
        value={draft.start}
        onChange={(start) => onChange({ start })}
      />
      <Field label="Minutes" error={errors.minutes} className="area-minutes">
        {(control) => (
          <div className="minutes-input">
            <input
              {...control}
              type="number"
              min={1}
              max={1440}
              step={5}
              inputMode="numeric"
              value={draft.minutes}
              onChange={(e) => onChange({ minutes: e.target.value })}
            />
            <fieldset className="chips">
              <legend className="sr-only">Quick durations</legend>
              {QUICK_MINUTES.map((minutes) => (
                <button
                  key={minutes}
                  type="button"
                  className="chip"
                  aria-pressed={draft.minutes === String(minutes)}
                  onClick={() => onChange({ minutes: String(minutes) })}
                >
                  {minutes}
                </button>
              ))}
            </fieldset>
          </div>
        )}
      </Field>
      <AccountSelect
        className="area-account"
        error={errors.accountId}
        value={draft.accountId}
        current={draft.accountName}
        onChange={(accountId) => onChange({ accountId, goalId: '' })}
      />
      <SelectField<ActivityKind>
        label="Kind"
        error={errors.kind}
        className="area-kind"
        value={draft.kind}
        onChange={(kind) => onChange({ kind })}
      >
        {ACTIVITY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <div className="area-flags flags">
        <span className="field__label" aria-hidden="true">
          Matrix
        </span>
        <div className="flags__row">
          <Check label="Urgent" checked={draft.urgent} toggle onChange={(urgent) => onChange({ urgent })} />
          <Check
            label="Important"
            checked={draft.important}
            toggle
            onChange={(important) => onChange({ important })}
          />
          <span className={`quadrant-badge quadrant-badge--${quadrant.id}`} title={quadrant.explanation}>
            {quadrant.label} · {quadrant.name}
          </span>
        </div>
      </div>
    </>
  );
}
