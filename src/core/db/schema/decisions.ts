import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ReflectionPrompt } from '../../reflections/prompts.ts';
import { accountRow } from './accounts.ts';
import { activities } from './activities.ts';
import { userRow, users } from './auth.ts';
import { linkColumn, parentColumn, stamp, timestamps, ts } from './columns.ts';
import { stakeholders } from './stakeholders.ts';
import type { DecisionStatus, InheritanceVerdict } from './values.ts';

/** A decision made with a customer, kept like an architecture decision record (PRODUCT.md, 4). */
export const decisions = pgTable(
  'decisions',
  {
    ...accountRow(),
    title: text('title').notNull(),
    context: text('context'),
    /** Who agreed on our side and on the customer's, as people say it. */
    agreedByUs: text('agreed_by_us'),
    agreedByThem: text('agreed_by_them'),
    decidedOn: date('decided_on').notNull(),
    /** Made under urgency, e.g. recorded from a Q1 activity. */
    urgent: boolean('urgent').notNull().default(false),
    fromActivityId: linkColumn('from_activity_id', () => activities.id),
    /** Whether it may set a precedent the customer will expect again. */
    precedent: boolean('precedent').notNull().default(false),
    scope: text('scope'),
    reviewBy: date('review_by'),
    status: text('status').$type<DecisionStatus>().notNull().default('active'),
    /** Why it was revisited, retired or undone. */
    statusReason: text('status_reason'),
    replacesId: linkColumn('replaces_id', (): AnyPgColumn => decisions.id),
    createdBy: linkColumn('created_by', () => users.id),
    ...timestamps(),
  },
  (t) => [
    index('decisions_account_idx').on(t.workspaceId, t.accountId),
    index('decisions_review_idx').on(t.workspaceId, t.reviewBy),
  ],
);

/** One person's look back at one ISO week; private to them unless they share it. */
export const reflections = pgTable(
  'reflections',
  {
    ...userRow(),
    /** ISO week, e.g. 2026-W48, in the author's time zone. */
    week: text('week').notNull(),
    answers: jsonb('answers').$type<Partial<Record<ReflectionPrompt, string>>>().notNull().default({}),
    sharedWithTeam: boolean('shared_with_team').notNull().default(false),
    /** The author lets it go into the handover packs of their accounts. */
    inHandover: boolean('in_handover').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('reflections_user_week_uq').on(t.userId, t.week)],
);

export { REFLECTION_PROMPTS, type ReflectionPrompt } from '../../reflections/prompts.ts';

/** What a successor works through after an account is transferred to them. */
export const inheritanceReviews = pgTable(
  'inheritance_reviews',
  {
    ...accountRow(),
    fromUserId: linkColumn('from_user_id', () => users.id),
    toUserId: linkColumn('to_user_id', () => users.id),
    note: text('note'),
    createdAt: stamp('created_at'),
    completedAt: ts('completed_at'),
  },
  (t) => [index('inheritance_reviews_account_idx').on(t.workspaceId, t.accountId, t.createdAt)],
);

/** Each precedent in force at the transfer: keep, revisit or undo, with the successor's reason. */
export const inheritancePrecedents = pgTable(
  'inheritance_precedents',
  {
    reviewId: parentColumn('review_id', () => inheritanceReviews.id),
    decisionId: parentColumn('decision_id', () => decisions.id),
    verdict: text('verdict').$type<InheritanceVerdict>(),
    reason: text('reason'),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.decisionId] })],
);

/** The introductions to ask for: who on our side can introduce the successor to whom. */
export const inheritanceIntroductions = pgTable(
  'inheritance_introductions',
  {
    reviewId: parentColumn('review_id', () => inheritanceReviews.id),
    stakeholderId: parentColumn('stakeholder_id', () => stakeholders.id),
    introducer: text('introducer'),
    done: boolean('done').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.stakeholderId] })],
);
