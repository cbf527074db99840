import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordActorAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { digest, newSecret } from '../auth/secrets.ts';
import type { Db, Tx } from '../db/client.ts';
import {
  accounts,
  SCORECARD_SUBJECTS,
  scorecardInvitations,
  scorecardRatings,
  scorecardRounds,
  users,
  workspaces,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import { dateIn } from '../time/days.ts';
import { daysFromNow } from '../time/weeks.ts';
import { noticeCustomerRated } from './rated.ts';
import type { InvitationInput, PublicForm, PublicRatingInput } from './schemas.ts';
import { DEFAULT_LINK_DAYS, editableRound, writeScores } from './service.ts';

/** Customer rating links: one-time, expiring, revocable; the customer's form and answers. */

type LinkRow = typeof scorecardInvitations.$inferSelect;

/** How the audit log names a link: its round, and the label it was given. */
const linkName = (round: string, label: string | null | undefined) =>
  `${round}${label ? ` for ${label}` : ''}`;

/**
 * A link for one customer-side rater. The token (256 random bits) is returned once and only its
 * SHA-256 is stored; it expires after `expiresInDays` (21 by default).
 */
export async function createInvitation(
  db: Db,
  actor: Actor,
  roundId: string,
  input: InvitationInput,
  ip: string | null = null,
): Promise<{ id: string; token: string; expiresAt: string }> {
  const round = await editableRound(db, actor, roundId);
  const token = newSecret();
  const id = randomUUID();
  const expiresAt = daysFromNow(input.expiresInDays ?? DEFAULT_LINK_DAYS, actor.timeZone);
  await db.insert(scorecardInvitations).values({
    id,
    workspaceId: actor.workspaceId,
    roundId: round.id,
    tokenHash: digest(token),
    label: input.label || null,
    anonymous: input.anonymous ?? false,
    expiresAt,
    createdBy: actor.userId,
  });
  await recordActorAudit(db, actor, 'customer_link.created', linkName(round.name, input.label), ip);
  return { id, token, expiresAt: expiresAt.toISOString() };
}

export async function revokeInvitation(
  db: Db,
  actor: Actor,
  id: string,
  ip: string | null = null,
): Promise<void> {
  const [link] = await db
    .select({
      id: scorecardInvitations.id,
      roundId: scorecardInvitations.roundId,
      label: scorecardInvitations.label,
    })
    .from(scorecardInvitations)
    .where(and(eq(scorecardInvitations.workspaceId, actor.workspaceId), eq(scorecardInvitations.id, id)));
  if (!link) throw AppError.notFound('invitation');
  const round = await editableRound(db, actor, link.roundId);
  await db.update(scorecardInvitations).set({ revokedAt: now() }).where(eq(scorecardInvitations.id, id));
  await recordActorAudit(db, actor, 'customer_link.withdrawn', linkName(round.name, link.label), ip);
}

/** The invitation behind a token, or a 4xx saying plainly why the link cannot be used. */
async function usableLink(db: Db | Tx, token: string, options: { lock?: boolean } = {}): Promise<LinkRow> {
  const query = db
    .select()
    .from(scorecardInvitations)
    .where(eq(scorecardInvitations.tokenHash, digest(token)));
  const [link] = options.lock ? await query.for('update') : await query;
  if (!link) throw new AppError('not_found', 'this rating link is not valid; ask for a new one');
  if (link.revokedAt) throw new AppError('gone', 'this rating link was withdrawn by the sender');
  if (link.usedAt) throw new AppError('conflict', 'this rating link has already been used; thank you');
  if (link.expiresAt.getTime() <= now().getTime()) {
    // The sender's calendar day, as the link list showed it to them.
    const [sender] = await db
      .select({ timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, link.createdBy ?? ''));
    throw new AppError(
      'gone',
      `this rating link expired on ${dateIn(link.expiresAt, sender?.timeZone ?? 'UTC')}`,
    );
  }
  return link;
}

/** What the form shows, and nothing else of the workspace. */
export async function publicForm(db: Db, token: string): Promise<PublicForm> {
  const link = await usableLink(db, token);
  const [row] = await db
    .select({ round: scorecardRounds.name, customer: accounts.name, supplier: workspaces.name })
    .from(scorecardRounds)
    .innerJoin(accounts, eq(accounts.id, scorecardRounds.accountId))
    .innerJoin(workspaces, eq(workspaces.id, scorecardRounds.workspaceId))
    .where(eq(scorecardRounds.id, link.roundId));
  if (!row) throw new AppError('not_found', 'this rating link is not valid; ask for a new one');
  return {
    ...row,
    anonymous: link.anonymous,
    subjects: [...SCORECARD_SUBJECTS],
    expiresAt: link.expiresAt.toISOString(),
  };
}

/**
 * A customer's answers through their link; the link is used up, and those waiting told, in the same
 * transaction.
 */
export async function submitPublicRating(db: Db, token: string, input: PublicRatingInput): Promise<void> {
  if (input.scores.length === 0) throw AppError.invalid('scores', 'must answer at least one subject');
  await db.transaction(async (tx) => {
    const link = await usableLink(tx, token, { lock: true });
    const ratingId = randomUUID();
    const raterName = link.anonymous ? null : input.raterName?.trim() || null;
    await tx.insert(scorecardRatings).values({
      id: ratingId,
      workspaceId: link.workspaceId,
      roundId: link.roundId,
      side: 'them',
      invitationId: link.id,
      raterName,
    });
    await writeScores(tx, ratingId, input);
    await tx.update(scorecardInvitations).set({ usedAt: now() }).where(eq(scorecardInvitations.id, link.id));
    await noticeCustomerRated(tx, {
      id: ratingId,
      workspaceId: link.workspaceId,
      roundId: link.roundId,
      raterName,
      linkSentBy: link.createdBy,
    });
  });
}
