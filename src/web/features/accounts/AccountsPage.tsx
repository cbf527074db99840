import { type FormEvent, useState } from 'react';
import type { Account } from '../../api/types.ts';
import { FormError, TextField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { useSaveAccount } from '../rules/rules-queries.ts';
import { useAccounts } from '../week/week-queries.ts';
import { useConnectivity, useStakeholders } from './accounts-queries.ts';
import { WARNING_SHORT } from './stakeholder-labels.ts';

const domainsOf = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((d) => d.trim().replace(/^.*@/, '').toLowerCase())
      .filter(Boolean),
  ),
];

/** #/accounts: each customer with its people and what is thin about our relationships there. */
export function AccountsPage() {
  const accounts = useAccounts();
  const [creating, setCreating] = useState(false);

  return (
    <div className="accounts-page">
      <div className="page-intro page-intro--row">
        <div>
          <h1>Accounts</h1>
          <p className="muted">
            Who we know at each customer, how well, and where we hang on a single thread.
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New account
        </button>
      </div>

      {accounts.isPending ? (
        <div className="list-skeleton list-skeleton--tall" aria-busy="true">
          <span />
          <span />
          <span />
        </div>
      ) : accounts.isError ? (
        <p className="form-error" role="alert">
          Accounts could not be loaded: {problemOf(accounts.error).message}{' '}
          <button type="button" className="button button--small" onClick={() => accounts.refetch()}>
            Retry
          </button>
        </p>
      ) : accounts.data.length === 0 ? (
        <div className="empty-note">
          <p>No accounts yet. Add a customer to map the people you know there.</p>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            Add the first account
          </button>
        </div>
      ) : (
        <ul className="account-cards">
          {accounts.data.map((account) => (
            <AccountCard key={account.id} account={account} />
          ))}
        </ul>
      )}

      {creating && <NewAccountDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function AccountCard({ account }: { account: Account }) {
  const people = useStakeholders(account.id);
  const connectivity = useConnectivity(account.id);
  const count = people.data?.length;
  return (
    <li className="account-card" data-testid="account-card">
      <a className="account-card__name" href={hrefOf({ page: 'accounts', id: account.id })}>
        {account.name}
      </a>
      <span className="account-card__domains">
        {account.domains?.length ? account.domains.join(', ') : 'No email domains'}
      </span>
      <span className="account-card__count">
        {count === undefined ? '…' : `${count} ${count === 1 ? 'stakeholder' : 'stakeholders'}`}
      </span>
      <span className="account-card__warnings">
        {connectivity.data?.warnings.map((w) => (
          <span key={w.kind} className="pill pill--warn" title={w.message}>
            {WARNING_SHORT[w.kind]}
          </span>
        ))}
        {connectivity.data && connectivity.data.warnings.length === 0 && (
          <span className="pill pill--good">Well connected</span>
        )}
      </span>
    </li>
  );
}

function NewAccountDialog({ onClose }: { onClose: () => void }) {
  const save = useSaveAccount();
  const toast = useToast();
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [nameError, setNameError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Enter a name');
      return;
    }
    save.mutate(
      { name: name.trim(), domains: domainsOf(domains) },
      {
        onSuccess: (account) => {
          toast({ message: `Created ${account.name}.` });
          onClose();
          navigate({ page: 'accounts', id: account.id });
        },
      },
    );
  };

  const problem = problemOf(save.error);
  return (
    <FormDialog
      titleId="new-account-title"
      title="New account"
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError message={problem.message} />
      <TextField
        label="Name"
        error={nameError ?? problem.fields.name}
        value={name}
        onChange={(value) => {
          setName(value);
          setNameError(undefined);
        }}
        autoComplete="off"
      />
      <TextField
        label="Email domains"
        hint="Separated by commas, e.g. northwind.com"
        error={Object.entries(problem.fields).find(([key]) => key.startsWith('domains'))?.[1]}
        value={domains}
        onChange={setDomains}
        autoComplete="off"
      />
      <DialogFooter onCancel={onClose} saving={save.isPending} saveLabel="Create account" />
    </FormDialog>
  );
}
