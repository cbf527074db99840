import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { userColumn, userRow, users } from './auth.ts';
import { stamp, ts, workspaceColumn } from './columns.ts';
import type { MailKind, MailStatus, NotificationKind } from './values.ts';

/**
 * Something due for one person, made by the scheduler when it becomes due (never by a page load).
 * `key` names the thing and its due state (e.g. a decision and its review date), so the scheduler
 * of every process can insert it and the person still gets it once.
 */
export const notifications = pgTable(
  'notifications',
  {
    ...userRow(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    /** Where to act, a path of the web app (`/#/accounts/…`). */
    url: text('url').notNull(),
    /** The day it is due in the person's zone (digests list what is due on a day). */
    dueOn: date('due_on'),
    createdAt: stamp('created_at'),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_user_key_idx').on(t.userId, t.key),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_workspace_idx').on(t.workspaceId),
  ],
);

/** Which digests a person gets; no row means the defaults (weekly plan and Friday reflection). */
export const notificationSettings = pgTable('notification_settings', {
  userId: userColumn().primaryKey(),
  weeklyPlan: boolean('weekly_plan').notNull().default(true),
  fridayReflection: boolean('friday_reflection').notNull().default(true),
  daily: boolean('daily').notNull().default(false),
  /** Off: nothing is mailed to them (the notification centre still fills). */
  email: boolean('email').notNull().default(true),
  updatedAt: stamp('updated_at'),
});

/**
 * A person's live calendar feed. The URL's token is derived from the instance secret and `nonce`
 * (so it can be shown again); only its SHA-256 is stored and looked up. Rotating changes the nonce.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: userColumn().primaryKey(),
  workspaceId: workspaceColumn(),
  nonce: text('nonce').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: stamp('created_at'),
});

/**
 * Every mail Linchpin sends goes through here: a row per message, made once (`key` is unique, so
 * two processes enqueueing the same digest make one row), claimed with `for update skip locked`,
 * marked sent after the SMTP server took it. A claim older than the lease is taken over (the process
 * died mid-send), so a crash re-sends at most the one message in flight.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceColumn(),
    /** The person it is for, or who sent it (a customer link); gone with them. */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MailKind>().notNull(),
    key: text('key').notNull().unique(),
    /** What the mail is about (ids, the digest's slot); the message is rendered when sent. */
    subject: jsonb('subject').$type<Record<string, string>>().notNull(),
    status: text('status').$type<MailStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    claimedAt: ts('claimed_at'),
    sentAt: ts('sent_at'),
    lastError: text('last_error'),
    createdAt: stamp('created_at'),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    // The owner's delivery problems, and deleting a person's mail with them.
    index('mail_outbox_workspace_idx').on(t.workspaceId, t.createdAt),
    index('mail_outbox_user_idx').on(t.userId),
    check('mail_outbox_status_ck', sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'dropped')`),
  ],
);
