import { type FormEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import type { Activity, ActivityStatus } from '../../api/types.ts';
import { Field, FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
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
export function EditDialog({ activity, week, onClose }: EditDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const update = useUpdateActivity();
  const remove = useDeleteActivity(week);
  const [draft, setDraft] = useState<ActivityDraft>(() => draftOf(activity));
  const [errors, setErrors] = useState<DraftErrors>({});

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

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

  const closeOnBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === dialog.current) onClose();
  };

  const problem = problemOf(update.error);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog; the click is for the backdrop only.
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="edit-dialog-title"
      onClose={onClose}
      onClick={closeOnBackdrop}
    >
      <form className="dialog__body" onSubmit={save} noValidate>
        <header className="dialog__header">
          <h2 id="edit-dialog-title">Edit activity</h2>
          <button type="button" className="button button--icon button--ghost" onClick={onClose}>
            <span aria-hidden="true">×</span>
            <span className="sr-only">Close</span>
          </button>
        </header>
        <FormError message={Object.keys(problem.fields).length ? null : problem.message} />
        <div className="activity-grid activity-grid--dialog">
          <ActivityFields draft={draft} errors={errors} onChange={change} />
          <Field label="Status" error={errors.status} className="area-status">
            {(control) => (
              <select
                {...control}
                value={draft.status}
                onChange={(e) => change({ status: e.target.value as ActivityStatus })}
              >
                <option value="planned">Planned</option>
                <option value="done">Done</option>
              </select>
            )}
          </Field>
          <div className="area-commercial flags">
            <span className="field__label" aria-hidden="true">
              Investment
            </span>
            <label className="toggle">
              <input
                type="checkbox"
                checked={draft.commercial}
                onChange={(e) => change({ commercial: e.target.checked })}
              />
              <span>Commercial</span>
            </label>
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
        <footer className="dialog__footer">
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
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
