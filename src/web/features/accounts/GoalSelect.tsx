import { SelectField } from '../../shared/Field.tsx';
import { useGoals } from './accounts-queries.ts';
import { DIMENSION_LABELS } from './legacy-labels.ts';

/** Which of the account's legacy goals an activity served; needs an account first. */
export function GoalSelect({
  accountId,
  value,
  onChange,
  error,
  className,
}: {
  accountId: string;
  value: string;
  onChange: (goalId: string) => void;
  error?: string;
  className?: string;
}) {
  const goals = useGoals(accountId || null);
  const open = goals.data?.filter((g) => g.status === 'active' || g.id === value) ?? [];
  const hint = !accountId
    ? 'Pick an account to link a goal'
    : goals.data && open.length === 0
      ? 'This account has no goals yet'
      : undefined;
  return (
    <SelectField<string>
      label="Legacy goal"
      hint={hint}
      error={error}
      className={className}
      value={value}
      onChange={onChange}
      disabled={!accountId || open.length === 0}
    >
      <option value="">No goal</option>
      {open.map((goal) => (
        <option key={goal.id} value={goal.id}>
          {goal.title} · {DIMENSION_LABELS[goal.dimension]}
        </option>
      ))}
    </SelectField>
  );
}
