import { and, eq, isNull } from 'drizzle-orm';
import { editableAccounts } from '../accounts/service.ts';
import { type Actor, ownReach } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import {
  bigRocks,
  DUE_NOTIFICATION_KINDS,
  inheritanceReviews,
  reflections,
  users,
} from '../db/schema/index.ts';
import { decisionsDue } from '../decisions/service.ts';
import { lastSlot } from '../digest/slots.ts';
import { followUps } from '../plan/time-drains.ts';
import { accountsWithStaleRound, slippedActions } from '../scorecard/service.ts';
import { connectivityOf } from '../stakeholders/connectivity.ts';
import { stakeholdersOfAccounts } from '../stakeholders/service.ts';
import { now } from '../time/clock.ts';
import { addDays, dateIn, todayIn } from '../time/days.ts';
import { weekOf, weekRange } from '../time/weeks.ts';
import { type Notice, notify, resolveNotices } from './service.ts';

/** A follow-up date this many days past still reminds (after that it is history, not a to-do). */
export const FOLLOW_UP_DAYS = 14;

/** Influence (1–5) from which drifting away from someone is worth a notification, not only a list entry. */
const INFLUENTIAL = 4;

/**
 * Everything due for one person now, each under a key that changes when its due state does (a new
 * review date, a new last contact), so acting on it and falling due again tells them again.
 */
export async function dueNotices(db: Db, actor: Actor): Promise<Notice[]> {
  const today = todayIn(actor.timeZone);
  const own = ownReach(actor);
  const accounts = await editableAccounts(db, own);
  const ids = accounts.map((a) => a.id);
  const nameOf = new Map(accounts.map((a) => [a.id, a.name]));
  const [decisions, drains, slipped, people, stale, reviews, week] = await Promise.all([
    decisionsDue(db, own, today),
    followUps(db, actor, { from: addDays(today, -FOLLOW_UP_DAYS), until: today }),
    slippedActions(db, actor, ids),
    stakeholdersOfAccounts(db, actor, ids),
    accountsWithStaleRound(db, actor, ids),
    db
      .select({ id: inheritanceReviews.id, accountId: inheritanceReviews.accountId })
      .from(inheritanceReviews)
      .where(
        and(
          eq(inheritanceReviews.workspaceId, actor.workspaceId),
          eq(inheritanceReviews.toUserId, actor.userId),
          isNull(inheritanceReviews.completedAt),
        ),
      ),
    weekNotices(db, actor),
  ]);
  const notices: Notice[] = [];
  for (const d of decisions)
    notices.push({
      kind: 'decision_review',
      key: `decision_review:${d.id}:${d.reviewBy}`,
      title: `Review the decision "${d.title}" (${d.accountName})`,
      url: `/#/accounts/${d.accountId}/decisions/${d.id}`,
      dueOn: d.reviewBy,
    });
  for (const f of drains)
    notices.push({
      kind: 'follow_up',
      key: `follow_up:${f.id}:${f.followUp}`,
      title: `Follow up on "${f.title}"`,
      url: '/#/plan',
      dueOn: f.followUp,
    });
  for (const a of slipped)
    notices.push({
      kind: 'agreed_action',
      key: `agreed_action:${a.id}`,
      title: `An agreed action slipped: ${a.title} (${nameOf.get(a.accountId)})`,
      url: `/#/scorecard/${a.roundId}`,
    });
  for (const [accountId, stakeholders] of people) {
    const drifting = connectivityOf(stakeholders, { timeZone: actor.timeZone }).losingTouch;
    for (const p of drifting.filter((s) => s.influence >= INFLUENTIAL))
      notices.push({
        kind: 'losing_touch',
        key: `losing_touch:${p.id}:${p.lastContactAt ? dateIn(new Date(p.lastContactAt), actor.timeZone) : 'never'}`,
        title: `Losing touch with ${p.name} (${nameOf.get(accountId)})${p.daysSinceContact === null ? ': never met' : `: ${p.daysSinceContact} days`}`,
        url: `/#/accounts/${accountId}`,
      });
  }
  for (const [accountId, latest] of stale)
    notices.push({
      kind: 'stale_scorecard',
      key: `stale_scorecard:${accountId}:${latest.toISOString()}`,
      title: `Time for a new honest conversation with ${nameOf.get(accountId)}`,
      url: `/#/accounts/${accountId}`,
    });
  for (const r of reviews)
    notices.push({
      kind: 'inheritance_review',
      key: `inheritance_review:${r.id}`,
      title: `Work through what you inherited at ${nameOf.get(r.accountId) ?? 'an account'}`,
      url: `/#/accounts/${r.accountId}`,
    });
  notices.push(...week);
  return notices;
}

/** From Monday 08:00 a week without big rocks; from Friday 15:00 a week without a reflection. */
async function weekNotices(db: Db, actor: Actor): Promise<Notice[]> {
  const at = now();
  const week = weekOf(at, actor.timeZone);
  const { from } = weekRange(week, actor.timeZone);
  const notices: Notice[] = [];
  if (lastSlot('weekly_plan', actor.timeZone, at) >= from.toJSDate()) {
    const [rock] = await db
      .select({ id: bigRocks.id })
      .from(bigRocks)
      .where(and(eq(bigRocks.userId, actor.userId), eq(bigRocks.week, week)))
      .limit(1);
    if (!rock)
      notices.push({
        kind: 'plan_week',
        key: `plan_week:${week}`,
        title: `Plan your week ${week}: pick the big rocks`,
        url: `/#/plan/${week}`,
        dueOn: dateIn(from.toJSDate(), actor.timeZone),
      });
  }
  const friday = lastSlot('friday_reflection', actor.timeZone, at);
  if (friday >= from.toJSDate()) {
    const [reflection] = await db
      .select({ answers: reflections.answers })
      .from(reflections)
      .where(and(eq(reflections.userId, actor.userId), eq(reflections.week, week)));
    if (!reflection || Object.values(reflection.answers).every((a) => !a?.trim()))
      notices.push({
        kind: 'reflect',
        key: `reflect:${week}`,
        title: `Reflect on your week ${week}`,
        url: '/#/reflections',
        dueOn: dateIn(friday, actor.timeZone),
      });
  }
  return notices;
}

/** Tells one person what became due and clears what they acted on; returns how many are new. */
export async function refreshNotifications(db: Db, actor: Actor): Promise<number> {
  const startedAt = now();
  const notices = await dueNotices(db, actor);
  const added = await notify(db, actor, notices);
  await resolveNotices(db, actor.userId, {
    kinds: DUE_NOTIFICATION_KINDS,
    stillDue: notices.map((n) => n.key),
    startedAt,
  });
  return added;
}

/** Every active person, as the actor the services need. */
export async function activePeople(
  db: Db,
): Promise<(Actor & { email: string; name: string; createdAt: Date })[]> {
  return db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      role: users.role,
      timeZone: users.timeZone,
      email: users.email,
      name: users.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(isNull(users.deactivatedAt));
}
