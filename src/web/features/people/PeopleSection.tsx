import { type ReactNode, useState } from 'react';
import type { Invitation, Me, Person } from '../../api/types.ts';
import { ConfirmDialog } from '../../shared/ConfirmDialog.tsx';

import { Field, NameOptions, Options } from '../../shared/Field.tsx';
import { initialsOf } from '../../shared/format.ts';
import { problemOf } from '../../shared/forms.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { formatDayIn, lastActiveLabel, ROLE_LABELS, ROLES } from './labels.ts';
import { useInvitations, usePeople, useUpdatePerson, useWithdrawInvitation } from './people-queries.ts';

/** Who can lead others: leaders and owners who are still active. */
export const leadersAmong = (people: Person[]) =>
  people.filter((p) => p.role !== 'member' && p.status !== 'deactivated');

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Everyone below `leaderId` in the reporting lines, directly or through others. */
function reportsOf(people: Person[], leaderId: string): Set<string> {
  const below = new Set<string>();
  let frontier = [leaderId];
  while (frontier.length) {
    const next = people.filter((p) => p.leaderId && frontier.includes(p.leaderId) && !below.has(p.id));
    for (const p of next) below.add(p.id);
    frontier = next.map((p) => p.id);
  }
  return below;
}

/**
 * Settings → People: everyone in the workspace with role, reporting line and status. The owner
 * changes all of it; a leader invites members and moves their own reports; members only read.
 */
export function PeopleSection({ me }: { me: Me }) {
  const people = usePeople();
  const manages = me.role !== 'member';
  const invitations = useInvitations(manages);
  const [inviting, setInviting] = useState(false);

  const all = people.data ?? [];
  const nameOf = new Map(all.map((p) => [p.id, p.name]));
  const active = all.filter((p) => p.status !== 'deactivated').sort(byName);
  const deactivated = all.filter((p) => p.status === 'deactivated').sort(byName);
  const pending = invitations.data?.items.filter((i) => i.status === 'pending') ?? [];
  const leaders = leadersAmong(all).sort(byName);
  const myReports = reportsOf(all, me.id);

  return (
    <SettingsSection
      title="People"
      intro={
        manages
          ? `Who is in ${me.workspace.name}, their role and who they report to.`
          : `Who is in ${me.workspace.name}. The owner manages roles and reporting lines.`
      }
      actions={
        manages && (
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            Invite people
          </button>
        )
      }
    >
      {invitations.data && !invitations.data.mailConfigured && (
        <p className="settings-note" data-testid="mail-not-configured">
          Mail is not set up on this server: each invitation gives you a link to send yourself.
        </p>
      )}

      <div className="panel people">
        <Loaded query={people} what="People" retry loading={<ListSkeleton rows={2} />}>
          {() => (
            <ul className={manages ? 'people-list' : 'people-list people-list--read'} aria-label="People">
              <li className="people-row people-row--head" aria-hidden="true">
                <span>Name</span>
                <span>Role</span>
                <span>Reports to</span>
                {manages && (
                  <>
                    <span>Status</span>
                    <span>Last active</span>
                    <span />
                  </>
                )}
              </li>
              {[...active, ...deactivated].map((person) =>
                manages ? (
                  <PersonRow
                    key={person.id}
                    person={person}
                    me={me}
                    leaders={leaders}
                    nameOf={nameOf}
                    isMyReport={myReports.has(person.id)}
                  />
                ) : (
                  <ReadOnlyRow key={person.id} person={person} me={me} nameOf={nameOf} />
                ),
              )}
              {pending.map((invitation) => (
                <InvitationRow key={invitation.id} invitation={invitation} me={me} nameOf={nameOf} />
              ))}
            </ul>
          )}
        </Loaded>
        {invitations.isError && (
          <LoadError what="Invitations" error={invitations.error} onRetry={() => invitations.refetch()} />
        )}
      </div>

      {inviting && (
        <InviteDialog
          me={me}
          leaders={leaders}
          mailConfigured={invitations.data?.mailConfigured}
          onClose={() => setInviting(false)}
        />
      )}
    </SettingsSection>
  );
}

