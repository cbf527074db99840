import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { editableAccount, editableRow, getAccountView } from '../accounts/service.ts';
import { createActivity } from '../activities/service.ts';
import type { Actor } from '../auth/actor.ts';
import { assertWorkspaceUsers } from '../auth/users.ts';
import type { Db, Tx } from '../db/client.ts';
import { updateGiven } from '../db/patch.ts';
import { findInWorkspace } from '../db/rows.ts';
import {
  activities,
  mailOutbox,
  scorecardActions,
  scorecardInvitations,
  scorecardRatings,
  scorecardRounds,
  scorecardScores,
  users,
} from '../db/schema/index.ts';
import { valueList } from '../db/sql.ts';
import { now } from '../time/clock.ts';
import { daysAgo } from '../time/days.ts';
import { formatInZone } from '../time/weeks.ts';
import type {
  ActionInput,
  RatingInput,
  RoundDetail,
  RoundInput,
  RoundPatch,
  RoundSummary,
} from './schemas.ts';
import { roundViews, type ScoreInput } from './views.ts';

type RoundRow = typeof scorecardRounds.$inferSelect;

/** A round older than this many days is stale: time for the next honest conversation. */
export const STALE_DAYS = 90;
export const DEFAULT_LINK_DAYS = 21;

export const findRound = (db: Db | Tx, actor: Actor, id: string): Promise<RoundRow> =>
  findInWorkspace(db, scorecardRounds, actor.workspaceId, id, 'scorecard round');

/** A round the actor may change: its account is theirs to change. */
export const editableRound = (db: Db | Tx, actor: Actor, id: string): Promise<RoundRow> =>
  editableRow(db, actor, findRound(db, actor, id));

/** Every answer of the given rounds, with a stable key per rater. */
async function scoresOf(db: Db | Tx, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({
      roundId: scorecardRatings.roundId,
      ratingId: scorecardRatings.id,
      side: scorecardRatings.side,
      userId: scorecardRatings.userId,
      raterName: scorecardRatings.raterName,
      target: scorecardScores.target,
      subject: scorecardScores.subject,
      score: scorecardScores.score,
      evidence: scorecardScores.evidence,
    })
    .from(scorecardScores)
    .innerJoin(scorecardRatings, eq(scorecardRatings.id, scorecardScores.ratingId))
    .where(inArray(scorecardRatings.roundId, roundIds));
}

function summaryOf(actor: Actor, row: RoundRow, scores: ScoreInput[]): RoundSummary {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    stale: daysAgo(row.createdAt, actor.timeZone) > STALE_DAYS,
    views: roundViews(scores).views,
  };
}

const asInput = (s: {
  ratingId: string;
  side: ScoreInput['side'];
  target: ScoreInput['target'];
  subject: ScoreInput['subject'];
  score: number;
}): ScoreInput => ({
  rater: s.ratingId,
  side: s.side,
  target: s.target,
  subject: s.subject,
  score: s.score,
});

/** Which of several accounts have a latest round older than 90 days, with its date, in one query. */
export async function accountsWithStaleRound(
  db: Db,
  actor: Actor,
  accountIds: string[],
): Promise<Map<string, Date>> {
  if (accountIds.length === 0) return new Map();
  const latest = await db
    .select({ accountId: scorecardRounds.accountId, createdAt: sql<Date>`max(${scorecardRounds.createdAt})` })
    .from(scorecardRounds)
    .where(
      and(eq(scorecardRounds.workspaceId, actor.workspaceId), inArray(scorecardRounds.accountId, accountIds)),
    )
    .groupBy(scorecardRounds.accountId);
  return new Map(
    latest
      .map((r) => [r.accountId, new Date(r.createdAt)] as const)
      .filter(([, at]) => daysAgo(at, actor.timeZone) > STALE_DAYS),
  );
}

/** Agreed actions of several accounts whose planned activity passed without being done. */
export async function slippedActions(db: Db, actor: Actor, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  const result = await db.execute<{ id: string; title: string; round_id: string; account_id: string }>(sql`
    select sa.id, sa.title, sa.round_id, r.account_id from scorecard_actions sa
    join scorecard_rounds r on r.id = sa.round_id
    join activities a on a.id = sa.activity_id
    where r.workspace_id = ${actor.workspaceId}
      and r.account_id in (${valueList(accountIds)})
      and a.status = 'planned' and a.deleted_at is null and a.ends_at < ${now().toISOString()}::timestamptz
    order by a.starts_at`);
  return result.rows.map((r) => ({ id: r.id, title: r.title, roundId: r.round_id, accountId: r.account_id }));
}

/** The account's rounds, newest first, each with its four views: the trend across rounds. */
export async function listRounds(db: Db, actor: Actor, accountId: string): Promise<RoundSummary[]> {
  await getAccountView(db, actor, accountId);
  const rows = await db
    .select()
    .from(scorecardRounds)
    .where(and(eq(scorecardRounds.workspaceId, actor.workspaceId), eq(scorecardRounds.accountId, accountId)))
    .orderBy(desc(scorecardRounds.createdAt), desc(scorecardRounds.id));
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => summaryOf(actor, row, scores.filter((s) => s.roundId === row.id).map(asInput)));
}

