import { type Ref, useId } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../api/types.ts';
import { Field } from '../../shared/Field.tsx';
import { KIND_LABELS, quadrantInfo, quadrantOf } from '../../shared/quadrants.ts';
import type { ActivityDraft, DraftErrors } from './activity-draft.ts';
import { useAccounts } from './week-queries.ts';

const QUICK_MINUTES = [30, 60, 90];

interface ActivityFieldsProps {
  draft: ActivityDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<ActivityDraft>) => void;
  titleRef?: Ref<HTMLInputElement>;
}

/** The fields quick-add and the edit dialog share; the container's CSS grid places them. */
export function ActivityFields({ draft, errors, onChange, titleRef }: ActivityFieldsProps) {
  const accountsListId = useId();
  const accounts = useAccounts();
  const quadrant = quadrantInfo(quadrantOf(draft));

  return (
    <>
      <Field label="Title" error={errors.title} className="area-title">
        {(control) => (
          <input
            {...control}
            ref={titleRef}
            value={draft.title}
            onChange={(e) => onChange({ title: e.target.value })}
            placeholder="e.g. Quarterly review with Northwind"
            autoComplete="off"
            maxLength={300}
          />
        )}
      </Field>
      <Field label="Day" error={errors.day} className="area-day">
        {(control) => (
          <input
            {...control}
            type="date"
            value={draft.day}
            onChange={(e) => onChange({ day: e.target.value })}
          />
        )}
      </Field>
      <Field label="Start" error={errors.start} className="area-start">
        {(control) => (
          <input
            {...control}
            type="time"
            step={300}
            value={draft.start}
            onChange={(e) => onChange({ start: e.target.value })}
          />
        )}
      </Field>
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
      <Field label="Account" error={errors.account} className="area-account">
        {(control) => (
          <>
            <input
              {...control}
              list={accountsListId}
              value={draft.account}
              onChange={(e) => onChange({ account: e.target.value })}
              placeholder="Internal"
              autoComplete="off"
              maxLength={200}
            />
            <datalist id={accountsListId}>
              {accounts.data?.map((account) => (
                <option key={account.id} value={account.name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Kind" error={errors.kind} className="area-kind">
        {(control) => (
          <select
            {...control}
            value={draft.kind}
            onChange={(e) => onChange({ kind: e.target.value as ActivityKind })}
          >
            {ACTIVITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="area-flags flags">
        <span className="field__label" aria-hidden="true">
          Matrix
        </span>
        <div className="flags__row">
          <label className="toggle">
            <input
              type="checkbox"
              checked={draft.urgent}
              onChange={(e) => onChange({ urgent: e.target.checked })}
            />
            <span>Urgent</span>
          </label>
          <label className="toggle">
            <input
              type="checkbox"
              checked={draft.important}
              onChange={(e) => onChange({ important: e.target.checked })}
            />
            <span>Important</span>
          </label>
          <span className={`quadrant-badge quadrant-badge--${quadrant.id}`} title={quadrant.explanation}>
            {quadrant.label} · {quadrant.name}
          </span>
        </div>
      </div>
    </>
  );
}
