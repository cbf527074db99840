import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { userRow } from './auth.ts';
import { stamp, timestamps, ts } from './columns.ts';
import type { ActivityKind } from './values.ts';

export type CalendarKind = 'file' | 'subscription';

/** A calendar the user imports: an uploaded .ics (matched by name on re-upload) or a subscription URL. */
export const calendars = pgTable(
  'calendars',
  {
    ...userRow(),
    name: text('name').notNull(),
    kind: text('kind').$type<CalendarKind>().notNull(),
    url: text('url'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastSyncedAt: ts('last_synced_at'),
    lastError: text('last_error'),
    createdAt: stamp('created_at'),
  },
  (t) => [index('calendars_user_idx').on(t.workspaceId, t.userId)],
);

/** What a rule looks at; every condition given must hold. */
export interface RuleConditions {
  titleWords?: string[];
  titleRegex?: string;
  attendeeDomains?: string[];
  /** All attendees share the user's own email domain. */
  allAttendeesInternal?: boolean;
  /** An attendee's email domain belongs to one of the workspace's accounts (false: none does). */
  attendeeFromAccount?: boolean;
  organizer?: string;
  location?: string;
  minMinutes?: number;
  maxMinutes?: number;
  recurring?: boolean;
}

/** What a matching rule sets on the activity. */
export interface RuleActions {
  accountId?: string | null;
  urgent?: boolean;
  important?: boolean;
  kind?: ActivityKind;
  commercial?: boolean;
}

/** The user's ordered classification rules for imported events (lowest position first). */
export const rules = pgTable(
  'rules',
  {
    ...userRow(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    conditions: jsonb('conditions').$type<RuleConditions>().notNull().default(sql`'{}'::jsonb`),
    actions: jsonb('actions').$type<RuleActions>().notNull().default(sql`'{}'::jsonb`),
    ...timestamps(),
  },
  (t) => [index('rules_user_idx').on(t.workspaceId, t.userId, t.position)],
);
