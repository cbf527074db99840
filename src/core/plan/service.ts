import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { editableAccounts, getAccount } from '../accounts/service.ts';
import { createActivity, deleteActivity } from '../activities/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { updateGiven } from '../db/patch.ts';
import { findRow } from '../db/rows.ts';
import { accounts, bigRocks, legacyGoals, planItems, ROCK_STATUSES } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { findGoal, goalsOfAccounts } from '../legacy/service.ts';
import { emptyMinutes, weekReport } from '../reports/week-report.ts';
import { accountsWithStaleRound, slippedActions } from '../scorecard/service.ts';
import { connectivityOf } from '../stakeholders/connectivity.ts';
import { stakeholdersOfAccounts } from '../stakeholders/service.ts';
import { countedIn, inTeam, teamTime } from '../team/figures.ts';
import { teamOf } from '../team/members.ts';
import { teamPrivacy } from '../team/privacy.ts';
import { now } from '../time/clock.ts';
import { todayIn } from '../time/days.ts';
import { weekRange } from '../time/weeks.ts';

const day = z.iso.date('must be a date like 2026-11-24');

export const rockInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  accountId: z.string().min(1).max(100).nullable().optional(),
  goalId: z.string().min(1).max(100).nullable().optional().describe('A legacy goal; sets the account'),
  budgetMinutes: z.number().int('must be whole minutes').min(0).max(6000, 'must be at most 6000 minutes'),
});
export const rockPatchSchema = z
  .object({
    ...rockInputSchema.shape,
    status: z.enum(ROCK_STATUSES, { error: 'must be open, done or dropped' }),
  })
  .partial()
  .strict();
export const itemInputSchema = z.strictObject({
  rockId: z.string().min(1).max(100).nullable().optional(),
  title: z.string().trim().min(1).max(300).optional().describe("Defaults to the big rock's title"),
  day,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30')
    .nullable()
    .optional(),
  minutes: z.number().int().min(5, 'must be 5 to 1440').max(1440, 'must be 5 to 1440'),
});
export type RockInput = z.infer<typeof rockInputSchema>;
export type RockPatch = z.infer<typeof rockPatchSchema>;
export type ItemInput = z.infer<typeof itemInputSchema>;

type ItemRow = typeof planItems.$inferSelect;
const itemView = (row: ItemRow) => ({
  id: row.id,
  rockId: row.rockId,
  title: row.title,
  day: row.day,
  startTime: row.startTime,
  minutes: row.minutes,
  plannedFor: row.plannedFor,
  /** How often it rolled over to a later day unfinished. */
  slipped: row.moves.length,
  moves: row.moves,
  done: row.doneAt !== null,
  activityId: row.activityId,
});
export type PlanItemView = ReturnType<typeof itemView>;

async function accountAndGoal(
  db: Db,
  actor: Actor,
  input: { accountId?: string | null; goalId?: string | null },
) {
  if (input.goalId) {
    const goal = await findGoal(db, actor, input.goalId);
    if (input.accountId && input.accountId !== goal.accountId) {
      throw AppError.invalid('goalId', 'must be a goal of the chosen account');
    }
    return { accountId: goal.accountId, goalId: goal.id };
  }
  if (input.accountId)
    return { accountId: (await getAccount(db, actor.workspaceId, input.accountId)).id, goalId: null };
  return {
    accountId: input.accountId === null ? null : undefined,
    goalId: input.goalId === null ? null : undefined,
  };
}

// Plans are private: only the actor's own rows are found.
const rockNotFound = () =>
  new AppError('not_found', 'big rock not found', { rockId: 'no such big rock of yours' });
const ownRock = (db: Db, actor: Actor, id: string) =>
  findRow(db, bigRocks, id, eq(bigRocks.userId, actor.userId), rockNotFound);

const ownItem = (db: Db, actor: Actor, id: string) =>
  findRow(db, planItems, id, eq(planItems.userId, actor.userId), 'planned action');

export async function addRock(db: Db, actor: Actor, week: string, input: RockInput) {
  weekRange(week, actor.timeZone);
  const links = await accountAndGoal(db, actor, input);
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(bigRocks)
    .where(and(eq(bigRocks.userId, actor.userId), eq(bigRocks.week, week)));
  const id = randomUUID();
  await db.insert(bigRocks).values({
    id,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    week,
    title: input.title,
    accountId: links.accountId ?? null,
    goalId: links.goalId ?? null,
    budgetMinutes: input.budgetMinutes,
    position: count,
  });
  return weekPlan(db, actor, week);
}

export async function updateRock(db: Db, actor: Actor, id: string, patch: RockPatch) {
  const rock = await ownRock(db, actor, id);
  const links = await accountAndGoal(db, actor, patch);
  await updateGiven(db, bigRocks, eq(bigRocks.id, rock.id), {
    title: patch.title,
    budgetMinutes: patch.budgetMinutes,
    status: patch.status,
    ...links,
  });
  return weekPlan(db, actor, rock.week);
}

export async function deleteRock(db: Db, actor: Actor, id: string) {
  const rock = await ownRock(db, actor, id);
  await db.delete(bigRocks).where(eq(bigRocks.id, rock.id));
  return weekPlan(db, actor, rock.week);
}

