import { useState } from 'react';
import { domainsOf } from '../../../core/accounts/domains.ts';
import type { AccountTier, AccountView } from '../../api/types.ts';
import { ChoiceField, SelectField, TextAreaField, TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { fieldsOf, problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { choosable, usePeople } from '../people/people-queries.ts';
import { useCreateAccount, useUpdateAccount } from './accounts-queries.ts';
import { TIER_LABELS } from './legacy-labels.ts';

/**
 * Creates an account or changes one: name, domains, tier, owner, team and legacy statement.
 * `footer` holds the edit dialog's archive and delete actions.
 */
export function AccountDialog({
  account,
  meId,
  onSaved,
  onClose,
  footer,
}: {
  account?: AccountView;
  meId: string;
  onSaved: (account: AccountView) => void;
  onClose: () => void;
  footer?: React.ReactNode;
}) {
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const save = account ? update : create;
  const people = usePeople();
  const checked = useChecked((d: { name: string }) => (d.name.trim() ? {} : { name: 'Enter a name' }));
  const { draft, change } = useDraft(
    () => ({
      name: account?.name ?? '',
      domains: account?.domains.join(', ') ?? '',
      tier: account?.tier ?? ('key' as AccountTier),
      ownerId: account ? (account.owner?.id ?? '') : meId,
      legacyStatement: account?.legacyStatement ?? '',
    }),
    (patch) => 'name' in patch && checked.setErrors({}),
  );
  const [memberIds, setMemberIds] = useState<string[]>(account?.members.map((m) => m.id) ?? []);
  const { ownerId } = draft;

  const submit = () => {
    if (!checked.passes(draft)) return;
    const fields = {
      name: draft.name.trim(),
      domains: domainsOf(draft.domains),
      tier: draft.tier,
      ownerId: ownerId || null,
      memberIds: memberIds.filter((id) => id !== ownerId),
      legacyStatement: draft.legacyStatement.trim() || null,
    };
    const saved = account
      ? update.mutateAsync({ id: account.id, patch: fields })
      : create.mutateAsync(fields);
    saved.then(onSaved, () => undefined);
  };

  const problem = problemOf(save.error);
  const domainError = Object.entries(problem.fields).find(([key]) => key.startsWith('domains'))?.[1];
  const field = fieldsOf(draft, change, { ...problem.fields, domains: domainError, ...checked.errors });
  const toggleMember = (id: string, on: boolean) =>
    setMemberIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  return (
    <FormDialog
      title={account ? `Edit ${account.name}` : 'New account'}
      onSubmit={submit}
      onClose={onClose}
      sending={save}
      saveLabel={account ? 'Save' : 'Create account'}
      actions={footer}
    >
      <div className="form-grid">
        <TextField label="Name" {...field('name')} autoComplete="off" maxLength={200} />
        <ChoiceField<AccountTier> label="Tier" {...field('tier')} labels={TIER_LABELS} />
        <TextField
          label="Email domains"
          hint="Separated by commas, e.g. northwind.com: their meetings land on this account"
          {...field('domains')}
          autoComplete="off"
          className="form-grid__wide"
        />
        <SelectField<string> label="Owner" {...field('ownerId')}>
          <option value="">Nobody yet</option>
          {choosable(people.data, [ownerId]).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.id === meId ? ' (you)' : ''}
            </option>
          ))}
        </SelectField>
        <fieldset className="team-picker">
          <legend className="field__label">Account team</legend>
          {choosable(people.data, memberIds)
            .filter((p) => p.id !== ownerId)
            .map((p) => (
              <label key={p.id} className="team-picker__person">
                <input
                  type="checkbox"
                  checked={memberIds.includes(p.id)}
                  onChange={(e) => toggleMember(p.id, e.target.checked)}
                />
                {p.name}
              </label>
            ))}
          {people.data && people.data.length <= 1 && (
            <span className="muted">Nobody else in the workspace yet.</span>
          )}
          {problem.fields.memberIds && <p className="field__error">{problem.fields.memberIds}</p>}
        </fieldset>
        <TextAreaField
          label="Legacy statement"
          hint="What do we want to leave behind at this customer, beyond the numbers?"
          {...field('legacyStatement')}
          className="form-grid__wide"
          rows={3}
          maxLength={5000}
        />
      </div>
    </FormDialog>
  );
}
