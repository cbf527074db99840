import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getAccountView } from '../accounts/service.ts';
import { recordActorAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { assertWorkspaceUsers } from '../auth/users.ts';
import type { Db, Tx } from '../db/client.ts';
import {
  accountMembers,
  accounts,
  decisions,
  INHERITANCE_VERDICTS,
  inheritanceIntroductions,
  inheritancePrecedents,
  inheritanceReviews,
  stakeholderOwners,
  stakeholders,
  users,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';

export const transferInputSchema = z.strictObject({
  toUserId: z.string().min(1).max(100),
  note: z.string().trim().max(2000, 'must be at most 2000 characters').nullable().optional(),
});
export type TransferInput = z.infer<typeof transferInputSchema>;

export const verdictInputSchema = z.strictObject({
  verdict: z.enum(INHERITANCE_VERDICTS, { error: 'must be keep, revisit or undo' }),
  reason: z.string().trim().min(1, 'must say why').max(2000, 'must be at most 2000 characters'),
});
export type VerdictInput = z.infer<typeof verdictInputSchema>;

export const introductionInputSchema = z.strictObject({ done: z.boolean() });

export const inheritanceSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  from: z.string().nullable(),
  to: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Whether the asking user is the successor, who works through it. */
  mine: z.boolean(),
  precedents: z.array(
    z.object({
      decisionId: z.string(),
      title: z.string(),
      decidedOn: z.string(),
      scope: z.string().nullable(),
      verdict: z.enum(INHERITANCE_VERDICTS).nullable(),
      reason: z.string().nullable(),
    }),
  ),
  introductions: z.array(
    z.object({
      stakeholderId: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      introducer: z.string().nullable(),
      done: z.boolean(),
    }),
  ),
});
export type InheritanceView = z.infer<typeof inheritanceSchema>;

/**
 * Hands an account to a successor in one transaction: the owner changes, the previous owner keeps
 * read access (everyone in the workspace reads accounts) and what they wrote, and the successor gets
 * an inheritance review of every precedent in force and the introductions to ask for.
 * The owner, a leader or the workspace owner may transfer.
 */
export async function transferAccount(
  db: Db,
  actor: Actor,
  accountId: string,
  input: TransferInput,
  ip: string | null = null,
): Promise<InheritanceView> {
  const account = await getAccountView(db, actor, accountId);
  if (actor.role === 'member' && account.owner?.id !== actor.userId) {
    throw new AppError(
      'forbidden',
      `only ${account.owner?.name ?? 'the owner'} or a leader can hand ${account.name} over`,
    );
  }
  await assertWorkspaceUsers(db, actor.workspaceId, [input.toUserId], 'toUserId');
  if (input.toUserId === account.owner?.id) throw AppError.invalid('toUserId', 'already owns this account');
  const [successor] = await db.select().from(users).where(eq(users.id, input.toUserId));
  if (successor?.deactivatedAt) throw AppError.invalid('toUserId', `${successor.name} is deactivated`);
  const reviewId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ ownerId: input.toUserId }).where(eq(accounts.id, accountId));
    const target = `${account.name}: ${account.owner?.name ?? 'nobody'} → ${successor?.name ?? input.toUserId}`;
    await recordActorAudit(tx, actor, 'account.transferred', target, ip);
    // The successor answers for it now; they are no longer listed as a team member besides.
    await tx
      .delete(accountMembers)
      .where(and(eq(accountMembers.accountId, accountId), eq(accountMembers.userId, input.toUserId)));
    await tx.insert(inheritanceReviews).values({
      id: reviewId,
      workspaceId: actor.workspaceId,
      accountId,
      fromUserId: account.owner?.id ?? null,
      toUserId: input.toUserId,
      note: input.note || null,
    });
    const inForce = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(
        and(
          eq(decisions.accountId, accountId),
          eq(decisions.precedent, true),
          inArray(decisions.status, ['active', 'revisited']),
        ),
      );
    if (inForce.length) {
      await tx.insert(inheritancePrecedents).values(inForce.map((d) => ({ reviewId, decisionId: d.id })));
    }
    const people = await tx
      .select({ id: stakeholders.id })
      .from(stakeholders)
      .where(eq(stakeholders.accountId, accountId))
      .orderBy(desc(stakeholders.influence), asc(stakeholders.name));
    if (people.length) {
      const owners = await tx
        .select({ stakeholderId: stakeholderOwners.stakeholderId, name: users.name, userId: users.id })
        .from(stakeholderOwners)
        .innerJoin(users, eq(users.id, stakeholderOwners.userId))
        .where(
          inArray(
            stakeholderOwners.stakeholderId,
            people.map((p) => p.id),
          ),
        )
        .orderBy(asc(users.name));
      await tx.insert(inheritanceIntroductions).values(
        people.map((p) => ({
          reviewId,
          stakeholderId: p.id,
          // Whoever knows them, other than the successor; null when nobody does yet.
          introducer:
            owners.find((o) => o.stakeholderId === p.id && o.userId !== input.toUserId)?.name ?? null,
        })),
      );
    }
  });
  return getReview(db, actor, reviewId);
}

