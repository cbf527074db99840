import { Suspense, useState } from 'react';
import type { Activity, ActivityStatus } from '../../api/types.ts';
import { Check, SelectField, TextAreaField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { checksOf, fieldsOf, problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { lazyNamed } from '../../shared/lazy.ts';
import { GoalSelect } from '../accounts/GoalSelect.tsx';
import { ActivityFields } from './ActivityFields.tsx';
import { type ActivityDraft, checkDraft, draftErrorsOf, draftOf, inputOf } from './activity-draft.ts';
import { useDeleteActivity, useUpdateActivity } from './activity-mutations.ts';

interface EditDialogProps {
  activity: Activity;
  week: string;
  onClose: () => void;
}

/** A modal editor for one activity; mounted only while open so its fields never shadow quick-add's. */
// Loaded when asked for: the Week page does not carry the decision form.
const DecisionDialog = lazyNamed(() => import('../decisions/DecisionDialog.tsx'), 'DecisionDialog');

export function EditDialog({ activity, week, onClose }: EditDialogProps) {
  const update = useUpdateActivity();
  const remove = useDeleteActivity(week);
  const { draft, change } = useDraft<ActivityDraft>(
    () => draftOf(activity),
    () => update.reset(),
  );
  const { errors, setErrors, passes } = useChecked(checkDraft);
  const [recording, setRecording] = useState(false);

  const save = () => {
    if (!passes(draft)) return;
    update.mutate(
      { id: activity.id, patch: inputOf(draft, { full: true }) },
      { onSuccess: onClose, onError: (error) => setErrors(draftErrorsOf(problemOf(error).fields)) },
    );
  };

  const field = fieldsOf(draft, change, errors);
  return (
    <FormDialog
      title="Edit activity"
      onSubmit={save}
      onClose={onClose}
      sending={update}
      saveLabel="Save"
      actions={
        <>
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
        </>
      }
    >
      <div className="activity-grid activity-grid--dialog">
        <ActivityFields draft={draft} errors={errors} onChange={change} />
        <SelectField<ActivityStatus> label="Status" {...field('status')} className="area-status">
          <option value="planned">Planned</option>
          <option value="done">Done</option>
        </SelectField>
        <GoalSelect className="area-goal" accountId={draft.accountId} {...field('goalId')} />
        <div className="area-commercial flags">
          <span className="field__label" aria-hidden="true">
            Investment
          </span>
          <Check label="Commercial" {...checksOf(draft, change)('commercial')} toggle />
        </div>
        <TextAreaField label="Notes" {...field('notes')} className="area-notes" rows={4} />
      </div>
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