export async function createRound(
  db: Db,
  actor: Actor,
  accountId: string,
  input: RoundInput,
): Promise<RoundDetail> {
  await editableAccount(db, actor, accountId);
  await assertWorkspaceUsers(db, actor.workspaceId, input.invitedUserIds ?? [], 'invitedUserIds');
  const id = randomUUID();
  await db.insert(scorecardRounds).values({
    id,
    workspaceId: actor.workspaceId,
    accountId,
    name: input.name,
    createdBy: actor.userId,
    invitedUserIds: [...new Set(input.invitedUserIds ?? [])],
  });
  return getRound(db, actor, id);
}

export async function updateRound(db: Db, actor: Actor, id: string, patch: RoundPatch): Promise<RoundDetail> {
  const round = await editableRound(db, actor, id);
  if (patch.invitedUserIds)
    await assertWorkspaceUsers(db, actor.workspaceId, patch.invitedUserIds, 'invitedUserIds');
  await updateGiven(db, scorecardRounds, eq(scorecardRounds.id, round.id), {
    name: patch.name,
    invitedUserIds: patch.invitedUserIds ? [...new Set(patch.invitedUserIds)] : undefined,
    conversationNotes: patch.conversationNotes === undefined ? undefined : patch.conversationNotes || null,
  });
  return getRound(db, actor, id);
}

export async function deleteRound(db: Db, actor: Actor, id: string): Promise<void> {
  const round = await editableRound(db, actor, id);
  await db.delete(scorecardRounds).where(eq(scorecardRounds.id, round.id));
}

/** One round: views, gaps, raters, evidence, the actor's own answers, links and agreed actions. */
export async function getRound(db: Db | Tx, actor: Actor, id: string): Promise<RoundDetail> {
  const round = await findRound(db, actor, id);
  const account = await getAccountView(db, actor, round.accountId);
  const scores = await scoresOf(db, [round.id]);
  const ratings = await db
    .select({
      id: scorecardRatings.id,
      side: scorecardRatings.side,
      userId: scorecardRatings.userId,
      raterName: scorecardRatings.raterName,
      userName: users.name,
      submittedAt: scorecardRatings.submittedAt,
    })
    .from(scorecardRatings)
    .leftJoin(users, eq(users.id, scorecardRatings.userId))
    .where(eq(scorecardRatings.roundId, round.id))
    .orderBy(asc(scorecardRatings.submittedAt));
  const nameOf = (ratingId: string) => {
    const r = ratings.find((x) => x.id === ratingId);
    return r ? (r.userName ?? r.raterName) : null;
  };
  const invitedPeople = round.invitedUserIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, actor.workspaceId), inArray(users.id, round.invitedUserIds)))
        .orderBy(asc(users.name))
    : [];
  const links = await db
    .select()
    .from(scorecardInvitations)
    .where(eq(scorecardInvitations.roundId, round.id))
    .orderBy(asc(scorecardInvitations.createdAt));
  const mailed = await mailStates(
    db,
    links.filter((l) => l.email).map((l) => l.id),
  );
  const actions = await agreedActions(db, eq(scorecardActions.roundId, round.id));
  const { gaps } = roundViews(scores.map(asInput));
  const at = now().getTime();
  return {
    ...summaryOf(actor, round, scores.map(asInput)),
    accountName: account.name,
    canEdit: account.canEdit,
    gaps,
    conversationNotes: round.conversationNotes,
    invited: invitedPeople.map((p) => ({ ...p, rated: ratings.some((r) => r.userId === p.id) })),
    raters: ratings.map((r) => ({
      side: r.side,
      name: r.userName ?? r.raterName,
      submittedAt: r.submittedAt.toISOString(),
    })),
    myScores: scores
      .filter((s) => s.userId === actor.userId)
      .map(({ target, subject, score, evidence }) => ({ target, subject, score, evidence })),
    evidence: scores
      .filter((s): s is typeof s & { evidence: string } => Boolean(s.evidence))
      .map((s) => ({
        side: s.side,
        target: s.target,
        subject: s.subject,
        score: s.score,
        evidence: s.evidence,
        rater: nameOf(s.ratingId),
      })),
    invitations: links.map((l) => ({
      id: l.id,
      label: l.label,
      anonymous: l.anonymous,
      expiresAt: l.expiresAt.toISOString(),
      status: l.usedAt ? 'used' : l.revokedAt ? 'revoked' : l.expiresAt.getTime() <= at ? 'expired' : 'open',
      email: l.email,
      mail: mailed.get(l.id) ?? null,
    })),
    actions: actions.map(({ round: _round, ...action }) => action),
  };
}

type MailState = 'queued' | 'sent' | 'reminded' | 'failed';

