import { type FormEvent, useState } from 'react';
import type { AccountView, GoalDimension, GoalStatus, GoalView } from '../../api/types.ts';
import { ConfirmDialog } from '../../shared/ConfirmDialog.tsx';
import { Field, FormError, SelectField, TextField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { formatHours } from '../../shared/format.ts';
import { problemOf } from '../../shared/forms.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { useDeleteGoal, useGoals, useSaveGoal } from './accounts-queries.ts';
import { DIMENSION_LABELS, DIMENSIONS, GOAL_STATUS_LABELS } from './legacy-labels.ts';

/** The account's legacy statement and its goals, each with the time invested in it. */
export function LegacyPanel({
  account,
  onEditStatement,
}: {
  account: AccountView;
  onEditStatement: () => void;
}) {
  const goals = useGoals(account.id);
  const [editing, setEditing] = useState<{ goal?: GoalView } | null>(null);
  const most = Math.max(1, ...(goals.data?.map((g) => g.minutes) ?? []));
  const covered = new Set(goals.data?.filter((g) => g.status === 'active').map((g) => g.dimension));
  const missing = DIMENSIONS.filter((d) => !covered.has(d));

  return (
    <section className="panel" aria-labelledby="legacy-title">
      <div className="panel__header">
        <h2 className="panel__title" id="legacy-title">
          Legacy
        </h2>
        {account.canEdit && (
          <button type="button" className="button button--small" onClick={() => setEditing({})}>
            Add goal
          </button>
        )}
      </div>
      {account.legacyStatement ? (
        <blockquote className="legacy-statement">{account.legacyStatement}</blockquote>
      ) : (
        <p className="muted">
          No legacy statement yet: what should {account.name} say about us when you hand over?{' '}
          {account.canEdit && (
            <button type="button" className="button button--link" onClick={onEditStatement}>
              Write it
            </button>
          )}
        </p>
      )}
      {goals.isPending ? (
        <div className="list-skeleton" aria-busy="true">
          <span />
        </div>
      ) : goals.isError ? (
        <LoadError what="Goals" error={goals.error} />
      ) : goals.data.length === 0 ? (
        <p className="empty-note">
          No goals yet. Set one per dimension that matters here: commercial, relationships and trust,
          capability built, ways of working, innovation they did not ask for, non-commercial investment.
        </p>
      ) : (
        <ul className="goals">
          {goals.data.map((goal) => (
            <li key={goal.id} className={`goal goal--${goal.status}`} data-testid="goal">
              <div className="goal__head">
                <span className={`dimension dimension--${goal.dimension}`}>
                  {DIMENSION_LABELS[goal.dimension]}
                </span>
                {goal.status !== 'active' && <span className="pill">{GOAL_STATUS_LABELS[goal.status]}</span>}
                {goal.targetDate && <span className="muted goal__due">by {goal.targetDate}</span>}
                {account.canEdit && (
                  <button
                    type="button"
                    className="button button--small button--ghost goal__edit"
                    aria-label={`Edit goal ${goal.title}`}
                    onClick={() => setEditing({ goal })}
                  >
                    Edit
                  </button>
                )}
              </div>
              <div className="goal__title">{goal.title}</div>
              {goal.measure && <div className="goal__measure">{goal.measure}</div>}
              <div className="goal__time">
                <span className="goal__bar" aria-hidden="true">
                  <span style={{ width: `${(goal.minutes / most) * 100}%` }} />
                </span>
                <span data-testid="goal-time">
                  {formatHours(goal.minutes)} invested
                  {goal.minutes > 0 ? ` · ${formatHours(goal.minutesLast30Days)} in the last 30 days` : ''}
                  {goal.plannedMinutes > 0 ? ` · ${formatHours(goal.plannedMinutes)} planned` : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {goals.data && goals.data.length > 0 && missing.length > 0 && (
        <p className="muted legacy-missing">
          No active goal for: {missing.map((d) => DIMENSION_LABELS[d]).join(', ')}.
        </p>
      )}
      {editing && <GoalDialog accountId={account.id} goal={editing.goal} onClose={() => setEditing(null)} />}
    </section>
  );
}

function GoalDialog({
  accountId,
  goal,
  onClose,
}: {
  accountId: string;
  goal?: GoalView;
  onClose: () => void;
}) {
  const save = useSaveGoal(accountId);
  const remove = useDeleteGoal(accountId);
  const toast = useToast();
  const [dimension, setDimension] = useState<GoalDimension>(goal?.dimension ?? 'relationships');
  const [title, setTitle] = useState(goal?.title ?? '');
  const [measure, setMeasure] = useState(goal?.measure ?? '');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');
  const [status, setStatus] = useState<GoalStatus>(goal?.status ?? 'active');
  const [titleError, setTitleError] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError('Say what the goal is');
      return;
    }
    save.mutate(
      {
        id: goal?.id,
        input: {
          dimension,
          title: title.trim(),
          measure: measure.trim() || null,
          targetDate: targetDate || null,
          status,
        },
      },
      {
        onSuccess: (saved) => {
          toast({ message: goal ? `Saved “${saved.title}”.` : `Added “${saved.title}”.` });
          onClose();
        },
      },
    );
  };

  const problem = problemOf(save.error);
  return (
    <FormDialog
      titleId="goal-dialog-title"
      title={goal ? 'Edit goal' : 'New legacy goal'}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError message={Object.keys(problem.fields).length ? null : problem.message} />
      <div className="form-grid">
        <SelectField<GoalDimension>
          label="Dimension"
          value={dimension}
          onChange={setDimension}
          error={problem.fields.dimension}
        >
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {DIMENSION_LABELS[d]}
            </option>
          ))}
        </SelectField>
        <SelectField<GoalStatus> label="Status" value={status} onChange={setStatus}>
          {(Object.keys(GOAL_STATUS_LABELS) as GoalStatus[]).map((s) => (
            <option key={s} value={s}>
              {GOAL_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Goal"
          className="form-grid__wide"
          error={titleError ?? problem.fields.title}
          value={title}
          onChange={(value) => {
            setTitle(value);
            setTitleError(undefined);
          }}
          placeholder="e.g. A sponsor in their executive team"
          maxLength={300}
          autoComplete="off"
        />
        <Field label="What success looks like" className="form-grid__wide" error={problem.fields.measure}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={2000}
              value={measure}
              onChange={(e) => setMeasure(e.target.value)}
            />
          )}
        </Field>
        <TextField
          label="Target date"
          type="date"
          value={targetDate}
          onChange={setTargetDate}
          error={problem.fields.targetDate}
        />
      </div>
      <DialogFooter onCancel={onClose} saving={save.isPending} saveLabel={goal ? 'Save' : 'Add goal'}>
        {goal && (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </DialogFooter>
      {confirming && goal && (
        <ConfirmDialog
          title={`Delete “${goal.title}”?`}
          confirmLabel="Delete goal"
          danger
          busy={remove.isPending}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(goal.id, {
              onSuccess: () => {
                toast({ message: `Deleted “${goal.title}”.` });
                onClose();
              },
            })
          }
        >
          <p>
            The {goal.activities} {goal.activities === 1 ? 'activity' : 'activities'} linked to it stay,
            without a goal. Marking it achieved or dropped keeps its history instead.
          </p>
        </ConfirmDialog>
      )}
    </FormDialog>
  );
}