async function getReview(db: Db | Tx, actor: Actor, reviewId: string): Promise<InheritanceView> {
  const [review] = await db
    .select({ review: inheritanceReviews, toName: users.name })
    .from(inheritanceReviews)
    .leftJoin(users, eq(users.id, inheritanceReviews.toUserId))
    .where(and(eq(inheritanceReviews.workspaceId, actor.workspaceId), eq(inheritanceReviews.id, reviewId)));
  if (!review) throw AppError.notFound('inheritance review');
  const r = review.review;
  const [from] = r.fromUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, r.fromUserId))
    : [];
  const precedents = await db
    .select({
      decisionId: decisions.id,
      title: decisions.title,
      decidedOn: decisions.decidedOn,
      scope: decisions.scope,
      verdict: inheritancePrecedents.verdict,
      reason: inheritancePrecedents.reason,
    })
    .from(inheritancePrecedents)
    .innerJoin(decisions, eq(decisions.id, inheritancePrecedents.decisionId))
    .where(eq(inheritancePrecedents.reviewId, r.id))
    .orderBy(asc(decisions.decidedOn), asc(decisions.title));
  const introductions = await db
    .select({
      stakeholderId: stakeholders.id,
      name: stakeholders.name,
      title: stakeholders.title,
      introducer: inheritanceIntroductions.introducer,
      done: inheritanceIntroductions.done,
    })
    .from(inheritanceIntroductions)
    .innerJoin(stakeholders, eq(stakeholders.id, inheritanceIntroductions.stakeholderId))
    .where(eq(inheritanceIntroductions.reviewId, r.id))
    .orderBy(desc(stakeholders.influence), asc(stakeholders.name));
  return {
    id: r.id,
    accountId: r.accountId,
    from: from?.name ?? null,
    to: r.toUserId && review.toName ? { id: r.toUserId, name: review.toName } : null,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    mine: r.toUserId === actor.userId,
    precedents,
    introductions,
  };
}

/** The account's latest inheritance review, or null when it was never handed over. */
export async function latestReview(db: Db, actor: Actor, accountId: string): Promise<InheritanceView | null> {
  await getAccountView(db, actor, accountId);
  const [row] = await db
    .select({ id: inheritanceReviews.id })
    .from(inheritanceReviews)
    .where(
      and(eq(inheritanceReviews.workspaceId, actor.workspaceId), eq(inheritanceReviews.accountId, accountId)),
    )
    .orderBy(desc(inheritanceReviews.createdAt))
    .limit(1);
  return row ? getReview(db, actor, row.id) : null;
}

async function successorsReview(db: Db | Tx, actor: Actor, reviewId: string) {
  const review = await getReview(db, actor, reviewId);
  if (!review.mine)
    throw new AppError('forbidden', `only ${review.to?.name ?? 'the successor'} works through this review`);
  return review;
}

/** Closes the review once every precedent has a verdict and every introduction is made. */
async function completeIfDone(tx: Tx, actor: Actor, reviewId: string) {
  const review = await getReview(tx, actor, reviewId);
  const done = review.precedents.every((p) => p.verdict) && review.introductions.every((i) => i.done);
  if (done === Boolean(review.completedAt)) return;
  await tx
    .update(inheritanceReviews)
    .set({ completedAt: done ? now() : null })
    .where(eq(inheritanceReviews.id, reviewId));
}

/**
 * One step of the successor through their review: `change` (to an item `inReview` finds, else 404)
 * and closing the review when it was the last, in one transaction; answers the review as it is then.
 */
async function reviewStep(
  db: Db,
  actor: Actor,
  reviewId: string,
  inReview: (review: InheritanceView) => boolean,
  item: string,
  change: (tx: Tx) => Promise<void>,
): Promise<InheritanceView> {
  if (!inReview(await successorsReview(db, actor, reviewId))) throw AppError.notFound(item);
  await db.transaction(async (tx) => {
    await change(tx);
    await completeIfDone(tx, actor, reviewId);
  });
  return getReview(db, actor, reviewId);
}

/**
 * The successor's verdict on one inherited precedent, with a reason; revisit and undo change the
 * decision itself (status and reason) in the same transaction.
 */
export async function judgePrecedent(
  db: Db,
  actor: Actor,
  reviewId: string,
  decisionId: string,
  input: VerdictInput,
): Promise<InheritanceView> {
  const inherited = (review: InheritanceView) => review.precedents.some((p) => p.decisionId === decisionId);
  return reviewStep(db, actor, reviewId, inherited, 'inherited precedent', async (tx) => {
    await tx
      .update(inheritancePrecedents)
      .set({ verdict: input.verdict, reason: input.reason, decidedAt: now() })
      .where(
        and(eq(inheritancePrecedents.reviewId, reviewId), eq(inheritancePrecedents.decisionId, decisionId)),
      );
    const status = input.verdict === 'undo' ? 'undone' : input.verdict === 'revisit' ? 'revisited' : 'active';
    await tx
      .update(decisions)
      .set({
        status,
        statusReason: input.verdict === 'keep' ? undefined : input.reason,
        updatedAt: now(),
      })
      .where(eq(decisions.id, decisionId));
  });
}

export async function markIntroduction(
  db: Db,
  actor: Actor,
  reviewId: string,
  stakeholderId: string,
  done: boolean,
): Promise<InheritanceView> {
  const asked = (review: InheritanceView) =>
    review.introductions.some((i) => i.stakeholderId === stakeholderId);
  return reviewStep(db, actor, reviewId, asked, 'introduction', async (tx) => {
    await tx
      .update(inheritanceIntroductions)
      .set({ done })
      .where(
        and(
          eq(inheritanceIntroductions.reviewId, reviewId),
          eq(inheritanceIntroductions.stakeholderId, stakeholderId),
        ),
      );
  });
}