/** Puts an action on a day, for a big rock or on its own. */
export async function scheduleItem(db: Db, actor: Actor, input: ItemInput) {
  const rock = input.rockId ? await ownRock(db, actor, input.rockId) : null;
  const title = input.title ?? rock?.title;
  if (!title) throw AppError.invalid('title', 'is needed for an action without a big rock');
  const id = randomUUID();
  await db.insert(planItems).values({
    id,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    rockId: rock?.id ?? null,
    title,
    day: input.day,
    startTime: input.startTime ?? null,
    minutes: input.minutes,
    plannedFor: input.day,
  });
  return itemView(await ownItem(db, actor, id));
}

export async function unscheduleItem(db: Db, actor: Actor, id: string) {
  const item = await ownItem(db, actor, id);
  if (item.activityId) await deleteActivity(db, actor, item.activityId);
  await db.delete(planItems).where(eq(planItems.id, item.id));
}

/**
 * Done logs the time as a Q2 activity on the rock's account and goal (so the matrix counts it);
 * not done again removes that activity.
 */
export async function completeItem(db: Db, actor: Actor, id: string, done: boolean) {
  const item = await ownItem(db, actor, id);
  if (done && !item.doneAt) {
    const rock = item.rockId ? await ownRock(db, actor, item.rockId) : null;
    const activity = await createActivity(db, actor, {
      title: item.title,
      startsAt: `${item.day}T${item.startTime ?? '09:00'}`,
      minutes: item.minutes,
      urgent: false,
      important: true,
      accountId: rock?.accountId ?? null,
      goalId: rock?.goalId ?? null,
      status: 'done',
      kind: 'planning',
    });
    await db
      .update(planItems)
      .set({ doneAt: now(), activityId: activity.id })
      .where(eq(planItems.id, item.id));
  } else if (!done && item.doneAt) {
    if (item.activityId) await deleteActivity(db, actor, item.activityId).catch(() => undefined);
    await db.update(planItems).set({ doneAt: null, activityId: null }).where(eq(planItems.id, item.id));
  }
  return itemView(await ownItem(db, actor, id));
}

/**
 * Today's actions, read only. Unfinished ones from earlier days are shown rolled over to today,
 * with that move in their history, until `rollOverPlanItems` writes it (so reading never writes,
 * and nothing is dropped silently).
 */
export async function today(db: Db, actor: Actor) {
  const date = todayIn(actor.timeZone);
  const rows = await db
    .select()
    .from(planItems)
    .where(
      and(
        eq(planItems.userId, actor.userId),
        or(eq(planItems.day, date), and(lt(planItems.day, date), isNull(planItems.doneAt))),
      ),
    )
    .orderBy(sql`${planItems.startTime} nulls last`, asc(planItems.createdAt));
  const at = now().toISOString();
  const rolled = rows.map((row) =>
    row.day < date ? { ...row, day: date, moves: [...row.moves, { from: row.day, to: date, at }] } : row,
  );
  return { day: date, items: rolled.map(itemView) };
}

/**
 * Moves every unfinished action of an earlier day to today in its person's zone, appending the
 * move to its history: one statement for the whole instance, run on a schedule by each server
 * process (running it twice, or from two processes, moves nothing twice).
 */
export async function rollOverPlanItems(db: Db): Promise<number> {
  const at = now().toISOString();
  const result = await db.execute<{ id: string }>(sql`
    update plan_items p
    set moves = p.moves || jsonb_build_array(jsonb_build_object(
          'from', p.day::text, 'to', (${at}::timestamptz at time zone u.time_zone)::date::text, 'at', ${at}::text)),
        day = (${at}::timestamptz at time zone u.time_zone)::date
    from users u
    where u.id = p.user_id and p.done_at is null
      and p.day < (${at}::timestamptz at time zone u.time_zone)::date
    returning p.id`);
  return result.rows.length;
}

/**
 * What the planner could pick as big rocks: neglected goals, people we lose touch with, slipped
 * agreed actions, stale rounds — for every account one looks after in a fixed number of queries.
 */
export async function suggestions(db: Db, actor: Actor) {
  const mine = await editableAccounts(db, actor);
  const ids = mine.map((a) => a.id);
  const [goals, people, overdue, stale] = await Promise.all([
    goalsOfAccounts(db, actor, ids),
    stakeholdersOfAccounts(db, actor, ids),
    slippedActions(db, actor, ids),
    accountsWithStaleRound(db, actor, ids),
  ]);
  const out: {
    kind: 'goal' | 'losing_touch' | 'scorecard';
    title: string;
    accountId: string;
    goalId: string | null;
  }[] = [];
  for (const account of mine) {
    for (const goal of goals) {
      if (goal.accountId === account.id && goal.status === 'active' && goal.minutesLast30Days === 0) {
        out.push({
          kind: 'goal',
          title: `${goal.title} (${account.name})`,
          accountId: account.id,
          goalId: goal.id,
        });
      }
    }
    const drifting = connectivityOf(people.get(account.id) ?? [], {
      timeZone: actor.timeZone,
    }).losingTouch.filter((p) => p.influence >= 3);
    for (const person of drifting.slice(0, 2)) {
      out.push({
        kind: 'losing_touch',
        title: `Reconnect with ${person.name} (${account.name})`,
        accountId: account.id,
        goalId: null,
      });
    }
    for (const action of overdue.filter((a) => a.accountId === account.id)) {
      out.push({
        kind: 'scorecard',
        title: `Agreed action: ${action.title} (${account.name})`,
        accountId: account.id,
        goalId: null,
      });
    }
    if (stale.has(account.id)) {
      out.push({
        kind: 'scorecard',
        title: `New honest conversation with ${account.name}`,
        accountId: account.id,
        goalId: null,
      });
    }
  }
  return out.slice(0, 10);
}