/** Who someone reports to, by name; a dash for nobody. */
const leaderOf = (nameOf: Map<string, string>, leaderId: string | null) =>
  (leaderId && nameOf.get(leaderId)) ?? '—';

/** One of a row's cells, named for phones (they show the column's name beside it). */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <span className={className ? `people-row__cell ${className}` : 'people-row__cell'} data-label={label}>
      {children}
    </span>
  );
}

/** Why a change to the row did not go through, across its whole width. */
function RowError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="people-row__error field__error" role="alert">
      {message}
    </p>
  );
}

function PersonCell({ name, detail, you }: { name: string; detail?: string; you?: boolean }) {
  return (
    <span className="people-row__person">
      <span className="avatar" aria-hidden="true">
        {initialsOf(name)}
      </span>
      <span className="people-row__who">
        <span className="people-row__name">
          {name}
          {you && <span className="pill pill--muted">You</span>}
        </span>
        {detail && <span className="people-row__detail">{detail}</span>}
      </span>
    </span>
  );
}

function ReadOnlyRow({ person, me, nameOf }: { person: Person; me: Me; nameOf: Map<string, string> }) {
  return (
    <li className="people-row" data-testid="person" data-person={person.name}>
      <PersonCell name={person.name} you={person.id === me.id} />
      <Cell label="Role">{ROLE_LABELS[person.role]}</Cell>
      <Cell label="Reports to">{leaderOf(nameOf, person.leaderId)}</Cell>
    </li>
  );
}

interface PersonRowProps {
  person: Person;
  me: Me;
  leaders: Person[];
  nameOf: Map<string, string>;
  /** Reports to the viewer, directly or through others: a leader may move them. */
  isMyReport: boolean;
}

