import { useState } from 'react';
import type { AccountView, GoalDimension, GoalStatus, GoalView } from '../../api/types.ts';
import { ConfirmButton } from '../../shared/ConfirmDialog.tsx';
import { EditButton } from '../../shared/EditButton.tsx';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { ChoiceField, TextAreaField, TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { formatHours } from '../../shared/format.ts';
import { fieldsOf, problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { useToastThen } from '../../shared/toast-then.ts';
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
  const covered = new Set(goals.data?.filter((g) => g.status === 'active').map((g) => g.dimension));
  const missing = DIMENSIONS.filter((d) => !covered.has(d));

  return (
    <Panel
      title="Legacy"
      actions={
        account.canEdit && (
          <button type="button" className="button button--small" onClick={() => setEditing({})}>
            Add goal
          </button>
        )
      }
    >
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
      <Loaded
        query={goals}
        what="Goals"
        loading={<ListSkeleton rows={1} />}
        empty={
          <EmptyNote>
            No goals yet. Set one per dimension that matters here: commercial, relationships and trust,
            capability built, ways of working, innovation they did not ask for, non-commercial investment.
          </EmptyNote>
        }
      >
        {(list) => (
          <GoalList goals={list} canEdit={account.canEdit} onEdit={(goal) => setEditing({ goal })} />
        )}
      </Loaded>
      {goals.data && goals.data.length > 0 && missing.length > 0 && (
        <p className="muted legacy-missing">
          No active goal for: {missing.map((d) => DIMENSION_LABELS[d]).join(', ')}.
        </p>
      )}
      {editing && <GoalDialog accountId={account.id} goal={editing.goal} onClose={() => setEditing(null)} />}
    </Panel>
  );
}

/** The goals, each with the time invested in it against the most invested one. */
function GoalList({
  goals,
  canEdit,
  onEdit,
}: {
  goals: GoalView[];
  canEdit: boolean;
  onEdit: (goal: GoalView) => void;
}) {
  const most = Math.max(1, ...goals.map((g) => g.minutes));
  return (
    <ul className="goals">
      {goals.map((goal) => (
        <li key={goal.id} className={`goal goal--${goal.status}`} data-testid="goal">
          <div className="goal__head">
            <span className={`dimension dimension--${goal.dimension}`}>
              {DIMENSION_LABELS[goal.dimension]}
            </span>
            {goal.status !== 'active' && <span className="pill">{GOAL_STATUS_LABELS[goal.status]}</span>}
            {goal.targetDate && <span className="muted goal__due">by {goal.targetDate}</span>}
            {canEdit && (
              <EditButton
                label={`Edit goal ${goal.title}`}
                className="button--ghost goal__edit"
                onClick={() => onEdit(goal)}
              />
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
  const done = useToastThen(onClose);
  const checked = useChecked((d: { title: string }) =>
    d.title.trim() ? {} : { title: 'Say what the goal is' },
  );
  const { draft, change } = useDraft(
    () => ({
      dimension: goal?.dimension ?? ('relationships' as GoalDimension),
      title: goal?.title ?? '',
      measure: goal?.measure ?? '',
      targetDate: goal?.targetDate ?? '',
      status: goal?.status ?? ('active' as GoalStatus),
    }),
    (patch) => 'title' in patch && checked.setErrors({}),
  );

  const submit = () => {
    if (!checked.passes(draft)) return;
    const input = {
      ...draft,
      title: draft.title.trim(),
      measure: draft.measure.trim() || null,
      targetDate: draft.targetDate || null,
    };
    save.mutate(
      { id: goal?.id, input },
      {
        onSuccess: (saved) => done(goal ? `Saved “${saved.title}”.` : `Added “${saved.title}”.`),
      },
    );
  };

  const problem = problemOf(save.error);
  const field = fieldsOf(draft, change, { ...problem.fields, ...checked.errors });
  return (
    <FormDialog
      title={goal ? 'Edit goal' : 'New legacy goal'}
      onSubmit={submit}
      onClose={onClose}
      sending={save}
      saveLabel={goal ? 'Save' : 'Add goal'}
      actions={goal && <DeleteGoal accountId={accountId} goal={goal} onDone={onClose} />}
    >
      <div className="form-grid">
        <ChoiceField<GoalDimension> label="Dimension" {...field('dimension')} labels={DIMENSION_LABELS} />
        <ChoiceField<GoalStatus> label="Status" {...field('status')} labels={GOAL_STATUS_LABELS} />
        <TextField
          label="Goal"
          className="form-grid__wide"
          {...field('title')}
          placeholder="e.g. A sponsor in their executive team"
          maxLength={300}
          autoComplete="off"
        />
        <TextAreaField
          label="What success looks like"
          className="form-grid__wide"
          {...field('measure')}
          rows={2}
          maxLength={2000}
        />
        <TextField label="Target date" type="date" {...field('targetDate')} />
      </div>
    </FormDialog>
  );
}

/** Deletes a goal, asking first: the activities linked to it stay, without a goal. */
function DeleteGoal({ accountId, goal, onDone }: { accountId: string; goal: GoalView; onDone: () => void }) {
  const remove = useDeleteGoal(accountId);
  return (
    <ConfirmButton
      className="button button--danger"
      title={`Delete “${goal.title}”?`}
      explanation={
        <p>
          The {goal.activities} {goal.activities === 1 ? 'activity' : 'activities'} linked to it stay, without
          a goal. Marking it achieved or dropped keeps its history instead.
        </p>
      }
      confirmLabel="Delete goal"
      mutation={remove}
      variables={goal.id}
      done={`Deleted “${goal.title}”.`}
      onDone={onDone}
    >
      Delete
    </ConfirmButton>
  );
}
