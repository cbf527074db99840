import { useState } from 'react';
import { daysAgoLabel } from '../../../core/time/days.ts';
import { isApiError } from '../../api/client.ts';
import type { AccountView, Me } from '../../api/types.ts';
import { ConfirmDialog } from '../../shared/ConfirmDialog.tsx';
import { SelectField } from '../../shared/Field.tsx';
import { formatHours } from '../../shared/format.ts';
import { problemOf } from '../../shared/forms.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { LoadFailure } from '../../shared/LoadFailure.tsx';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { quadrantInfo } from '../../shared/quadrants.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { DecisionsPanel } from '../decisions/DecisionsPanel.tsx';
import { InheritancePanel } from '../inheritance/InheritancePanel.tsx';
import { TransferDialog } from '../inheritance/TransferDialog.tsx';
import { ScorecardPanel } from '../scorecard/ScorecardPanel.tsx';
import { AccountDialog } from './AccountDialog.tsx';
import { AccountTimePanel } from './AccountTimePanel.tsx';
import {
  type StakeholderView,
  useAccount,
  useConnectivity,
  useDeleteAccount,
  useDeleteStakeholder,
  useRecentActivities,
  useStakeholders,
  useUpdateAccount,
} from './accounts-queries.ts';
import { CoverageGrid } from './Coverage.tsx';
import { LegacyPanel } from './LegacyPanel.tsx';
import { TIER_LABELS } from './legacy-labels.ts';
import { NeedsOwnerBadge } from './NeedsOwnerBadge.tsx';
import { RelationshipMap } from './RelationshipMap.tsx';
import { StakeholderDialog } from './StakeholderDialog.tsx';
import { StakeholderTable } from './StakeholderTable.tsx';
import { FUNCTIONS, LEVELS, WARNING_SHORT } from './stakeholder-labels.ts';

const LOSING_TOUCH_DAYS = ['30', '60', '90'] as const;
type LosingTouchDays = (typeof LOSING_TOUCH_DAYS)[number];

