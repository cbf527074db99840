import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getAccount } from '../accounts/service.ts';
import type { ActivityView } from '../activities/schemas.ts';
import { selectActivities, toActivityView, withNames } from '../activities/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { type ActivityAttendee, type ActivityKind, activities } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';

export interface ReviewItem extends ActivityView {
  attendees: ActivityAttendee[];
  organizer: string | null;
  location: string | null;
  recurring: boolean;
}

/** Imported activities no rule classified and nobody has looked at yet (shown but uncounted ones aside). */
const waiting = (actor: Actor) =>
  and(
    eq(activities.workspaceId, actor.workspaceId),
    eq(activities.userId, actor.userId),
    eq(activities.classification, 'unclassified'),
    isNull(activities.deletedAt),
    isNull(activities.excludedReason),
  );

export async function listReview(
  db: Db,
  actor: Actor,
  options: { limit?: number } = {},
): Promise<{ items: ReviewItem[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    selectActivities(db)
      .where(waiting(actor))
      .orderBy(desc(activities.startsAt), desc(activities.id))
      .limit(options.limit ?? 100),
    db.select({ n: count() }).from(activities).where(waiting(actor)),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((row) => ({
      ...toActivityView(withNames(row)),
      attendees: row.activity.attendees,
      organizer: row.activity.organizer,
      location: row.activity.location,
      recurring: row.activity.recurring,
    })),
  };
}

export interface ReviewDecision {
  ids: string[];
  urgent: boolean;
  important: boolean;
  accountId?: string | null;
  kind?: ActivityKind;
  commercial?: boolean;
}

/** Classifies several activities at once, by hand: later imports and rules leave them as decided. */
export async function classifyActivities(
  db: Db,
  actor: Actor,
  decision: ReviewDecision,
): Promise<{ updated: number }> {
  const ids = [...new Set(decision.ids)];
  if (decision.accountId) await getAccount(db, actor.workspaceId, decision.accountId);
  // All or nothing: one unknown id (e.g. another workspace's) rolls the whole decision back.
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(activities)
      .set({
        urgent: decision.urgent,
        important: decision.important,
        accountId: decision.accountId,
        kind: decision.kind,
        commercial: decision.commercial,
        classification: 'manual',
        ruleId: null,
        updatedAt: now(),
      })
      .where(
        and(
          eq(activities.workspaceId, actor.workspaceId),
          eq(activities.userId, actor.userId),
          isNull(activities.deletedAt),
          inArray(activities.id, ids),
        ),
      )
      .returning({ id: activities.id });
    if (updated.length < ids.length) {
      const missing = ids.length - updated.length;
      throw new AppError('not_found', `${missing} of these activities were not found`, {
        ids: 'unknown activity ids',
      });
    }
    return { updated: updated.length };
  });
}
