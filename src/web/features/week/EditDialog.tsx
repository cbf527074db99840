import { type FormEvent, lazy, Suspense, useState } from 'react';
import type { Activity, ActivityStatus } from '../../api/types.ts';
import { Check, Field, FormError, SelectField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { GoalSelect } from '../accounts/GoalSelect.tsx';
import { ActivityFields } from './ActivityFields.tsx';
import {
  type ActivityDraft,
  checkDraft,
  type DraftErrors,
  draftErrorsOf,
  draftOf,
  inputOf,
} from './activity-draft.ts';
import { useDeleteActivity, useUpdateActivity } from './activity-mutations.ts';

interface EditDialogProps {
  activity: Activity;
  week: string;
  onClose: () => void;
}

/** A modal editor for one activity; mounted only while open so its fields never shadow quick-add's. */
// Loaded when asked for: the Week page does not carry the decision form.
const DecisionDialog = lazy(() =>
  import('../decisions/DecisionDialog.tsx').then((m) => ({ default: m.DecisionDialog })),
);

export function EditDialog({ activity, week, onClose }: EditDialogProps) {
  const update = useUpdateActivity();
  const remove = useDeleteActivity(week);
  const [draft, setDraft] = useState<ActivityDraft>(() => draftOf(activity));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [recording, setRecording] = useState(false);

  const change = (patch: Partial<ActivityDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    update.reset();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    update.mutate(
      { id: activity.id, patch: inputOf(draft, { full: true }) },
      { onSuccess: onClose, onError: (error) => setErrors(draftErrorsOf(problemOf(error).fields)) },
    );
  };

  const problem = problemOf(update.error);
  return (
    <FormDialog titleId="edit-dialog-title" title="Edit activity" onSubmit={save} onClose={onClose}>
      <FormError message={Object.keys(problem.fields).length ? null : problem.message} />
      <div className="activity-grid activity-grid--dialog">
        <ActivityFields draft={draft} errors={errors} onChange={change} />
        <SelectField<ActivityStatus>
          label="Status"
          error={errors.status}
          className="area-status"
          value={draft.status}
          onChange={(status) => change({ status })}
        >
          <option value="planned">Planned</option>
          <option value="done">Done</option>
        </SelectField>
        <GoalSelect
          className="area-goal"
          accountId={draft.accountId}
          value={draft.goalId}
          error={errors.goalId}
          onChange={(goalId) => change({ goalId })}
        />
        <div className="area-commercial flags">
          <span className="field__label" aria-hidden="true">
            Investment
          </span>
          <Check
            label="Commercial"
            checked={draft.commercial}
            toggle
            onChange={(commercial) => change({ commercial })}
          />
        </div>
        <Field label="Notes" error={errors.notes} className="area-notes">
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={draft.notes}
              onChange={(e) => change({ notes: e.target.value })}
            />
          )}
        </Field>
      </div>
      <DialogFooter onCancel={onClose} saving={update.isPending} saveLabel="Save">
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            // Close at once: the card leaves the board, and the toast offers Undo (or says what failed).
            remove.mutate(activity);
            onClose();
          }}
          disabled={remove.isPending}
        >
          Delete
        </button>
        {activity.quadrant === 'q1' && activity.accountId && (
          <button type="button" className="button" onClick={() => setRecording(true)}>
            Record a decision
          </button>
        )}
      </DialogFooter>
      {recording && activity.accountId && (
        <Suspense fallback={null}>
          <DecisionDialog
            accountId={activity.accountId}
            seed={{
              title: activity.title,
              fromActivityId: activity.id,
              decidedOn: activity.startsAt.slice(0, 10),
            }}
            onClose={() => setRecording(false)}
          />
        </Suspense>
      )}
    </FormDialog>
  );
}
