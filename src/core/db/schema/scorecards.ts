import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accountRow } from './accounts.ts';
import { activities } from './activities.ts';
import { users } from './auth.ts';
import { linkColumn, parentColumn, stamp, ts, workspaceRow } from './columns.ts';
import type { ScorecardSide, ScorecardSubject } from './values.ts';

/** One honest-conversation round for an account, e.g. "Q4 2026". */
export const scorecardRounds = pgTable(
  'scorecard_rounds',
  {
    ...accountRow(),
    name: text('name').notNull(),
    createdBy: linkColumn('created_by', () => users.id),
    /** Colleagues asked to rate from our side. */
    invitedUserIds: text('invited_user_ids').array().notNull().default(sql`'{}'::text[]`),
    /** What was said when the gaps were discussed. */
    conversationNotes: text('conversation_notes'),
    createdAt: stamp('created_at'),
  },
  (t) => [index('scorecard_rounds_account_idx').on(t.workspaceId, t.accountId, t.createdAt)],
);

/** A customer-side rater's link: only a SHA-256 of its token is kept; usable once. */
export const scorecardInvitations = pgTable('scorecard_invitations', {
  ...workspaceRow(),
  roundId: parentColumn('round_id', () => scorecardRounds.id),
  tokenHash: text('token_hash').notNull().unique(),
  /** Who it was sent to, for the sender's list (never shown on the form). */
  label: text('label'),
  /** Set when Linchpin mailed the link (the reminder goes there too). */
  email: text('email'),
  anonymous: boolean('anonymous').notNull().default(false),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
  usedAt: ts('used_at'),
  createdBy: linkColumn('created_by', () => users.id),
  createdAt: stamp('created_at'),
});

/** One rater's answers in a round: a colleague (userId) or a customer (invitationId). */
export const scorecardRatings = pgTable(
  'scorecard_ratings',
  {
    ...workspaceRow(),
    roundId: parentColumn('round_id', () => scorecardRounds.id),
    /** The rater's organisation. */
    side: text('side').$type<ScorecardSide>().notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    invitationId: text('invitation_id').references(() => scorecardInvitations.id, { onDelete: 'cascade' }),
    /** A customer rater's name as they gave it; null when anonymous. */
    raterName: text('rater_name'),
    submittedAt: stamp('submitted_at'),
  },
  (t) => [
    uniqueIndex('scorecard_ratings_user_uq').on(t.roundId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('scorecard_ratings_invitation_uq').on(t.invitationId),
  ],
);

/** A score of one organisation on one subject; a subject left out has no row. */
export const scorecardScores = pgTable(
  'scorecard_scores',
  {
    ratingId: parentColumn('rating_id', () => scorecardRatings.id),
    /** The organisation rated. */
    target: text('target').$type<ScorecardSide>().notNull(),
    subject: text('subject').$type<ScorecardSubject>().notNull(),
    score: integer('score').notNull(),
    evidence: text('evidence'),
  },
  (t) => [
    primaryKey({ columns: [t.ratingId, t.target, t.subject] }),
    check('scorecard_scores_score_ck', sql`${t.score} between 1 and 5`),
  ],
);

/** What both sides agreed to do; each becomes a planned Q2 activity on the account. */
export const scorecardActions = pgTable('scorecard_actions', {
  ...workspaceRow(),
  roundId: parentColumn('round_id', () => scorecardRounds.id),
  title: text('title').notNull(),
  activityId: linkColumn('activity_id', () => activities.id),
  createdBy: linkColumn('created_by', () => users.id),
  createdAt: stamp('created_at'),
});
