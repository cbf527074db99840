import { type FormEvent, useState } from 'react';
import { domainsOf } from '../../../core/accounts/domains.ts';
import type { AccountTier, AccountView } from '../../api/types.ts';
import { Field, FormError, SelectField, TextField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { choosable, usePeople } from '../people/people-queries.ts';
import { useCreateAccount, useUpdateAccount } from './accounts-queries.ts';
import { TIER_LABELS, TIERS } from './legacy-labels.ts';

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
  const [name, setName] = useState(account?.name ?? '');
  const [domains, setDomains] = useState(account?.domains.join(', ') ?? '');
  const [tier, setTier] = useState<AccountTier>(account?.tier ?? 'key');
  const [ownerId, setOwnerId] = useState(account ? (account.owner?.id ?? '') : meId);
  const [memberIds, setMemberIds] = useState<string[]>(account?.members.map((m) => m.id) ?? []);
  const [statement, setStatement] = useState(account?.legacyStatement ?? '');
  const [nameError, setNameError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Enter a name');
      return;
    }
    const fields = {
      name: name.trim(),
      domains: domainsOf(domains),
      tier,
      ownerId: ownerId || null,
      memberIds: memberIds.filter((id) => id !== ownerId),
      legacyStatement: statement.trim() || null,
    };
    const saved = account
      ? update.mutateAsync({ id: account.id, patch: fields })
      : create.mutateAsync(fields);
    saved.then(onSaved, () => undefined);
  };

  const problem = problemOf(save.error);
  const domainError = Object.entries(problem.fields).find(([key]) => key.startsWith('domains'))?.[1];
  const toggleMember = (id: string, on: boolean) =>
    setMemberIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  return (
    <FormDialog
      titleId="account-dialog-title"
      title={account ? `Edit ${account.name}` : 'New account'}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError message={Object.keys(problem.fields).length ? null : problem.message} />
      <div className="form-grid">
        <TextField
          label="Name"
          error={nameError ?? problem.fields.name}
          value={name}
          onChange={(value) => {
            setName(value);
            setNameError(undefined);
          }}
          autoComplete="off"
          maxLength={200}
        />
        <SelectField<AccountTier> label="Tier" value={tier} onChange={setTier}>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {TIER_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Email domains"
          hint="Separated by commas, e.g. northwind.com: their meetings land on this account"
          error={domainError}
          value={domains}
          onChange={setDomains}
          autoComplete="off"
          className="form-grid__wide"
        />
        <SelectField<string>
          label="Owner"
          error={problem.fields.ownerId}
          value={ownerId}
          onChange={setOwnerId}
        >
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
        <Field
          label="Legacy statement"
          hint="What do we want to leave behind at this customer, beyond the numbers?"
          error={problem.fields.legacyStatement}
          className="form-grid__wide"
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={5000}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
            />
          )}
        </Field>
      </div>
      <DialogFooter
        onCancel={onClose}
        saving={save.isPending}
        saveLabel={account ? 'Save' : 'Create account'}
      >
        {footer}
      </DialogFooter>
    </FormDialog>
  );
}
