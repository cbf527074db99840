import { randomUUID } from 'node:crypto';
import { and, asc, eq, exists, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { recordActorAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { assertWorkspaceUsers } from '../auth/users.ts';
import type { Db, Tx } from '../db/client.ts';
import { updateGiven } from '../db/patch.ts';
import { byKey, findInWorkspace } from '../db/rows.ts';
import {
  accountMembers,
  accounts,
  activities,
  stakeholderOwners,
  stakeholders,
  users,
} from '../db/schema/index.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import { warningsOf } from '../stakeholders/connectivity.ts';
import { now } from '../time/clock.ts';
import type { AccountInput, AccountPatch, AccountSummary, AccountView } from './schemas.ts';

export interface AccountRef {
  id: string;
  name: string;
}

type AccountRow = typeof accounts.$inferSelect;
type Person = { id: string; name: string };

/**
 * Who may change an account, its stakeholders and its goals: its owner and team, and the
 * workspace's leaders and owner. Everyone in the workspace may read it.
 */
export function canEditAccount(actor: Actor, row: Pick<AccountRow, 'ownerId'>, memberIds: string[]): boolean {
  return actor.role !== 'member' || row.ownerId === actor.userId || memberIds.includes(actor.userId);
}

/** Lower case, trimmed, each once, in the order given. */
function cleanDomains(domains: string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
}

const duplicateName = (name: string) =>
  new AppError('conflict', `an account named ${name} already exists`, { name: 'is already taken' });

/** Owner and team names for a set of accounts, in one query each. */
async function peopleOf(db: Db | Tx, rows: AccountRow[]) {
  const ids = rows.map((r) => r.id);
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((id): id is string => id !== null))];
  const owners = ownerIds.length
    ? await db
        .select({ id: users.id, name: users.name, deactivatedAt: users.deactivatedAt })
        .from(users)
        .where(inArray(users.id, ownerIds))
    : [];
  const members = ids.length
    ? await db
        .select({ accountId: accountMembers.accountId, id: users.id, name: users.name })
        .from(accountMembers)
        .innerJoin(users, eq(users.id, accountMembers.userId))
        .where(inArray(accountMembers.accountId, ids))
        .orderBy(asc(users.name))
    : [];
  const teamOf = byKey(members, (m) => m.accountId);
  return {
    owner: (row: AccountRow) => {
      const found = owners.find((o) => o.id === row.ownerId);
      return found ? { id: found.id, name: found.name, deactivated: found.deactivatedAt !== null } : null;
    },
    team: (row: AccountRow) => (teamOf.get(row.id) ?? []).map(({ id, name }) => ({ id, name })),
  };
}

function toView(
  actor: Actor,
  row: AccountRow,
  owner: (Person & { deactivated: boolean }) | null,
  members: Person[],
): AccountView {
  return {
    id: row.id,
    name: row.name,
    domains: row.domains,
    tier: row.tier,
    owner: owner && { id: owner.id, name: owner.name },
    // Its owner was deactivated: someone must take it over (Hand over…).
    needsOwner: owner?.deactivated ?? false,
    members,
    legacyStatement: row.legacyStatement,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    canEdit: canEditAccount(
      actor,
      row,
      members.map((m) => m.id),
    ),
  };
}

/**
 * The workspace's accounts by name, each with its team, stakeholder count and single-threaded
 * warnings (so a list needs no request per account). Archived ones only when asked for.
 */
export async function listAccounts(
  db: Db,
  actor: Actor,
  status: 'active' | 'archived' | 'all' = 'active',
): Promise<AccountSummary[]> {
  const conditions: SQL[] = [eq(accounts.workspaceId, actor.workspaceId)];
  if (status === 'active') conditions.push(isNull(accounts.archivedAt));
  if (status === 'archived') conditions.push(isNotNull(accounts.archivedAt));
  const rows = await db
    .select()
    .from(accounts)
    .where(and(...conditions))
    .orderBy(asc(accounts.name));
  const people = await peopleOf(db, rows);
  const contacts = await db
    .select({
      id: stakeholders.id,
      accountId: stakeholders.accountId,
      name: stakeholders.name,
      buyingOffice: stakeholders.buyingOffice,
    })
    .from(stakeholders)
    .where(eq(stakeholders.workspaceId, actor.workspaceId));
  const owners = await db
    .select({ stakeholderId: stakeholderOwners.stakeholderId, id: stakeholderOwners.userId })
    .from(stakeholderOwners)
    .where(eq(stakeholderOwners.workspaceId, actor.workspaceId));
  // Grouped once: a workspace's accounts × its stakeholders would otherwise be scanned per account.
  const ownersOf = byKey(owners, (o) => o.stakeholderId);
  const contactsOf = byKey(contacts, (c) => c.accountId);
  return rows.map((row) => {
    const here = (contactsOf.get(row.id) ?? []).map((c) => ({
      name: c.name,
      buyingOffice: c.buyingOffice,
      owners: (ownersOf.get(c.id) ?? []).map((o) => ({ id: o.id, name: '' })),
    }));
    return {
      ...toView(actor, row, people.owner(row), people.team(row)),
      stakeholders: here.length,
      warnings: warningsOf(here).map((w) => w.kind),
    };
  });
}