/** How far the mails of mailed links got (`rating_link:<id>`, `rating_reminder:<id>` in the outbox). */
async function mailStates(db: Db | Tx, linkIds: string[]): Promise<Map<string, MailState>> {
  const states = new Map<string, MailState>();
  if (linkIds.length === 0) return states;
  const rows = await db
    .select({ key: mailOutbox.key, status: mailOutbox.status })
    .from(mailOutbox)
    .where(
      inArray(
        mailOutbox.key,
        linkIds.flatMap((id) => [`rating_link:${id}`, `rating_reminder:${id}`]),
      ),
    );
  const of = (key: string) => rows.find((r) => r.key === key)?.status;
  for (const id of linkIds) {
    const first = of(`rating_link:${id}`);
    const state: MailState | null =
      of(`rating_reminder:${id}`) === 'sent'
        ? 'reminded'
        : first === 'sent' || first === 'failed'
          ? first
          : first === 'pending' || first === 'sending'
            ? 'queued'
            : null;
    if (state) states.set(id, state);
  }
  return states;
}

/** Agreed actions with their round's name and their planned activity's start. */
async function agreedActions(db: Db | Tx, where: SQL | undefined) {
  const rows = await db
    .select({
      id: scorecardActions.id,
      title: scorecardActions.title,
      activityId: scorecardActions.activityId,
      round: scorecardRounds.name,
      startsAt: activities.startsAt,
      timeZone: activities.timeZone,
    })
    .from(scorecardActions)
    .innerJoin(scorecardRounds, eq(scorecardRounds.id, scorecardActions.roundId))
    .leftJoin(activities, eq(activities.id, scorecardActions.activityId))
    .where(where)
    // Newest round first, as the rounds are listed; within a round, in the order agreed.
    .orderBy(desc(scorecardRounds.createdAt), asc(scorecardActions.createdAt), asc(scorecardActions.id));
  return rows.map(({ startsAt, timeZone, ...action }) => ({
    ...action,
    startsAt: startsAt && timeZone ? formatInZone(startsAt, timeZone) : null,
  }));
}

/** Every agreed action on an account, across its rounds. */
export async function accountAgreedActions(db: Db, actor: Actor, accountId: string) {
  return agreedActions(
    db,
    and(eq(scorecardRounds.workspaceId, actor.workspaceId), eq(scorecardRounds.accountId, accountId)),
  );
}

export async function writeScores(tx: Tx, ratingId: string, input: RatingInput) {
  await tx.delete(scorecardScores).where(eq(scorecardScores.ratingId, ratingId));
  if (input.scores.length > 0) {
    await tx.insert(scorecardScores).values(
      input.scores.map((s) => ({
        ratingId,
        target: s.target,
        subject: s.subject,
        score: s.score,
        evidence: s.evidence?.trim() || null,
      })),
    );
  }
}

/** The actor's own answers for our side, replacing earlier ones; any colleague may rate. */
export async function saveMyRating(
  db: Db,
  actor: Actor,
  roundId: string,
  input: RatingInput,
): Promise<RoundDetail> {
  const round = await findRound(db, actor, roundId);
  await db.transaction(async (tx) => {
    await tx
      .insert(scorecardRatings)
      .values({
        id: randomUUID(),
        workspaceId: actor.workspaceId,
        roundId: round.id,
        side: 'us',
        userId: actor.userId,
      })
      .onConflictDoUpdate({
        target: [scorecardRatings.roundId, scorecardRatings.userId],
        targetWhere: sql`${scorecardRatings.userId} is not null`,
        set: { submittedAt: now() },
      });
    const [rating] = await tx
      .select({ id: scorecardRatings.id })
      .from(scorecardRatings)
      .where(and(eq(scorecardRatings.roundId, round.id), eq(scorecardRatings.userId, actor.userId)));
    if (!rating) throw new Error('rating vanished after upsert');
    await writeScores(tx, rating.id, input);
  });
  return getRound(db, actor, roundId);
}

/** Records what both sides agreed and plans it as a Q2 activity on the account, in one transaction. */
export async function addAction(
  db: Db,
  actor: Actor,
  roundId: string,
  input: ActionInput,
): Promise<RoundDetail> {
  const round = await editableRound(db, actor, roundId);
  const nextMonday = DateTime.fromJSDate(now())
    .setZone(actor.timeZone)
    .startOf('week')
    .plus({ weeks: 1, hours: 9 })
    .toISO({ includeOffset: true });
  await db.transaction(async (tx) => {
    const activity = await createActivity(tx, actor, {
      title: input.title,
      startsAt: input.startsAt ?? nextMonday ?? '',
      minutes: input.minutes ?? 60,
      urgent: false,
      important: true,
      accountId: round.accountId,
      kind: 'customer_meeting',
      status: 'planned',
      notes: `Agreed in the honest conversation “${round.name}”.`,
    });
    await tx.insert(scorecardActions).values({
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      roundId: round.id,
      title: input.title,
      activityId: activity.id,
      createdBy: actor.userId,
    });
  });
  return getRound(db, actor, roundId);
}
