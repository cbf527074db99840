import { useState } from 'react';
import { Field, NameOptions } from '../../shared/Field.tsx';
import { useAfterFirstScreen } from '../../shared/first-screen.ts';
import { problemOf } from '../../shared/forms.ts';
import { useAccounts, useCreateAccount } from './accounts-queries.ts';

const NEW = '__new';

/**
 * The account an activity is for: internal, one of the workspace's active accounts, or a new one
 * made right here (so a typo no longer makes an account by accident). `current` names the stored
 * account when it is archived and so not in the list.
 */
export function AccountSelect({
  value,
  current,
  onChange,
  error,
  className,
}: {
  value: string;
  current?: string;
  onChange: (accountId: string) => void;
  error?: string;
  className?: string;
}) {
  // Its options are not what a page shows first (quick-add on the Week).
  const accounts = useAccounts('active', { enabled: useAfterFirstScreen() });
  const create = useCreateAccount();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const listed = accounts.data?.some((a) => a.id === value);

  const add = () => {
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (account) => {
          onChange(account.id);
          setAdding(false);
          setName('');
        },
      },
    );
  };

  if (adding) {
    const problem = create.error ? problemOf(create.error) : null;
    return (
      <Field
        label="New account"
        error={problem ? (problem.fields.name ?? problem.message ?? undefined) : undefined}
        className={className}
      >
        {(control) => (
          <div className="inline-add">
            <input
              {...control}
              value={name}
              maxLength={200}
              placeholder="Customer name"
              autoComplete="off"
              // biome-ignore lint/a11y/noAutofocus: the person just asked to type a name
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setAdding(false);
                }
              }}
            />
            <button type="button" className="button button--small" disabled={create.isPending} onClick={add}>
              Add
            </button>
            <button
              type="button"
              className="button button--small button--ghost button--icon"
              aria-label="Cancel the new account"
              title="Cancel"
              onClick={() => setAdding(false)}
            >
              ×
            </button>
          </div>
        )}
      </Field>
    );
  }

  return (
    <Field label="Account" error={error} className={className}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(e) => (e.target.value === NEW ? setAdding(true) : onChange(e.target.value))}
        >
          <option value="">Internal (no account)</option>
          {value && !listed && <option value={value}>{current || 'Archived account'}</option>}
          <NameOptions items={accounts.data} />
          <option value={NEW}>+ New account…</option>
        </select>
      )}
    </Field>
  );
}
