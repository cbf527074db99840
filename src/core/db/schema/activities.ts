import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { userRow } from './auth.ts';
import { calendars, rules } from './calendar.ts';
import { linkColumn, timestamps, ts } from './columns.ts';
import { legacyGoals } from './legacy.ts';
import type {
  ActivityKind,
  ActivitySource,
  ActivityStatus,
  Classification,
  ExclusionReason,
} from './values.ts';

export interface ActivityAttendee {
  email: string | null;
  name: string | null;
  partstat: string | null;
}

export const activities = pgTable(
  'activities',
  {
    ...userRow(),
    accountId: linkColumn('account_id', () => accounts.id),
    /** The legacy goal this time served; always a goal of the activity's account. */
    goalId: linkColumn('goal_id', () => legacyGoals.id),
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    // Stored so reports sum integers; always ends_at − starts_at in whole minutes.
    minutes: integer('minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    urgent: boolean('urgent').notNull(),
    important: boolean('important').notNull(),
    kind: text('kind').$type<ActivityKind>().notNull().default('other'),
    commercial: boolean('commercial').notNull().default(false),
    status: text('status').$type<ActivityStatus>().notNull().default('done'),
    notes: text('notes'),
    source: text('source').$type<ActivitySource>().notNull().default('manual'),
    sourceId: text('source_id'),
    /** The imported calendar this came from; with sourceId it is the key a re-import matches on. */
    calendarId: text('calendar_id').references(() => calendars.id, { onDelete: 'cascade' }),
    allDay: boolean('all_day').notNull().default(false),
    /** Shown but not counted as time when set (all-day, multi-day, declined, free). */
    excludedReason: text('excluded_reason').$type<ExclusionReason>(),
    classification: text('classification').$type<Classification>().notNull().default('manual'),
    ruleId: linkColumn('rule_id', () => rules.id),
    attendees: jsonb('attendees').$type<ActivityAttendee[]>().notNull().default([]),
    organizer: text('organizer'),
    location: text('location'),
    recurring: boolean('recurring').notNull().default(false),
    /** Hash of what the source said, so a re-import tells changed events from unchanged ones. */
    sourceHash: text('source_hash'),
    ...timestamps(),
    // Soft delete, so "undo" restores the very same activity.
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('activities_user_starts_idx')
      .on(t.workspaceId, t.userId, t.startsAt)
      .where(sql`${t.deletedAt} is null`),
    index('activities_account_idx').on(t.accountId, t.startsAt).where(sql`${t.deletedAt} is null`),
    // A person's own activities on an account (the account page's "recent"): found at once also
    // where colleagues hold most of a long history and the person has little or none of their own.
    index('activities_account_user_idx')
      .on(t.accountId, t.userId, t.startsAt)
      .where(sql`${t.deletedAt} is null`),
    // The review inbox (its count is in every page's header) reads only what waits, not the history.
    index('activities_review_idx')
      .on(t.workspaceId, t.userId, t.startsAt)
      .where(
        sql`${t.classification} = 'unclassified' and ${t.deletedAt} is null and ${t.excludedReason} is null`,
      ),
    index('activities_goal_idx').on(t.goalId).where(sql`${t.goalId} is not null`),
    check(
      'activities_minutes_ck',
      sql`${t.minutes} > 0 and (${t.minutes} <= 1440 or ${t.excludedReason} is not null)`,
    ),
    uniqueIndex('activities_calendar_source_uq')
      .on(t.calendarId, t.sourceId)
      .where(sql`${t.calendarId} is not null`),
    check('activities_ends_after_starts_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * Who met whom: one row per attendee of every activity that is not deleted, kept by triggers on
 * `activities` (migration 0019) so that every writer — the app, imports, restores — keeps it true.
 * A stakeholder's last contact is the top of its index and "this quarter" a short range of it:
 * flat however long the history, where reading activities meant a heap read per meeting ever held.
 * Not in backups: restoring the activities rebuilds it.
 */
export const attendances = pgTable(
  'attendances',
  {
    // No foreign key: its per-row check would add seconds to a 100k-event import on PGlite; the
    // delete trigger removes an activity's rows in one statement.
    activityId: text('activity_id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    email: text('email').notNull(),
    startsAt: ts('starts_at').notNull(),
  },
  (t) => [
    index('attendances_contact_idx').on(t.workspaceId, t.email, t.startsAt),
    // How the triggers find a changed or deleted activity's rows.
    index('attendances_activity_idx').on(t.activityId),
  ],
);
