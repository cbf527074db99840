import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { editableAccount, editableRow, getAccountView } from '../accounts/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { updateGiven } from '../db/patch.ts';
import { findInWorkspace } from '../db/rows.ts';
import { GOAL_DIMENSIONS, legacyGoals, personalLegacy } from '../db/schema/index.ts';
import { valueList } from '../db/sql.ts';
import { AppError } from '../errors.ts';
import { countedTime } from '../reports/counted.ts';
import { now } from '../time/clock.ts';
import { startOfLastDays } from '../time/weeks.ts';
import type { GoalInput, GoalPatch, GoalView, PersonalLegacy, PersonalLegacyInput } from './schemas.ts';

type GoalRow = typeof legacyGoals.$inferSelect;

/** The actor's own legacy statement; empty until written. Nobody else reads it through the API. */
export async function getPersonalLegacy(db: Db, actor: Actor): Promise<PersonalLegacy> {
  const [row] = await db.select().from(personalLegacy).where(eq(personalLegacy.userId, actor.userId));
  return {
    platform: row?.platform ?? null,
    pointOfView: row?.pointOfView ?? null,
    mission: row?.mission ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function savePersonalLegacy(
  db: Db,
  actor: Actor,
  input: PersonalLegacyInput,
): Promise<PersonalLegacy> {
  const values = Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, value?.trim() ? value.trim() : null]),
  );
  await db
    .insert(personalLegacy)
    .values({ userId: actor.userId, workspaceId: actor.workspaceId, ...values })
    .onConflictDoUpdate({ target: personalLegacy.userId, set: { ...values, updatedAt: now() } });
  return getPersonalLegacy(db, actor);
}

const dimensionOrder = (row: GoalRow) => GOAL_DIMENSIONS.indexOf(row.dimension);

/**
 * The account's goals, ordered by dimension, each with the time invested in it. Like the
 * account's time chart, the team sees everyone's minutes and anyone else their own.
 */
export async function listGoals(db: Db | Tx, actor: Actor, accountId: string): Promise<GoalView[]> {
  const account = await getAccountView(db, actor, accountId);
  const rows = await db
    .select()
    .from(legacyGoals)
    .where(and(eq(legacyGoals.workspaceId, actor.workspaceId), eq(legacyGoals.accountId, accountId)))
    .orderBy(asc(legacyGoals.createdAt), asc(legacyGoals.id));
  return withTime(db, actor, rows, account.canEdit ? 'team' : 'mine');
}

/**
 * The goals of several accounts the actor looks after, with the team's time, in two queries (plan
 * suggestions read every account one looks after; one query per account was N+1).
 */
export async function goalsOfAccounts(db: Db | Tx, actor: Actor, accountIds: string[]): Promise<GoalView[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .select()
    .from(legacyGoals)
    .where(and(eq(legacyGoals.workspaceId, actor.workspaceId), inArray(legacyGoals.accountId, accountIds)))
    .orderBy(asc(legacyGoals.createdAt), asc(legacyGoals.id));
  return withTime(db, actor, rows, 'team');
}

async function withTime(
  db: Db | Tx,
  actor: Actor,
  rows: GoalRow[],
  scope: 'team' | 'mine',
): Promise<GoalView[]> {
  if (rows.length === 0) return [];
  const at = now().toISOString();
  const since = startOfLastDays(30, actor.timeZone).toISOString();
  const result = await db.execute<{
    goal_id: string;
    minutes: number;
    planned: number;
    recent: number;
    count: number;
    last: string | Date | null;
  }>(sql`
    select a.goal_id,
           coalesce(sum(a.minutes) filter (where a.starts_at <= ${at}::timestamptz), 0)::int as minutes,
           coalesce(sum(a.minutes) filter (where a.starts_at > ${at}::timestamptz), 0)::int as planned,
           coalesce(sum(a.minutes) filter (where a.starts_at >= ${since}::timestamptz
                                            and a.starts_at <= ${at}::timestamptz), 0)::int as recent,
           count(*) filter (where a.starts_at <= ${at}::timestamptz)::int as count,
           max(a.starts_at) filter (where a.starts_at <= ${at}::timestamptz) as last
    from activities a
    where a.workspace_id = ${actor.workspaceId} and ${countedTime('a')}
      and a.goal_id in (${valueList(rows.map((r) => r.id))})
      ${scope === 'mine' ? sql`and a.user_id = ${actor.userId}` : sql``}
    group by a.goal_id`);
  const time = new Map(result.rows.map((r) => [r.goal_id, r]));
  return [...rows]
    .sort((a, b) => dimensionOrder(a) - dimensionOrder(b))
    .map((row) => {
      const t = time.get(row.id);
      return {
        id: row.id,
        accountId: row.accountId,
        dimension: row.dimension,
        title: row.title,
        measure: row.measure,
        targetDate: row.targetDate,
        status: row.status,
        minutes: t?.minutes ?? 0,
        plannedMinutes: t?.planned ?? 0,
        minutesLast30Days: t?.recent ?? 0,
        activities: t?.count ?? 0,
        lastActivityAt: t?.last ? new Date(t.last).toISOString() : null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
    });
}

/** A goal of the actor's workspace; another workspace's is not found. */
const goalNotFound = () =>
  new AppError('not_found', 'goal not found', { goalId: 'no such goal in this workspace' });
export const findGoal = (db: Db | Tx, actor: Actor, id: string): Promise<GoalRow> =>
  findInWorkspace(db, legacyGoals, actor.workspaceId, id, goalNotFound);
const editableGoal = (db: Db, actor: Actor, id: string) => editableRow(db, actor, findGoal(db, actor, id));

async function goalView(db: Db | Tx, actor: Actor, row: GoalRow): Promise<GoalView> {
  const account = await getAccountView(db, actor, row.accountId);
  const [view] = await withTime(db, actor, [row], account.canEdit ? 'team' : 'mine');
  if (!view) throw AppError.notFound('goal');
  return view;
}

export async function createGoal(
  db: Db,
  actor: Actor,
  accountId: string,
  input: GoalInput,
): Promise<GoalView> {
  await editableAccount(db, actor, accountId);
  const [row] = await db
    .insert(legacyGoals)
    .values({
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      accountId,
      dimension: input.dimension,
      title: input.title,
      measure: input.measure || null,
      targetDate: input.targetDate ?? null,
      status: input.status ?? 'active',
    })
    .returning();
  if (!row) throw new Error('goal insert returned nothing');
  return goalView(db, actor, row);
}

export async function updateGoal(db: Db, actor: Actor, id: string, patch: GoalPatch): Promise<GoalView> {
  const current = await editableGoal(db, actor, id);
  const measure = patch.measure === undefined ? undefined : patch.measure || null;
  const where = eq(legacyGoals.id, current.id);
  const written = await updateGiven(db, legacyGoals, where, { ...patch, measure }, { updatedAt: now() });
  return goalView(db, actor, written ? await findGoal(db, actor, id) : current);
}

/** Removes a goal; the activities that served it stay, without the goal. */
export async function deleteGoal(db: Db, actor: Actor, id: string): Promise<void> {
  const current = await editableGoal(db, actor, id);
  await db.delete(legacyGoals).where(eq(legacyGoals.id, current.id));
}
