import { type FormEvent, useState } from 'react';
import { domainsOf, notDomains } from '../../../core/accounts/domains.ts';
import type { Account } from '../../api/types.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { useAccounts, useCreateAccount, useUpdateAccount } from './accounts-queries.ts';

function checkDomains(text: string): string | undefined {
  const bad = notDomains(text);
  return bad.length ? `Not a domain: ${bad.join(', ')}` : undefined;
}

/** Accounts and their customers' email domains: imported meetings with those people land on the account. */
export function AccountDomainsPanel() {
  const accounts = useAccounts();
  return (
    <Panel
      title="Accounts & domains"
      subtitle="Meetings with people from these email domains land on the account automatically, when no rule sets one."
    >
      <Loaded query={accounts} what="Accounts" loading={<ListSkeleton rows={2} />}>
        {(list) => (
          <div className="account-table">
            <div className="account-table__head" aria-hidden="true">
              <span>Account</span>
              <span>Email domains</span>
              <span />
            </div>
            {list.length === 0 && (
              <EmptyNote>
                No accounts yet. Add your customers and the domains their people write from.
              </EmptyNote>
            )}
            {list.map((account) => (
              <AccountRow
                key={`${account.id}:${account.name}:${(account.domains ?? []).join(',')}`}
                account={account}
              />
            ))}
            <AccountRow />
          </div>
        )}
      </Loaded>
    </Panel>
  );
}

/** One account's name and domains, saved together; without an account it adds a new one. */
function AccountRow({ account }: { account?: Account }) {
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const save = account ? update : create;
  const toast = useToast();
  const initialDomains = (account?.domains ?? []).join(', ');
  const [name, setName] = useState(account?.name ?? '');
  const [domains, setDomains] = useState(initialDomains);
  const [error, setError] = useState<string | null>(null);
  const dirty = name.trim() !== (account?.name ?? '') || domains.trim() !== initialDomains;
  const label = account ? account.name : 'new account';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the account a name');
      return;
    }
    const domainError = checkDomains(domains);
    if (domainError) {
      setError(domainError);
      return;
    }
    setError(null);
    const fields = { name: name.trim(), domains: domainsOf(domains) };
    const saved = account
      ? update.mutateAsync({ id: account.id, patch: fields })
      : create.mutateAsync(fields);
    saved.then(
      () => {
        toast({ message: account ? `Saved ${name.trim()}.` : `Added ${name.trim()}.` });
        if (!account) {
          setName('');
          setDomains('');
        }
      },
      (failure: unknown) => {
        const problem = problemOf(failure);
        setError(Object.values(problem.fields)[0] ?? problem.message);
      },
    );
  };

  return (
    <form className={`account-row${account ? '' : ' account-row--new'}`} onSubmit={submit} noValidate>
      <input
        aria-label={account ? `Name of ${label}` : 'New account name'}
        value={name}
        maxLength={200}
        placeholder={account ? undefined : 'New account, e.g. Northwind'}
        onChange={(e) => setName(e.target.value)}
        autoComplete="off"
      />
      <input
        aria-label={account ? `Email domains of ${label}` : 'Email domains of the new account'}
        value={domains}
        placeholder="e.g. northwind.com, northwind.co.uk"
        spellCheck={false}
        onChange={(e) => setDomains(e.target.value)}
        autoComplete="off"
      />
      <button
        type="submit"
        className={`button button--small${account ? '' : ' button--primary'}`}
        disabled={!dirty || save.isPending}
      >
        {account ? 'Save' : 'Add account'}
      </button>
      {error && (
        <div className="account-row__error">
          <FormError message={error} />
        </div>
      )}
    </form>
  );
}
