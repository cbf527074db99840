import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, isNull, lt, or, type SQL } from 'drizzle-orm';
import { accountByName, getAccount } from '../accounts/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { updateGiven } from '../db/patch.ts';
import { type ActivitySource, accounts, activities, legacyGoals } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { findGoal } from '../legacy/service.ts';
import { now } from '../time/clock.ts';
import { assertTimeZone, formatInZone, parseDateTime } from '../time/weeks.ts';
import { flagsOf, quadrantOf } from './quadrant.ts';
import type { ActivityInput, ActivityPatch, ActivityQuery, ActivityView } from './schemas.ts';

const MAX_MINUTES = 24 * 60;
const MINUTE = 60_000;

type ActivityRow = typeof activities.$inferSelect & { accountName: string | null; goalTitle: string | null };

/** The actor's own activities, not deleted: activities are private to their author. */
export const ownActivities = (actor: Actor) =>
  and(
    eq(activities.workspaceId, actor.workspaceId),
    eq(activities.userId, actor.userId),
    isNull(activities.deletedAt),
  );

export function toActivityView(row: ActivityRow): ActivityView {
  return {
    id: row.id,
    title: row.title,
    startsAt: formatInZone(row.startsAt, row.timeZone),
    endsAt: formatInZone(row.endsAt, row.timeZone),
    minutes: row.minutes,
    timeZone: row.timeZone,
    urgent: row.urgent,
    important: row.important,
    quadrant: quadrantOf(row),
    accountId: row.accountId,
    accountName: row.accountName,
    goalId: row.goalId,
    goalTitle: row.goalTitle,
    kind: row.kind,
    commercial: row.commercial,
    status: row.status,
    notes: row.notes,
    source: row.source,
    sourceId: row.sourceId,
    allDay: row.allDay,
    excludedReason: row.excludedReason,
    classification: row.classification,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Works out start, end and minutes from either an end or a duration, rejecting impossible spans. */
function resolveSpan(
  timeZone: string,
  startsAtText: string,
  endsAtText: string | undefined,
  minutesGiven: number | undefined,
): { startsAt: Date; endsAt: Date; minutes: number } {
  const startsAt = parseDateTime(startsAtText, timeZone, 'startsAt');
  if (endsAtText !== undefined && minutesGiven !== undefined) {
    throw new AppError('validation_failed', 'give either endsAt or minutes, not both', {
      minutes: 'give either endsAt or minutes, not both',
    });
  }
  let endsAt: Date;
  if (endsAtText !== undefined) {
    endsAt = parseDateTime(endsAtText, timeZone, 'endsAt');
    if (endsAt <= startsAt) throw AppError.invalid('endsAt', 'must be after startsAt');
  } else if (minutesGiven !== undefined) {
    endsAt = new Date(startsAt.getTime() + minutesGiven * MINUTE);
  } else {
    throw new AppError('validation_failed', 'endsAt or minutes is required', {
      endsAt: 'endsAt or minutes is required',
    });
  }
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / MINUTE);
  if (minutes <= 0) throw AppError.invalid('minutes', 'must be more than 0');
  if (minutes > MAX_MINUTES) {
    throw AppError.invalid(
      minutesGiven !== undefined ? 'minutes' : 'endsAt',
      'an activity lasts at most 24 hours',
    );
  }
  return { startsAt, endsAt, minutes };
}

async function resolveAccountId(
  db: Db | Tx,
  actor: Actor,
  input: { accountId?: string | null; account?: string },
): Promise<string | null | undefined> {
  if (input.accountId) return (await getAccount(db, actor.workspaceId, input.accountId)).id;
  if (input.account !== undefined) {
    return input.account.trim() ? (await accountByName(db, actor.workspaceId, input.account)).id : null;
  }
  return input.accountId === null ? null : undefined;
}

/**
 * The goal an activity serves, and the account that follows from it: a goal always belongs to the
 * activity's account. `currentAccountId` is the stored account when updating.
 */
async function resolveGoal(
  db: Db | Tx,
  actor: Actor,
  goalId: string | null | undefined,
  accountId: string | null | undefined,
  currentAccountId?: string | null,
): Promise<{ goalId: string | null | undefined; accountId: string | null | undefined }> {
  if (goalId === undefined) {
    // Moving an activity to another account drops the old account's goal.
    const moved = accountId !== undefined && accountId !== (currentAccountId ?? null);
    return { goalId: moved && currentAccountId !== undefined ? null : undefined, accountId };
  }
  if (goalId === null) return { goalId: null, accountId };
  const goal = await findGoal(db, actor, goalId);
  const effective = accountId !== undefined ? accountId : (currentAccountId ?? null);
  if (effective === null && accountId !== null) return { goalId: goal.id, accountId: goal.accountId };
  if (effective !== goal.accountId) {
    throw AppError.invalid('goalId', "must be a goal of the activity's account");
  }
  return { goalId: goal.id, accountId };
}

const selection = { activity: activities, accountName: accounts.name, goalTitle: legacyGoals.title };

/** Activities with their account's name and goal's title, for a listing to filter and order. */
export function selectActivities(db: Db | Tx) {
  return db
    .select(selection)
    .from(activities)
    .leftJoin(accounts, eq(accounts.id, activities.accountId))
    .leftJoin(legacyGoals, eq(legacyGoals.id, activities.goalId));
}

/** A row of selectActivities as the view's input. */
export const withNames = <
  T extends {
    activity: typeof activities.$inferSelect;
    accountName: string | null;
    goalTitle: string | null;
  },
>(
  row: T,
): ActivityRow => ({ ...row.activity, accountName: row.accountName, goalTitle: row.goalTitle });

async function findOwn(db: Db | Tx, actor: Actor, id: string): Promise<ActivityRow> {
  const [row] = await selectActivities(db).where(and(eq(activities.id, id), ownActivities(actor)));
  if (!row) throw AppError.notFound('activity');
  return withNames(row);
}

export async function createActivity(
  db: Db | Tx,
  actor: Actor,
  input: ActivityInput,
  origin: { source?: ActivitySource; sourceId?: string } = {},
): Promise<ActivityView> {
  const timeZone = input.timeZone ?? actor.timeZone;
  assertTimeZone(timeZone);
  const span = resolveSpan(timeZone, input.startsAt, input.endsAt, input.minutes);
  const { accountId, goalId } = await resolveGoal(
    db,
    actor,
    input.goalId,
    await resolveAccountId(db, actor, input),
  );
  const id = randomUUID();
  await db.insert(activities).values({
    id,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    accountId: accountId ?? null,
    goalId: goalId ?? null,
    title: input.title,
    ...span,
    timeZone,
    urgent: input.urgent,
    important: input.important,
    kind: input.kind ?? 'other',
    commercial: input.commercial ?? false,
    status: input.status ?? (span.startsAt.getTime() > now().getTime() ? 'planned' : 'done'),
    notes: input.notes ?? null,
    source: origin.source ?? input.source ?? 'manual',
    sourceId: origin.sourceId ?? null,
  });
  return getActivity(db, actor, id);
}

export async function getActivity(db: Db | Tx, actor: Actor, id: string): Promise<ActivityView> {
  return toActivityView(await findOwn(db, actor, id));
}

export async function updateActivity(
  db: Db,
  actor: Actor,
  id: string,
  patch: ActivityPatch,
): Promise<ActivityView> {
  return db.transaction(async (tx) => {
    const current = await findOwn(tx, actor, id);
    const timeZone = patch.timeZone ?? current.timeZone;
    assertTimeZone(timeZone);
    const timingChanged =
      patch.startsAt !== undefined || patch.endsAt !== undefined || patch.minutes !== undefined;
    const span = timingChanged
      ? resolveSpan(
          timeZone,
          patch.startsAt ?? current.startsAt.toISOString(),
          patch.endsAt ?? (patch.minutes === undefined ? current.endsAt.toISOString() : undefined),
          patch.minutes,
        )
      : {};
    const { accountId, goalId } = await resolveGoal(
      tx,
      actor,
      patch.goalId,
      await resolveAccountId(tx, actor, patch),
      current.accountId,
    );
    // A person's decision on what an activity is wins over rules on every later import.
    const classified =
      patch.urgent !== undefined ||
      patch.important !== undefined ||
      accountId !== undefined ||
      goalId !== undefined ||
      patch.kind !== undefined ||
      patch.commercial !== undefined;
    await updateGiven(
      tx,
      activities,
      eq(activities.id, current.id),
      {
        ...span,
        timeZone: patch.timeZone,
        title: patch.title,
        urgent: patch.urgent,
        important: patch.important,
        accountId,
        goalId,
        kind: patch.kind,
        commercial: patch.commercial,
        status: patch.status,
        notes: patch.notes,
        classification: classified ? 'manual' : undefined,
        ruleId: classified ? null : undefined,
      },
      { updatedAt: now() },
    );
    return getActivity(tx, actor, id);
  });
}

export async function deleteActivity(db: Db, actor: Actor, id: string): Promise<void> {
  const current = await findOwn(db, actor, id);
  await db.update(activities).set({ deletedAt: now() }).where(eq(activities.id, current.id));
}

/** Undo of a delete: brings back the same activity (same id) if it belongs to the actor. */
export async function restoreActivity(db: Db, actor: Actor, id: string): Promise<ActivityView> {
  const restored = await db
    .update(activities)
    .set({ deletedAt: null, updatedAt: now() })
    .where(
      and(
        eq(activities.id, id),
        eq(activities.workspaceId, actor.workspaceId),
        eq(activities.userId, actor.userId),
      ),
    )
    .returning({ id: activities.id });
  if (restored.length === 0) throw AppError.notFound('activity');
  return getActivity(db, actor, id);
}

function encodeCursor(row: { startsAt: Date; id: string }): string {
  return Buffer.from(`${row.startsAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { startsAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startsAt = new Date(iso ?? '');
  if (!id || Number.isNaN(startsAt.getTime()))
    throw AppError.invalid('cursor', 'is not a cursor from this API');
  return { startsAt, id };
}

export async function listActivities(
  db: Db,
  actor: Actor,
  query: ActivityQuery,
): Promise<{ items: ActivityView[]; nextCursor: string | null }> {
  const limit = query.limit ?? 100;
  const conditions: (SQL | undefined)[] = [ownActivities(actor)];
  if (query.from)
    conditions.push(gte(activities.startsAt, parseDateTime(query.from, actor.timeZone, 'from')));
  if (query.to) conditions.push(lt(activities.startsAt, parseDateTime(query.to, actor.timeZone, 'to')));
  if (query.accountId) conditions.push(eq(activities.accountId, query.accountId));
  if (query.goalId) conditions.push(eq(activities.goalId, query.goalId));
  if (query.quadrant) {
    const flags = flagsOf(query.quadrant);
    conditions.push(eq(activities.urgent, flags.urgent), eq(activities.important, flags.important));
  }
  const newestFirst = query.order === 'desc';
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const beyond = newestFirst ? lt : gt;
    conditions.push(
      or(
        beyond(activities.startsAt, after.startsAt),
        and(eq(activities.startsAt, after.startsAt), beyond(activities.id, after.id)),
      ),
    );
  }
  const direction = newestFirst ? desc : asc;
  const rows = await selectActivities(db)
    .where(and(...conditions))
    .orderBy(direction(activities.startsAt), direction(activities.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(withNames);
  const last = page.at(-1);
  return {
    items: page.map(toActivityView),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