const accountNotFound = () =>
  new AppError('not_found', 'account not found', { accountId: 'no such account in this workspace' });
const findRow = (db: Db | Tx, workspaceId: string, id: string): Promise<AccountRow> =>
  findInWorkspace(db, accounts, workspaceId, id, accountNotFound);

/** One account as the actor sees it; another workspace's is not found. */
export async function getAccountView(db: Db | Tx, actor: Actor, id: string): Promise<AccountView> {
  const row = await findRow(db, actor.workspaceId, id);
  const people = await peopleOf(db, [row]);
  return toView(actor, row, people.owner(row), people.team(row));
}

/** The account when the actor may change it (or what hangs off it); 403 when they may only read. */
export async function editableAccount(db: Db | Tx, actor: Actor, id: string): Promise<AccountView> {
  const view = await getAccountView(db, actor, id);
  if (!view.canEdit) {
    throw new AppError(
      'forbidden',
      `only ${view.owner?.name ?? 'the account owner'}, the account team or a leader can change ${view.name}`,
    );
  }
  return view;
}

/**
 * `row` (a round, goal, stakeholder, decision …) once the actor may change the account it hangs off:
 * the guard before every write to what belongs to an account (404 from finding it, then 403).
 */
export async function editableRow<T extends { accountId: string }>(
  db: Db | Tx,
  actor: Actor,
  row: Promise<T>,
): Promise<T> {
  const found = await row;
  await editableAccount(db, actor, found.accountId);
  return found;
}

async function setMembers(tx: Tx, actor: Actor, accountId: string, memberIds: string[]) {
  const ids = [...new Set(memberIds)];
  await assertWorkspaceUsers(tx, actor.workspaceId, ids, 'memberIds');
  await tx.delete(accountMembers).where(eq(accountMembers.accountId, accountId));
  if (ids.length > 0) {
    await tx
      .insert(accountMembers)
      .values(ids.map((userId) => ({ accountId, userId, workspaceId: actor.workspaceId })));
  }
}

/** A new account, owned by the actor unless another owner is named; 409 when the name is taken. */
export async function createAccount(db: Db, actor: Actor, input: AccountInput): Promise<AccountView> {
  const name = input.name.trim();
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    if (ownerId) await assertWorkspaceUsers(tx, actor.workspaceId, [ownerId], 'ownerId');
    const [row] = await tx
      .insert(accounts)
      .values({
        id,
        workspaceId: actor.workspaceId,
        name,
        domains: cleanDomains(input.domains ?? []),
        tier: input.tier,
        ownerId,
        legacyStatement: input.legacyStatement || null,
      })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (!row) throw duplicateName(name);
    if (input.memberIds) await setMembers(tx, actor, id, input.memberIds);
  });
  return getAccountView(db, actor, id);
}