function PersonRow({ person, me, leaders, nameOf, isMyReport }: PersonRowProps) {
  const update = useUpdatePerson(person.id);
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const isOwner = me.role === 'owner';
  const isMe = person.id === me.id;
  const deactivated = person.status === 'deactivated';
  // Leaders may move their own reports; everything else is the owner's.
  const mayChangeLeader = !deactivated && (isOwner || isMyReport);
  const { message, fields } = problemOf(update.error);
  const rowError = message && !fields.role && !fields.leaderId ? (fields.active ?? message) : null;
  const pending = update.isPending ? update.variables : undefined;
  const role = pending?.role ?? person.role;
  const leaderId = pending && 'leaderId' in pending ? (pending.leaderId ?? null) : person.leaderId;

  const change = (patch: Parameters<typeof update.mutate>[0], done: (p: Person) => string) =>
    update.mutate(patch, {
      onSuccess: (saved) => {
        setConfirming(false);
        toast({ message: done(saved) });
      },
      onError: () => setConfirming(false),
    });

  // Someone can report to any active leader or owner but themselves (the server refuses loops).
  const leaderChoices = leaders.filter((l) => l.id !== person.id);
  const departedLeader = leaderId !== null && !leaderChoices.some((l) => l.id === leaderId) ? leaderId : null;

  return (
    <li
      className={deactivated ? 'people-row people-row--off' : 'people-row'}
      data-testid="person"
      data-person={person.name}
      aria-busy={update.isPending || undefined}
    >
      <PersonCell name={person.name} detail={person.email} you={isMe} />
      <Cell label="Role">
        {isOwner && !deactivated ? (
          <Field label={`Role of ${person.name}`} error={fields.role} className="field--compact">
            {(control) => (
              <select
                {...control}
                value={role}
                disabled={update.isPending}
                onChange={(e) =>
                  change(
                    { role: e.target.value as Person['role'] },
                    (p) => `${p.name} is now ${p.role === 'owner' ? 'an owner' : `a ${p.role}`}.`,
                  )
                }
              >
                <Options values={ROLES} labels={ROLE_LABELS} />
              </select>
            )}
          </Field>
        ) : (
          ROLE_LABELS[person.role]
        )}
      </Cell>
      <Cell label="Reports to">
        {mayChangeLeader ? (
          <Field label={`${person.name} reports to`} error={fields.leaderId} className="field--compact">
            {(control) => (
              <select
                {...control}
                value={leaderId ?? ''}
                disabled={update.isPending}
                onChange={(e) =>
                  change({ leaderId: e.target.value || null }, (p) =>
                    p.leaderId
                      ? `${p.name} now reports to ${nameOf.get(p.leaderId) ?? 'their new leader'}.`
                      : `${p.name} reports to nobody now.`,
                  )
                }
              >
                <option value="">Nobody</option>
                {departedLeader && (
                  <option value={departedLeader}>
                    {nameOf.get(departedLeader) ?? 'Someone no longer here'}
                  </option>
                )}
                <NameOptions items={leaderChoices} />
              </select>
            )}
          </Field>
        ) : (
          leaderOf(nameOf, person.leaderId)
        )}
      </Cell>
      <Cell label="Status">
        {deactivated ? (
          <span className="pill pill--muted">Deactivated</span>
        ) : (
          <span className="pill pill--good">Active</span>
        )}
      </Cell>
      <Cell label="Last active" className="people-row__when">
        {lastActiveLabel(person.lastActiveAt, me.timeZone)}
      </Cell>
      <span className="people-row__actions">
        {isOwner &&
          !isMe &&
          (deactivated ? (
            <button
              type="button"
              className="button button--small"
              disabled={update.isPending}
              onClick={() => change({ active: true }, (p) => `${p.name} is active again.`)}
            >
              Reactivate
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--danger button--ghost"
              onClick={() => setConfirming(true)}
            >
              Deactivate
            </button>
          ))}
      </span>
      <RowError message={rowError} />
      {confirming && (
        <ConfirmDialog
          title={`Deactivate ${person.name}?`}
          confirmLabel="Deactivate"
          danger
          busy={update.isPending}
          onConfirm={() =>
            change({ active: false }, (p) => `${p.name} is deactivated. Their accounts need a new owner.`)
          }
          onClose={() => setConfirming(false)}
        >
          <p>
            Their sessions and access tokens stop working at once. Everything they logged stays, and you can
            reactivate them later.
          </p>
          <p>
            <strong>Accounts they own will need a new owner:</strong> hand each one over from its page.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}

function InvitationRow({
  invitation,
  me,
  nameOf,
}: {
  invitation: Invitation;
  me: Me;
  nameOf: Map<string, string>;
}) {
  const withdraw = useWithdrawInvitation();
  const toast = useToast();
  const mayWithdraw = me.role === 'owner' || invitation.invitedBy.id === me.id;
  return (
    <li className="people-row" data-testid="invitation" data-person={invitation.email}>
      <PersonCell
        name={invitation.email}
        detail={`Invited by ${invitation.invitedBy.name} · until ${formatDayIn(invitation.expiresAt, me.timeZone)}`}
      />
      <Cell label="Role">{ROLE_LABELS[invitation.role]}</Cell>
      <Cell label="Reports to">{leaderOf(nameOf, invitation.leaderId)}</Cell>
      <Cell label="Status">
        <span className="pill pill--neutral">Invited</span>
      </Cell>
      <Cell label="Last active" className="people-row__when">
        —
      </Cell>
      <span className="people-row__actions">
        {mayWithdraw && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(invitation.id, {
                onSuccess: () => toast({ message: `Withdrew the invitation for ${invitation.email}.` }),
              })
            }
          >
            Withdraw
          </button>
        )}
      </span>
      <RowError message={problemOf(withdraw.error).message} />
    </li>
  );
}
