import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { editableAccount, editableRow, getAccount } from '../accounts/service.ts';
import type { Actor } from '../auth/actor.ts';
import { assertWorkspaceUsers } from '../auth/users.ts';
import type { Db, Tx } from '../db/client.ts';
import { updateGiven } from '../db/patch.ts';
import { findInWorkspace } from '../db/rows.ts';
import { stakeholderOwners, stakeholders, users } from '../db/schema/index.ts';
import { valueList } from '../db/sql.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import { now } from '../time/clock.ts';
import type { StakeholderInput, StakeholderPatch, StakeholderView } from './schemas.ts';

type Row = typeof stakeholders.$inferSelect;

const duplicateEmail = (email: string) =>
  new AppError('conflict', `${email} is already a stakeholder of this account`, {
    email: 'is already taken',
  });

/** The account's stakeholders by name, with owners and contact figures derived from activities. */
export async function listStakeholders(
  db: Db | Tx,
  actor: Actor,
  accountId: string,
): Promise<StakeholderView[]> {
  await getAccount(db, actor.workspaceId, accountId);
  const rows = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.workspaceId, actor.workspaceId), eq(stakeholders.accountId, accountId)))
    .orderBy(asc(stakeholders.name));
  return withDerived(db, actor, rows);
}

/** Everyone known at several accounts, by account, with derived contact in one pass (no N+1). */
export async function stakeholdersOfAccounts(
  db: Db | Tx,
  actor: Actor,
  accountIds: string[],
): Promise<Map<string, StakeholderView[]>> {
  const byAccount = new Map<string, StakeholderView[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return byAccount;
  const rows = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.workspaceId, actor.workspaceId), inArray(stakeholders.accountId, accountIds)))
    .orderBy(asc(stakeholders.name));
  for (const person of await withDerived(db, actor, rows)) byAccount.get(person.accountId)?.push(person);
  return byAccount;
}

export async function getStakeholder(db: Db | Tx, actor: Actor, id: string): Promise<StakeholderView> {
  const [view] = await withDerived(db, actor, [await findOwn(db, actor, id)]);
  if (!view) throw AppError.notFound('stakeholder');
  return view;
}

const findOwn = (db: Db | Tx, actor: Actor, id: string): Promise<Row> =>
  findInWorkspace(db, stakeholders, actor.workspaceId, id, 'stakeholder');
const editableStakeholder = (db: Db, actor: Actor, id: string) =>
  editableRow(db, actor, findOwn(db, actor, id));

export async function createStakeholder(
  db: Db,
  actor: Actor,
  accountId: string,
  input: StakeholderInput,
): Promise<StakeholderView> {
  await editableAccount(db, actor, accountId);
  const id = randomUUID();
  const { ownerIds, ...fields } = input;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(stakeholders).values({ ...fields, id, workspaceId: actor.workspaceId, accountId });
      await setOwners(tx, actor, id, ownerIds ?? [actor.userId]);
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.email) throw duplicateEmail(input.email);
    throw error;
  }
  return getStakeholder(db, actor, id);
}

export async function updateStakeholder(
  db: Db,
  actor: Actor,
  id: string,
  patch: StakeholderPatch,
): Promise<StakeholderView> {
  const current = await editableStakeholder(db, actor, id);
  const { ownerIds, ...fields } = patch;
  try {
    await db.transaction(async (tx) => {
      await updateGiven(tx, stakeholders, eq(stakeholders.id, current.id), fields, { updatedAt: now() });
      if (ownerIds) await setOwners(tx, actor, id, ownerIds);
    });
  } catch (error) {
    if (isUniqueViolation(error) && patch.email) throw duplicateEmail(patch.email);
    throw error;
  }
  return getStakeholder(db, actor, id);
}

export async function deleteStakeholder(db: Db, actor: Actor, id: string): Promise<void> {
  const current = await editableStakeholder(db, actor, id);
  await db.delete(stakeholders).where(eq(stakeholders.id, current.id));
}

/** Replaces the owners; every one must be a user of the actor's workspace. */
async function setOwners(tx: Tx, actor: Actor, stakeholderId: string, ownerIds: string[]) {
  const ids = [...new Set(ownerIds)];
  await assertWorkspaceUsers(tx, actor.workspaceId, ids, 'ownerIds');
  await tx.delete(stakeholderOwners).where(eq(stakeholderOwners.stakeholderId, stakeholderId));
  if (ids.length > 0) {
    await tx
      .insert(stakeholderOwners)
      .values(ids.map((userId) => ({ stakeholderId, userId, workspaceId: actor.workspaceId })));
  }
}

/**
 * Owners and contact figures for a page of stakeholders: last contact is the latest activity (of
 * anyone in the workspace, up to now) whose attendees include the stakeholder's email; "this
 * quarter" is the calendar quarter in the actor's time zone.
 */
async function withDerived(db: Db | Tx, actor: Actor, rows: Row[]): Promise<StakeholderView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const owners = await db
    .select({ stakeholderId: stakeholderOwners.stakeholderId, id: users.id, name: users.name })
    .from(stakeholderOwners)
    .innerJoin(users, eq(users.id, stakeholderOwners.userId))
    .where(inArray(stakeholderOwners.stakeholderId, ids))
    .orderBy(asc(users.name));
  const emails = [...new Set(rows.map((r) => r.email).filter((e): e is string => Boolean(e)))];
  const quarterStart = DateTime.fromJSDate(now()).setZone(actor.timeZone).startOf('quarter').toJSDate();
  const contacts = new Map<string, { last: Date | null; quarter: number }>();
  if (emails.length > 0) {
    // Read from attendances (kept by triggers on activities): the latest meeting is the top of each
    // e-mail's index range, and this quarter's a short stretch of it, however long the history.
    const until = now().toISOString();
    const result = await db.execute<{ email: string; last: string | Date | null; quarter: number }>(sql`
      select e.email,
        (select max(t.starts_at) from attendances t
          where t.workspace_id = ${actor.workspaceId} and t.email = e.email and t.starts_at <= ${until}::timestamptz) as last,
        (select count(*)::int from attendances t
          where t.workspace_id = ${actor.workspaceId} and t.email = e.email
            and t.starts_at >= ${quarterStart.toISOString()}::timestamptz and t.starts_at <= ${until}::timestamptz) as quarter
      from unnest(array[${valueList(emails)}]::text[]) as e(email)`);
    for (const row of result.rows) {
      contacts.set(row.email, { last: row.last ? new Date(row.last) : null, quarter: row.quarter });
    }
  }
  return rows.map((row) => {
    const contact = row.email ? contacts.get(row.email) : undefined;
    return {
      id: row.id,
      accountId: row.accountId,
      name: row.name,
      title: row.title,
      email: row.email,
      function: row.function,
      level: row.level,
      buyingOffice: row.buyingOffice,
      influence: row.influence,
      attitude: row.attitude,
      strength: row.strength,
      notes: row.notes,
      owners: owners.filter((o) => o.stakeholderId === row.id).map(({ id, name }) => ({ id, name })),
      lastContactAt: contact?.last?.toISOString() ?? null,
      contactsThisQuarter: contact?.quarter ?? 0,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
