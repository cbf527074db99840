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
import { accountColumn } from './accounts.ts';
import { activities } from './activities.ts';
import { userColumn, users } from './auth.ts';
import { stamp, ts, workspaceColumn } from './columns.ts';
import { stakeholders } from './stakeholders.ts';
import type { DecisionStatus, InheritanceVerdict } from './values.ts';

/** A decision made with a customer, kept like an architecture decision record (PRODUCT.md, 4). */
export const decisions = pgTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceColumn(),
    accountId: accountColumn(),
    title: text('title').notNull(),
    context: text('context'),
    /** Who agreed on our side and on the customer's, as people say it. */
    agreedByUs: text('agreed_by_us'),
    agreedByThem: text('agreed_by_them'),
    decidedOn: date('decided_on').notNull(),
    /** Made under urgency, e.g. recorded from a Q1 activity. */
    urgent: boolean('urgent').notNull().default(false),
    fromActivityId: text('from_activity_id').references(() => activities.id, { onDelete: 'set null' }),
    /** Whether it may set a precedent the customer will expect again. */
    precedent: boolean('precedent').notNull().default(false),
    scope: text('scope'),
    reviewBy: date('review_by'),
    status: text('status').$type<DecisionStatus>().notNull().default('active'),
    /** Why it was revisited, retired or undone. */
    statusReason: text('status_reason'),
    replacesId: text('replaces_id').references((): AnyPgColumn => decisions.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: stamp('created_at'),
    updatedAt: stamp('updated_at'),
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
    id: text('id').primaryKey(),
    workspaceId: workspaceColumn(),
    userId: userColumn(),
    /** ISO week, e.g. 2026-W48, in the author's time zone. */
    week: text('week').notNull(),
    answers: jsonb('answers').$type<Partial<Record<ReflectionPrompt, string>>>().notNull().default({}),
    sharedWithTeam: boolean('shared_with_team').notNull().default(false),
    /** The author lets it go into the handover packs of their accounts. */
    inHandover: boolean('in_handover').notNull().default(false),
    createdAt: stamp('created_at'),
    updatedAt: stamp('updated_at'),
  },
  (t) => [uniqueIndex('reflections_user_week_uq').on(t.userId, t.week)],
);

export { REFLECTION_PROMPTS, type ReflectionPrompt } from '../../reflections/prompts.ts';

/** What a successor works through after an account is transferred to them. */
export const inheritanceReviews = pgTable(
  'inheritance_reviews',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceColumn(),
    accountId: accountColumn(),
    fromUserId: text('from_user_id').references(() => users.id, { onDelete: 'set null' }),
    toUserId: text('to_user_id').references(() => users.id, { onDelete: 'set null' }),
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
    reviewId: text('review_id')
      .notNull()
      .references(() => inheritanceReviews.id, { onDelete: 'cascade' }),
    decisionId: text('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
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
    reviewId: text('review_id')
      .notNull()
      .references(() => inheritanceReviews.id, { onDelete: 'cascade' }),
    stakeholderId: text('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id, { onDelete: 'cascade' }),
    introducer: text('introducer'),
    done: boolean('done').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.stakeholderId] })],
);
