import { useState } from 'react';
import { daysAgoLabel } from '../../../core/time/days.ts';
import { isApiError } from '../../api/client.ts';
import type { AccountView, Me } from '../../api/types.ts';
import { ActivityList } from '../../shared/ActivityLine.tsx';
import { ConfirmDialog } from '../../shared/ConfirmDialog.tsx';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { SelectField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { ListSkeleton, Loaded, LoadedList } from '../../shared/Loaded.tsx';
import { LoadedPage } from '../../shared/LoadFailure.tsx';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { PageIntro } from '../../shared/PageIntro.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { DecisionsPanel } from '../decisions/DecisionsPanel.tsx';
import { InheritancePanel } from '../inheritance/InheritancePanel.tsx';
import { TransferDialog } from '../inheritance/TransferDialog.tsx';
import { ScorecardPanel } from '../scorecard/ScorecardPanel.tsx';
import { AccountDialog } from './AccountDialog.tsx';
import { AccountTimePanel } from './AccountTimePanel.tsx';
import {
  type Connectivity,
  type StakeholderView,
  useAccount,
  useConnectivity,
  useDeleteAccount,
  useRecentActivities,
  useStakeholders,
  useUpdateAccount,
} from './accounts-queries.ts';
import { ContactsImportDialog } from './ContactsImportDialog.tsx';
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

const ALL_ACCOUNTS = { href: hrefOf({ page: 'accounts' }), label: 'All accounts' };

/**
 * #/accounts/<id>: one customer — legacy and goals, time invested, people, coverage and who is
 * drifting; #/accounts/<id>/decisions/<decisionId> shows one of its decisions highlighted.
 */
export function AccountPage({ accountId, ...rest }: Omit<DetailProps, 'account'> & { accountId: string }) {
  const account = useAccount(accountId);
  return (
    <LoadedPage query={account} what="account" back={ALL_ACCOUNTS}>
      {(a) => <AccountDetail account={a} {...rest} />}
    </LoadedPage>
  );
}

interface DetailProps {
  account: AccountView;
  /** A decision to show highlighted (a notification's link). */
  decisionId?: string;
  me: Me;
}

function AccountDetail({ account: a, decisionId, me }: DetailProps) {
  const people = useStakeholders(a.id);
  const [days, setDays] = useState<LosingTouchDays>('60');
  const connectivity = useConnectivity(a.id, Number(days));
  const [editingPerson, setEditingPerson] = useState<{ stakeholder?: StakeholderView } | null>(null);
  const [editingAccount, setEditingAccount] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [importing, setImporting] = useState(false);
  const update = useUpdateAccount();
  const toast = useToast();

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
      <PageIntro
        back={{ href: hrefOf({ page: 'accounts' }), label: '← Accounts' }}
        title={
          <>
            {a.name} <span className={`tier tier--${a.tier}`}>{TIER_LABELS[a.tier]}</span>
          </>
        }
        introTestId="account-team"
        intro={
          <>
            Owner {a.owner?.name ?? 'nobody yet'}
            {team && ` · Team ${team}`} · {a.domains.length ? a.domains.join(', ') : 'No email domains'}
          </>
        }
        actions={
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
        }
      />

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
        <DecisionsPanel accountId={a.id} canEdit={a.canEdit} highlight={decisionId} />
      </div>

      <div className="account-layout">
        <Panel
          title="Coverage"
          subtitle={
            connectivity.data && (
              <>
                {connectivity.data.breadth.functions} of {FUNCTIONS.length} functions,{' '}
                {connectivity.data.breadth.levels} of {LEVELS.length} levels
              </>
            )
          }
        >
          <Loaded query={connectivity} what="Coverage" loading={<ListSkeleton rows={2} />}>
            {(data) => <CoverageGrid coverage={data.coverage} />}
          </Loaded>
        </Panel>

        <Panel
          title="Losing touch"
          actions={
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
          }
        >
          <Loaded
            query={connectivity}
            isEmpty={(data) => data.losingTouch.length === 0}
            empty={
              <EmptyNote>
                {people.data?.length
                  ? `Everyone was contacted in the last ${days} days.`
                  : 'No stakeholders yet.'}
              </EmptyNote>
            }
          >
            {(data) => <LosingTouch people={data.losingTouch} />}
          </Loaded>
        </Panel>
      </div>

      <Panel title="Relationship map" subtitle="Who on our side holds each relationship">
        {people.data && <RelationshipMap account={a} people={people.data} />}
      </Panel>

      <Panel
        title="Stakeholders"
        subtitle={people.data && people.data.length > 0 && <>{people.data.length} people</>}
        actions={
          a.canEdit && (
            <button type="button" className="button button--small" onClick={() => setImporting(true)}>
              Import stakeholders
            </button>
          )
        }
      >
        <LoadedList
          query={people}
          what="Stakeholders"
          rows={2}
          empty={
            <EmptyNote
              action={
                a.canEdit
                  ? { label: 'Add the first stakeholder', onClick: () => setEditingPerson({}) }
                  : undefined
              }
            >
              No stakeholders yet. Add the people you know at {a.name}, from the buyer to the CFO.
            </EmptyNote>
          }
        >
          {(list) => (
            <StakeholderTable
              accountId={a.id}
              timeZone={me.timeZone}
              people={list}
              canEdit={a.canEdit}
              onEdit={(stakeholder) => setEditingPerson({ stakeholder })}
            />
          )}
        </LoadedList>
      </Panel>

      <RecentActivities accountId={a.id} />

      {editingPerson && (
        <StakeholderDialog
          accountId={a.id}
          stakeholder={editingPerson.stakeholder}
          onClose={() => setEditingPerson(null)}
        />
      )}
      {importing && <ContactsImportDialog account={a} onClose={() => setImporting(false)} />}
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

/** The stakeholders not contacted for the chosen number of days, most influential first. */
function LosingTouch({ people }: { people: Connectivity['losingTouch'] }) {
  return (
    <ul className="losing-touch">
      {people.map((p) => (
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
    <Panel title="Your recent activities">
      <Loaded query={recent} empty={<EmptyNote>Nothing logged on this account yet.</EmptyNote>}>
        {(activities) => (
          <ActivityList
            activities={activities}
            when="day"
            tag={(activity) => activity.goalTitle}
            testId="recent-activity"
          />
        )}
      </Loaded>
    </Panel>
  );
}