/** Changes what the patch names; only those who may edit the account (see canEditAccount). */
export async function updateAccount(
  db: Db,
  actor: Actor,
  id: string,
  patch: AccountPatch,
  ip: string | null = null,
): Promise<AccountView> {
  const before = await editableAccount(db, actor, id);
  const { memberIds, archived, ...fields } = patch;
  const name = fields.name?.trim();
  try {
    await db.transaction(async (tx) => {
      if (fields.ownerId && fields.ownerId !== before.owner?.id) {
        await assertWorkspaceUsers(tx, actor.workspaceId, [fields.ownerId], 'ownerId');
        const [successor] = await tx.select().from(users).where(eq(users.id, fields.ownerId));
        if (successor?.deactivatedAt) throw AppError.invalid('ownerId', `${successor.name} is deactivated`);
        const target = `${before.name}: owner set to ${successor?.name ?? fields.ownerId}`;
        await recordActorAudit(tx, actor, 'account.transferred', target, ip);
      }
      const set = {
        name,
        domains: fields.domains ? cleanDomains(fields.domains) : undefined,
        tier: fields.tier,
        ownerId: fields.ownerId,
        legacyStatement: fields.legacyStatement === undefined ? undefined : fields.legacyStatement || null,
        archivedAt: archived === undefined ? undefined : archived ? now() : null,
      };
      await updateGiven(
        tx,
        accounts,
        and(eq(accounts.workspaceId, actor.workspaceId), eq(accounts.id, id)),
        set,
      );
      if (memberIds) await setMembers(tx, actor, id, memberIds);
    });
  } catch (error) {
    if (name && isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
  return getAccountView(db, actor, id);
}

/**
 * Deletes an account with its stakeholders and goals. An account with activities is only deleted
 * when `unlinkActivities` says so (they stay, without an account); otherwise 409 suggests archiving.
 */
export async function deleteAccount(
  db: Db,
  actor: Actor,
  id: string,
  options: { unlinkActivities?: boolean } = {},
): Promise<void> {
  const account = await editableAccount(db, actor, id);
  await db.transaction(async (tx) => {
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(activities)
      .where(and(eq(activities.accountId, id), isNull(activities.deletedAt)));
    if (count > 0 && !options.unlinkActivities) {
      throw new AppError(
        'conflict',
        `${account.name} has ${count} ${count === 1 ? 'activity' : 'activities'}: archive it to keep its history, or delete with activities=unlink to keep them without an account`,
        { activities: String(count) },
      );
    }
    // Activities (also deleted ones) lose the account and its goals by the foreign keys' SET NULL.
    await tx.delete(accounts).where(and(eq(accounts.workspaceId, actor.workspaceId), eq(accounts.id, id)));
  });
}

/**
 * The accounts the actor looks after — those canEditAccount allows: their own and their team's as a
 * member, all of them as a leader or the workspace owner — by name, without the list's summaries.
 */
export async function editableAccounts(
  db: Db,
  actor: Actor,
  status: 'active' | 'all' = 'active',
): Promise<AccountRef[]> {
  const conditions: (SQL | undefined)[] = [eq(accounts.workspaceId, actor.workspaceId)];
  if (status === 'active') conditions.push(isNull(accounts.archivedAt));
  if (actor.role === 'member') {
    conditions.push(
      or(
        eq(accounts.ownerId, actor.userId),
        exists(
          db
            .select({ one: sql`1` })
            .from(accountMembers)
            .where(and(eq(accountMembers.accountId, accounts.id), eq(accountMembers.userId, actor.userId))),
        ),
      ),
    );
  }
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(...conditions))
    .orderBy(asc(accounts.name));
}

export async function getAccount(db: Db | Tx, workspaceId: string, id: string): Promise<AccountRef> {
  const row = await findRow(db, workspaceId, id);
  return { id: row.id, name: row.name };
}

/** The workspace's account with this name (case-insensitive); 400 naming the problem when none. */
export async function accountByName(db: Db | Tx, workspaceId: string, name: string): Promise<AccountRef> {
  const trimmed = name.trim();
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), sql`lower(${accounts.name}) = lower(${trimmed})`));
  if (!row) {
    throw AppError.invalid(
      'account',
      `"${trimmed.slice(0, 200)}" is not an account of this workspace; add it first`,
    );
  }
  return row;
}

/**
 * Finds the workspace's account with this name (case-insensitive) or creates it, owned by the
 * actor: imports name accounts by a CSV's client or project column.
 */
export async function findOrCreateAccount(db: Db | Tx, actor: Actor, name: string): Promise<AccountRef> {
  const trimmed = name.trim();
  if (!trimmed) throw AppError.invalid('account', 'must not be empty');
  await db
    .insert(accounts)
    .values({ id: randomUUID(), workspaceId: actor.workspaceId, name: trimmed, ownerId: actor.userId })
    .onConflictDoNothing();
  return accountByName(db, actor.workspaceId, trimmed);
}

/** Active accounts and their customers' email domains: what rules and imports match attendees to. */
export async function accountDomains(
  db: Db | Tx,
  workspaceId: string,
): Promise<{ id: string; domains: string[] }[]> {
  return db
    .select({ id: accounts.id, domains: accounts.domains })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), isNull(accounts.archivedAt)));
}