/**
 * One week's plan: big rocks with what is scheduled and done, the scheduled actions, suggestions,
 * and planned against actual (Q2: the rocks' budgets; every quadrant's actual from the week report).
 */
export async function weekPlan(
  db: Db,
  actor: Actor,
  week: string,
  // Suggestions look at every account one looks after; summaries beside the report skip them.
  options: { suggestions?: boolean } = {},
) {
  const range = weekRange(week, actor.timeZone);
  const from = range.from.toISODate() ?? '';
  const to = range.to.minus({ days: 1 }).toISODate() ?? '';
  const rocks = await db
    .select({ rock: bigRocks, accountName: accounts.name, goalTitle: legacyGoals.title })
    .from(bigRocks)
    .leftJoin(accounts, eq(accounts.id, bigRocks.accountId))
    .leftJoin(legacyGoals, eq(legacyGoals.id, bigRocks.goalId))
    .where(and(eq(bigRocks.userId, actor.userId), eq(bigRocks.week, week)))
    .orderBy(asc(bigRocks.position), asc(bigRocks.createdAt));
  const items = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.userId, actor.userId), gte(planItems.day, from), lte(planItems.day, to)))
    .orderBy(asc(planItems.day), sql`${planItems.startTime} nulls last`, asc(planItems.createdAt));
  const report = await weekReport(db, actor, { week });
  const rockViews = rocks.map(({ rock, accountName, goalTitle }) => {
    const mine = items.filter((i) => i.rockId === rock.id);
    return {
      id: rock.id,
      title: rock.title,
      accountId: rock.accountId,
      accountName,
      goalId: rock.goalId,
      goalTitle,
      budgetMinutes: rock.budgetMinutes,
      status: rock.status,
      scheduledMinutes: mine.reduce((sum, i) => sum + i.minutes, 0),
      doneMinutes: mine.filter((i) => i.doneAt).reduce((sum, i) => sum + i.minutes, 0),
    };
  });
  const plannedQ2 = rockViews
    .filter((r) => r.status !== 'dropped')
    .reduce((sum, r) => sum + r.budgetMinutes, 0);
  return {
    week,
    from,
    to,
    rocks: rockViews,
    items: items.map(itemView),
    // What is already a rock this week is no longer suggested.
    suggestions:
      options.suggestions === false
        ? []
        : (await suggestions(db, actor)).filter((s) => !rocks.some(({ rock }) => rock.title === s.title)),
    plannedVsActual: {
      quadrants: {
        q1: { planned: null, actual: report.quadrants.q1.minutes },
        q2: { planned: plannedQ2, actual: report.quadrants.q2.minutes },
        q3: { planned: null, actual: report.quadrants.q3.minutes },
        q4: { planned: null, actual: report.quadrants.q4.minutes },
      },
    },
  };
}
export type WeekPlan = Awaited<ReturnType<typeof weekPlan>>;

/**
 * For leaders: each person of their team's planned Q2 budget against their actual minutes per
 * quadrant in a week — aggregates only, never a title (plans and activities stay private to their
 * author); nobody's in aggregate mode. The team is the team page's (`teamOf`).
 */
export async function teamPlanAggregates(db: Db, actor: Actor, week: string) {
  const [team, privacy] = await Promise.all([teamOf(db, actor), teamPrivacy(db, actor.workspaceId)]);
  const members = team.members.filter((m) => countedIn(m, week));
  if (privacy.mode === 'aggregate' || members.length === 0) return [];
  // The team page's figures (each person's week in their own zone), and the rocks they count.
  const [time, rocks] = await Promise.all([
    teamTime(db, actor.workspaceId, members, week),
    db.execute<{ user_id: string; rocks: number }>(sql`
      select user_id, count(*)::int as rocks from big_rocks
      where workspace_id = ${actor.workspaceId} and week = ${week} and status <> 'dropped'
        and ${inTeam('user_id', members)}
      group by 1`),
  ]);
  const rocksOf = new Map(rocks.rows.map((r) => [r.user_id, r.rocks]));
  return time.people.map((p) => ({
    userId: p.member.id,
    name: p.member.name,
    bigRocks: rocksOf.get(p.member.id) ?? 0,
    plannedQ2Minutes: p.plannedQ2Minutes,
    actualMinutes: p.minutes.get(week) ?? emptyMinutes(),
  }));
}
