import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { userRow } from './auth.ts';
import { idColumn, parentColumn, stamp, timestamps, ts } from './columns.ts';
import type { ActivityKind } from './values.ts';

export type CalendarKind = 'file' | 'subscription' | 'caldav';

/**
 * A calendar the user imports: an uploaded .ics (matched by name on re-upload), a subscription URL,
 * or a CalDAV account (its calendars in `caldav_collections`, the password sealed: caldav/credentials.ts).
 */
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
    username: text('username'),
    passwordSealed: text('password_sealed'),
    createdAt: stamp('created_at'),
  },
  (t) => [index('calendars_user_idx').on(t.workspaceId, t.userId)],
);

/** One calendar (collection) on a CalDAV server that a CalDAV calendar syncs, with where its sync got to. */
export const caldavCollections = pgTable(
  'caldav_collections',
  {
    id: idColumn(),
    calendarId: parentColumn('calendar_id', () => calendars.id),
    href: text('href').notNull(),
    name: text('name').notNull(),
    color: text('color'),
    /** RFC 6578: the token of the last sync-collection report (null: the server has none). */
    syncToken: text('sync_token'),
    /** The collection's CTag at the last sync, for servers without sync-collection. */
    ctag: text('ctag'),
    /** The person's scheduled plan actions are written into this calendar (caldav/write-back.ts). */
    writeBack: boolean('write_back').notNull().default(false),
  },
  (t) => [uniqueIndex('caldav_collections_href_idx').on(t.calendarId, t.href)],
);

/** The calendar objects (.ics resources) of a collection as last fetched: what the merge reads. */
export const caldavObjects = pgTable(
  'caldav_objects',
  {
    collectionId: parentColumn('collection_id', () => caldavCollections.id),
    href: text('href').notNull(),
    etag: text('etag'),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.href] })],
);

export type WrittenState = 'written' | 'kept' | 'deleted';

/**
 * The events Linchpin wrote into a write-back calendar, one per plan action: the only objects it
 * ever changes or deletes there. No foreign key to the action: when it goes, its event must too.
 */
export const caldavWritten = pgTable(
  'caldav_written',
  {
    collectionId: parentColumn('collection_id', () => caldavCollections.id),
    planItemId: text('plan_item_id').notNull(),
    href: text('href').notNull(),
    etag: text('etag'),
    /** What the event says (title, time, done), to write only what changed. */
    hash: text('hash').notNull(),
    /**
     * `written`: Linchpin's copy is on the server. `kept`: edited on the server (or something else
     * was at its address), so the server's version is left alone from then on. `deleted`: removed
     * on the server, a tombstone so it is not written again. Both are reported once, when found.
     */
    state: text('state').$type<WrittenState>().notNull().default('written'),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.planItemId] })],
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
