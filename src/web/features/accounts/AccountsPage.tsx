import { useState } from 'react';
import type { Account, Me } from '../../api/types.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { LoadedList } from '../../shared/Loaded.tsx';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { PageIntro } from '../../shared/PageIntro.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { AccountDialog } from './AccountDialog.tsx';
import { type AccountStatus, useAccounts } from './accounts-queries.ts';
import { TIER_LABELS } from './legacy-labels.ts';
import { NeedsOwnerBadge } from './NeedsOwnerBadge.tsx';
import { PersonalLegacyCard } from './PersonalLegacyCard.tsx';
import { WARNING_SHORT } from './stakeholder-labels.ts';

/** #/accounts: your legacy statement, then each customer with its team and what is thin there. */
export function AccountsPage({ me }: { me: Me }) {
  const [status, setStatus] = useState<AccountStatus>('active');
  const accounts = useAccounts(status);
  const [creating, setCreating] = useState(false);
  const toast = useToast();

  return (
    <div className="accounts-page">
      <PageIntro
        title="Accounts"
        intro="Who we know at each customer, how well, and what we want to leave behind there."
        actions={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New account
          </button>
        }
      />

      <PersonalLegacyCard />

      <div className="tabs" role="tablist" aria-label="Which accounts">
        {(['active', 'archived'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={status === s}
            className={status === s ? 'tab tab--on' : 'tab'}
            onClick={() => setStatus(s)}
          >
            {s === 'active' ? 'Active' : 'Archived'}
          </button>
        ))}
      </div>

      <LoadedList
        query={accounts}
        what="Accounts"
        rows={3}
        tall
        empty={
          status === 'archived' ? (
            <EmptyNote>
              No archived accounts. Archiving keeps an account’s history while taking it out of pickers.
            </EmptyNote>
          ) : (
            <EmptyNote action={{ label: 'Add the first account', onClick: () => setCreating(true) }}>
              No accounts yet. Add a customer to map the people you know there.
            </EmptyNote>
          )
        }
      >
        {(list) => (
          <ul className="account-cards">
            {list.map((account) => (
              <AccountCard key={account.id} account={account} />
            ))}
          </ul>
        )}
      </LoadedList>

      {creating && (
        <AccountDialog
          meId={me.id}
          onClose={() => setCreating(false)}
          onSaved={(account) => {
            toast({ message: `Created ${account.name}.` });
            setCreating(false);
            navigate({ page: 'accounts', id: account.id });
          }}
        />
      )}
    </div>
  );
}

function AccountCard({ account }: { account: Account }) {
  const count = account.stakeholders;
  return (
    <li className="account-card" data-testid="account-card">
      <a className="account-card__name" href={hrefOf({ page: 'accounts', id: account.id })}>
        {account.name}
      </a>
      <span className={`tier tier--${account.tier}`}>{TIER_LABELS[account.tier]}</span>
      <span className="account-card__owner">
        {account.owner ? `Owner ${account.owner.name}` : 'No owner yet'}
        {account.members.length > 0 && ` · team of ${account.members.length + (account.owner ? 1 : 0)}`}
        {account.needsOwner && <NeedsOwnerBadge />}
      </span>
      <span className="account-card__domains">
        {account.domains.length ? account.domains.join(', ') : 'No email domains'}
      </span>
      <span className="account-card__count">
        {count} {count === 1 ? 'stakeholder' : 'stakeholders'}
      </span>
      <span className="account-card__warnings">
        {account.warnings.map((kind) => (
          <span key={kind} className="pill pill--warn">
            {WARNING_SHORT[kind]}
          </span>
        ))}
        {account.warnings.length === 0 && <span className="pill pill--good">Well connected</span>}
      </span>
    </li>
  );
}
