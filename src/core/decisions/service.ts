import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { editableAccount, editableAccounts, editableRow, getAccountView } from '../accounts/service.ts';
import { getActivity } from '../activities/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { updateGiven } from '../db/patch.ts';
import { accounts, decisions, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import { todayIn } from '../time/days.ts';
import type { DecisionInput, DecisionPatch, DecisionView } from './schemas.ts';

const selection = { decision: decisions, accountName: accounts.name, author: users.name };
type Row = { decision: typeof decisions.$inferSelect; accountName: string; author: string | null };

function toView(row: Row, today: string): DecisionView {
  const d = row.decision;
  return {
    id: d.id,
    accountId: d.accountId,
    accountName: row.accountName,
    title: d.title,
    context: d.context,
    agreedByUs: d.agreedByUs,
    agreedByThem: d.agreedByThem,
    decidedOn: d.decidedOn,
    urgent: d.urgent,
    fromActivityId: d.fromActivityId,
    precedent: d.precedent,
    scope: d.scope,
    reviewBy: d.reviewBy,
    reviewDue:
      d.reviewBy !== null && d.reviewBy <= today && (d.status === 'active' || d.status === 'revisited'),
    status: d.status,
    statusReason: d.statusReason,
    replacesId: d.replacesId,
    createdBy: row.author,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

const query = (db: Db) =>
  db
    .select(selection)
    .from(decisions)
    .innerJoin(accounts, eq(accounts.id, decisions.accountId))
    .leftJoin(users, eq(users.id, decisions.createdBy));

/** The account's decision log: those in force first, newest first. Everyone in the workspace reads it. */
export async function listDecisions(db: Db, actor: Actor, accountId: string): Promise<DecisionView[]> {
  await getAccountView(db, actor, accountId);
  const rows = await query(db)
    .where(and(eq(decisions.workspaceId, actor.workspaceId), eq(decisions.accountId, accountId)))
    .orderBy(
      sql`case when ${decisions.status} in ('active', 'revisited') then 0 else 1 end`,
      desc(decisions.decidedOn),
      desc(decisions.createdAt),
      // Ties (made in the same instant, e.g. restored) keep one order on every engine.
      desc(decisions.id),
    );
  const today = todayIn(actor.timeZone);
  return rows.map((r) => toView(r, today));
}

export async function getDecision(db: Db, actor: Actor, id: string): Promise<DecisionView> {
  const [row] = await query(db).where(
    and(eq(decisions.workspaceId, actor.workspaceId), eq(decisions.id, id)),
  );
  if (!row) throw AppError.notFound('decision');
  return toView(row, todayIn(actor.timeZone));
}

const editableDecision = (db: Db, actor: Actor, id: string) =>
  editableRow(db, actor, getDecision(db, actor, id));

async function assertReplaces(
  db: Db,
  actor: Actor,
  accountId: string,
  replacesId: string | null | undefined,
) {
  if (!replacesId) return;
  const [row] = await db
    .select({ accountId: decisions.accountId })
    .from(decisions)
    .where(and(eq(decisions.workspaceId, actor.workspaceId), eq(decisions.id, replacesId)));
  if (!row || row.accountId !== accountId) {
    throw AppError.invalid('replacesId', 'must be a decision of the same account');
  }
}

function assertReason(status: string | undefined, reason: string | null | undefined) {
  if (status === 'undone' && !reason?.trim()) {
    throw AppError.invalid('statusReason', 'must say why the decision was undone');
  }
}

/**
 * Records a decision on an account. From an activity (the actor's own), the account, date and
 * urgency come from it unless given: a Q1 activity makes an urgent decision.
 */
export async function createDecision(
  db: Db,
  actor: Actor,
  accountId: string,
  input: DecisionInput,
): Promise<DecisionView> {
  await editableAccount(db, actor, accountId);
  const activity = input.fromActivityId ? await getActivity(db, actor, input.fromActivityId) : null;
  if (activity?.accountId && activity.accountId !== accountId) {
    throw AppError.invalid('fromActivityId', 'must be an activity of this account (or without one)');
  }
  await assertReplaces(db, actor, accountId, input.replacesId);
  assertReason(input.status, input.statusReason);
  const id = randomUUID();
  await db.insert(decisions).values({
    id,
    workspaceId: actor.workspaceId,
    accountId,
    title: input.title,
    context: input.context || null,
    agreedByUs: input.agreedByUs || null,
    agreedByThem: input.agreedByThem || null,
    decidedOn: input.decidedOn ?? activity?.startsAt.slice(0, 10) ?? todayIn(actor.timeZone),
    urgent: input.urgent ?? activity?.quadrant === 'q1',
    fromActivityId: activity?.id ?? null,
    precedent: input.precedent ?? false,
    scope: input.scope || null,
    reviewBy: input.reviewBy ?? null,
    status: input.status ?? 'active',
    statusReason: input.statusReason || null,
    replacesId: input.replacesId ?? null,
    createdBy: actor.userId,
  });
  return getDecision(db, actor, id);
}

export async function updateDecision(
  db: Db,
  actor: Actor,
  id: string,
  patch: DecisionPatch,
): Promise<DecisionView> {
  const current = await editableDecision(db, actor, id);
  if (patch.replacesId === id) throw AppError.invalid('replacesId', 'cannot be the decision itself');
  await assertReplaces(db, actor, current.accountId, patch.replacesId);
  assertReason(
    patch.status ?? current.status,
    patch.statusReason === undefined ? current.statusReason : patch.statusReason,
  );
  await updateGiven(db, decisions, eq(decisions.id, id), patch, { updatedAt: now() });
  return getDecision(db, actor, id);
}

export async function deleteDecision(db: Db, actor: Actor, id: string): Promise<void> {
  await editableDecision(db, actor, id);
  await db.delete(decisions).where(eq(decisions.id, id));
}

/**
 * Decisions in force whose review-by date has come by `until` (a date), on the accounts the actor
 * looks after (owner, team, or any as a leader): the week view shows them when due.
 */
export function decisionsDue(db: Db, actor: Actor, until: string): Promise<DecisionView[]> {
  return decisionsToReview(db, actor, { until });
}

/**
 * Decisions in force with a review-by date from `from` (when given) to `until`, both included, on the
 * accounts the actor looks after, earliest first: the due list, and the review dates of one's calendar feed.
 */
export async function decisionsToReview(
  db: Db,
  actor: Actor,
  { from, until }: { from?: string; until: string },
): Promise<DecisionView[]> {
  const mine = (await editableAccounts(db, actor, 'all')).map((a) => a.id);
  if (mine.length === 0) return [];
  const rows = await query(db)
    .where(
      and(
        eq(decisions.workspaceId, actor.workspaceId),
        inArray(decisions.accountId, mine),
        inArray(decisions.status, ['active', 'revisited']),
        isNotNull(decisions.reviewBy),
        from === undefined ? undefined : gte(decisions.reviewBy, from),
        lte(decisions.reviewBy, until),
      ),
    )
    .orderBy(asc(decisions.reviewBy), asc(decisions.title));
  const today = todayIn(actor.timeZone);
  return rows.map((r) => toView(r, today));
}