/** #/accounts/<id>: one customer — legacy and goals, time invested, people, coverage and who is drifting. */
export function AccountPage({ accountId, me }: { accountId: string; me: Me }) {
  const account = useAccount(accountId);
  const people = useStakeholders(accountId);
  const [days, setDays] = useState<LosingTouchDays>('60');
  const connectivity = useConnectivity(accountId, Number(days));
  const [editingPerson, setEditingPerson] = useState<{ stakeholder?: StakeholderView } | null>(null);
  const [deletingPerson, setDeletingPerson] = useState<StakeholderView | null>(null);
  const [editingAccount, setEditingAccount] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const removePerson = useDeleteStakeholder(accountId);
  const update = useUpdateAccount();
  const toast = useToast();

  if (account.isPending) return <div className="page-skeleton" aria-busy="true" />;
  if (account.isError) {
    return (
      <LoadFailure
        error={account.error}
        what="account"
        backHref={hrefOf({ page: 'accounts' })}
        backLabel="All accounts"
      />
    );
  }

  const a = account.data;
  const setArchived = (archived: boolean) =>
    update.mutate(
      { id: a.id, patch: { archived } },
      {
        onSuccess: () => toast({ message: archived ? `Archived ${a.name}.` : `${a.name} is active again.` }),
      },
    );
  const team = a.members.map((m) => m.name).join(', ');
  return (
    <div className="accounts-page">
      <div className="page-intro page-intro--row">
        <div>
          <a className="account-back" href={hrefOf({ page: 'accounts' })}>
            ← Accounts
          </a>
          <h1>
            {a.name} <span className={`tier tier--${a.tier}`}>{TIER_LABELS[a.tier]}</span>
          </h1>
          <p className="muted" data-testid="account-team">
            Owner {a.owner?.name ?? 'nobody yet'}
            {team && ` · Team ${team}`} · {a.domains.length ? a.domains.join(', ') : 'No email domains'}
          </p>
        </div>
        <div className="page-intro__actions">
          <HandoverLinks accountId={a.id} />
          {a.needsOwner && <NeedsOwnerBadge />}
          {(me.role !== 'member' || a.owner?.id === me.id) && (
            <button type="button" className="button" onClick={() => setTransferring(true)}>
              Hand over…
            </button>
          )}
          {a.canEdit && (
            <>
              <button type="button" className="button" onClick={() => setEditingAccount(true)}>
                Edit account
              </button>
              <button type="button" className="button button--primary" onClick={() => setEditingPerson({})}>
                Add stakeholder
              </button>
            </>
          )}
        </div>
      </div>

      {a.archivedAt && (
        <div className="account-warning account-warning--info" role="status">
          <strong>Archived</strong>
          <span>It keeps its history but leaves pickers and rules.</span>
          {a.canEdit && (
            <button type="button" className="button button--small" onClick={() => setArchived(false)}>
              Restore
            </button>
          )}
        </div>
      )}
      {connectivity.data?.warnings.map((warning) => (
        <div
          key={warning.kind}
          className="account-warning"
          role="status"
          data-testid={`warning-${warning.kind}`}
        >
          <span className="account-warning__dot" aria-hidden="true" />
          <strong>{WARNING_SHORT[warning.kind] ?? warning.kind}</strong>
          <span>{warning.message}</span>
        </div>
      ))}

      <InheritancePanel accountId={a.id} />

      <div className="account-layout">
        <LegacyPanel account={a} onEditStatement={() => setEditingAccount(true)} />
        <AccountTimePanel accountId={a.id} />
      </div>

      <div className="account-layout account-layout--even">
        <ScorecardPanel accountId={a.id} canEdit={a.canEdit} />
        <DecisionsPanel accountId={a.id} canEdit={a.canEdit} />
      </div>

      <div className="account-layout">
        <section className="panel" aria-labelledby="coverage-title">
          <div className="panel__header">
            <h2 className="panel__title" id="coverage-title">
              Coverage
            </h2>
            {connectivity.data && (
              <span className="panel__subtitle">
                {connectivity.data.breadth.functions} of {FUNCTIONS.length} functions,{' '}
                {connectivity.data.breadth.levels} of {LEVELS.length} levels
              </span>
            )}
          </div>
          {connectivity.isPending ? (
            <div className="list-skeleton" aria-busy="true">
              <span />
              <span />
            </div>
          ) : connectivity.isError ? (
            <LoadError what="Coverage" error={connectivity.error} />
          ) : (
            <CoverageGrid coverage={connectivity.data.coverage} />
          )}
        </section>

        <section className="panel" aria-labelledby="losing-touch-title">
          <div className="panel__header">
            <h2 className="panel__title" id="losing-touch-title">
              Losing touch
            </h2>
            <SelectField<LosingTouchDays>
              label="No contact for"
              className="field--inline"
              value={days}
              onChange={setDays}
            >
              {LOSING_TOUCH_DAYS.map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </SelectField>
          </div>
          {!connectivity.data ? null : connectivity.data.losingTouch.length === 0 ? (
            <p className="empty-note">
              {people.data?.length
                ? `Everyone was contacted in the last ${days} days.`
                : 'No stakeholders yet.'}
            </p>
          ) : (
            <ul className="losing-touch">
              {connectivity.data.losingTouch.map((p) => (
                <li key={p.id} className="losing-touch__row" data-testid="losing-touch">
                  <span className="losing-touch__name">{p.name}</span>
                  <span className="muted" title="Influence">
                    Influence {p.influence}
                  </span>
                  <span className="losing-touch__when">
                    {p.daysSinceContact === null ? 'never contacted' : daysAgoLabel(p.daysSinceContact)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="map-title">
        <div className="panel__header">
          <h2 className="panel__title" id="map-title">
            Relationship map
          </h2>
          <span className="panel__subtitle">Who on our side holds each relationship</span>
        </div>
        {people.data && <RelationshipMap account={a} people={people.data} />}
      </section>

      <section className="panel" aria-labelledby="stakeholders-title">
        <div className="panel__header">
          <h2 className="panel__title" id="stakeholders-title">
            Stakeholders
          </h2>
          {people.data && people.data.length > 0 && (
            <span className="panel__subtitle">{people.data.length} people</span>
          )}
        </div>
        {people.isPending ? (
          <div className="list-skeleton" aria-busy="true">
            <span />
            <span />
          </div>
        ) : people.isError ? (
          <LoadError what="Stakeholders" error={people.error} onRetry={() => people.refetch()} />
        ) : people.data.length === 0 ? (
          <div className="empty-note">
            <p>No stakeholders yet. Add the people you know at {a.name}, from the buyer to the CFO.</p>
            {a.canEdit && (
              <button type="button" className="button" onClick={() => setEditingPerson({})}>
                Add the first stakeholder
              </button>
            )}
          </div>
        ) : (
          <StakeholderTable
            timeZone={me.timeZone}
            people={people.data}
            canEdit={a.canEdit}
            onEdit={(stakeholder) => setEditingPerson({ stakeholder })}
            onDelete={setDeletingPerson}
          />
        )}
      </section>

      <RecentActivities accountId={a.id} />

      {editingPerson && (
        <StakeholderDialog
          accountId={accountId}
          stakeholder={editingPerson.stakeholder}
          onClose={() => setEditingPerson(null)}
        />
      )}
      {deletingPerson && (
        <ConfirmDialog
          title={`Delete ${deletingPerson.name}?`}
          confirmLabel={removePerson.isPending ? 'Deleting…' : 'Delete stakeholder'}
          danger
          busy={removePerson.isPending}
          onClose={() => setDeletingPerson(null)}
          onConfirm={() =>
            removePerson.mutate(deletingPerson.id, {
              onSuccess: () => {
                toast({ message: `Deleted ${deletingPerson.name}.` });
                setDeletingPerson(null);
              },
              onError: (error) => {
                toast({
                  tone: 'error',
                  message: `${deletingPerson.name} was not deleted: ${problemOf(error).message}`,
                });
                setDeletingPerson(null);
              },
            })
          }
        >
          <p>They leave the coverage grid and the losing-touch list. Past meetings stay.</p>
        </ConfirmDialog>
      )}
      {transferring && <TransferDialog account={a} onClose={() => setTransferring(false)} />}
      {editingAccount && (
        <AccountDialog
          account={a}
          meId={me.id}
          onClose={() => setEditingAccount(false)}
          onSaved={(saved) => {
            toast({ message: `Saved ${saved.name}.` });
            setEditingAccount(false);
          }}
          footer={
            <AccountRemoval account={a} onDone={() => setEditingAccount(false)} onArchive={setArchived} />
          }
        />
      )}
    </div>
  );
}

/**
 * Archive (the default: history stays) or delete. Deleting an account with activities asks again,
 * saying how many keep their time without an account.
 */
function AccountRemoval({
  account,
  onDone,
  onArchive,
}: {
  account: AccountView;
  onDone: () => void;
  onArchive: (archived: boolean) => void;
}) {
  const remove = useDeleteAccount();
  const toast = useToast();
  const [asking, setAsking] = useState<null | { activities: number | null }>(null);
  const deleted = () => {
    toast({ message: `Deleted ${account.name}.` });
    onDone();
    navigate({ page: 'accounts' });
  };
  const tryDelete = (unlinkActivities: boolean) =>
    remove.mutate(
      { id: account.id, unlinkActivities },
      {
        onSuccess: deleted,
        onError: (error) => {
          if (isApiError(error, 409))
            setAsking({ activities: Number(problemOf(error).fields.activities) || null });
          else
            toast({ tone: 'error', message: `${account.name} was not deleted: ${problemOf(error).message}` });
        },
      },
    );
  return (
    <>
      {!account.archivedAt && (
        <button
          type="button"
          className="button"
          onClick={() => {
            onArchive(true);
            onDone();
          }}
        >
          Archive
        </button>
      )}
      <button type="button" className="button button--danger" onClick={() => setAsking({ activities: null })}>
        Delete…
      </button>
      {asking && (
        <ConfirmDialog
          title={`Delete ${account.name}?`}
          confirmLabel={asking.activities ? `Delete, keep ${asking.activities} activities` : 'Delete account'}
          danger
          busy={remove.isPending}
          onClose={() => setAsking(null)}
          onConfirm={() => tryDelete(asking.activities !== null)}
        >
          {asking.activities ? (
            <p>
              {account.name} has {asking.activities} {asking.activities === 1 ? 'activity' : 'activities'}.
              Archiving keeps them on the account and is usually what you want. Deleting keeps their time but
              without an account, and removes its stakeholders and goals.
            </p>
          ) : (
            <p>
              Its stakeholders and goals go with it. Archiving instead keeps everything and hides it from
              pickers.
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

/** The handover pack: printable in a new tab, or downloaded as Markdown or PDF. */
function HandoverLinks({ accountId }: { accountId: string }) {
  const base = `/api/accounts/${encodeURIComponent(accountId)}/handover`;
  return (
    <span className="handover-links">
      <a className="button" href={`${base}?format=html`} target="_blank" rel="noopener">
        Handover pack
      </a>
      <a href={`${base}?format=md&download=1`} download>
        .md
      </a>
      <a href={`${base}?format=pdf&download=1`} download>
        .pdf
      </a>
    </span>
  );
}

/** The actor's own latest activities here; colleagues' titles stay private. */
function RecentActivities({ accountId }: { accountId: string }) {
  const recent = useRecentActivities(accountId);
  return (
    <section className="panel" aria-labelledby="recent-title">
      <div className="panel__header">
        <h2 className="panel__title" id="recent-title">
          Your recent activities
        </h2>
      </div>
      {!recent.data ? null : recent.data.length === 0 ? (
        <p className="empty-note">Nothing logged on this account yet.</p>
      ) : (
        <ul className="recent">
          {recent.data.map((activity) => {
            const q = quadrantInfo(activity.quadrant);
            return (
              <li key={activity.id} className="recent__row" data-testid="recent-activity">
                <span className="recent__day">{activity.startsAt.slice(0, 10)}</span>
                <span className={`quadrant-badge quadrant-badge--${q.id}`}>{q.label}</span>
                <span className="recent__title">{activity.title}</span>
                {activity.goalTitle && <span className="pill">{activity.goalTitle}</span>}
                <span className="recent__minutes">{formatHours(activity.minutes)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
