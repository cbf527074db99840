import { createHash } from 'node:crypto';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { activities, type ExclusionReason } from '../db/schema/index.ts';
import type { ImportedEvent } from './events.ts';

/** How imported events are stored: their change hash, what a calendar already holds, the batch upsert. */

/** Every field of an ImportedEvent (and its attendees and `given`) but `line`, which moves freely. */
export const HASHED_KEYS = [
  ...['sourceId', 'title', 'startsAt', 'endsAt', 'timeZone', 'allDay', 'recurring', 'status', 'transparent'],
  ...['organizer', 'attendees', 'location', 'description', 'categories', 'given'],
  ...['email', 'name', 'partstat', 'urgent', 'important', 'account', 'kind', 'commercial', 'notes'],
];

export function hashOf(event: ImportedEvent): string {
  return createHash('sha1').update(hashedText(event)).digest('base64url');
}

/**
 * `JSON.stringify(event, HASHED_KEYS)` (the text stored hashes were made of), built as plain
 * objects in that key order: a replacer list takes JSON.stringify off its fast path, which made
 * hashing a quarter of reading a file.
 */
export function hashedText(event: ImportedEvent): string {
  const given = event.given;
  return JSON.stringify({
    sourceId: event.sourceId,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    allDay: event.allDay,
    recurring: event.recurring,
    status: event.status,
    transparent: event.transparent,
    organizer: event.organizer,
    attendees: event.attendees.map((a) => ({ email: a.email, name: a.name, partstat: a.partstat })),
    location: event.location,
    description: event.description,
    categories: event.categories,
    given: given && {
      status: given.status,
      urgent: given.urgent,
      important: given.important,
      account: given.account,
      kind: given.kind,
      commercial: given.commercial,
      notes: given.notes,
    },
  });
}

export interface ExistingEvent {
  id: string;
  source: string;
  hash: string | null;
  startsAt: Date;
  deleted: boolean;
  manual: boolean;
  excludedReason: ExclusionReason | null;
}

/** What a calendar holds, by source id (read before the import's transaction, in one query). */
export async function existingEvents(db: Db | Tx, calendarId: string): Promise<Map<string, ExistingEvent>> {
  // In pages along the (calendar, source id) index this took twice as long: without fresh
  // statistics PGlite sorts what is left of the calendar for every page.
  const rows = await db
    .select({
      id: activities.id,
      source: activities.source,
      sourceId: activities.sourceId,
      hash: activities.sourceHash,
      startsAt: activities.startsAt,
      deletedAt: activities.deletedAt,
      classification: activities.classification,
      excludedReason: activities.excludedReason,
    })
    .from(activities)
    .where(eq(activities.calendarId, calendarId));
  const map = new Map<string, ExistingEvent>();
  for (const row of rows) {
    if (!row.sourceId) continue;
    map.set(row.sourceId, {
      id: row.id,
      source: row.source,
      hash: row.hash,
      startsAt: row.startsAt,
      deleted: row.deletedAt !== null,
      manual: row.classification === 'manual',
      excludedReason: row.excludedReason,
    });
  }
  return map;
}

export type ImportedRow = typeof activities.$inferInsert;

/** What is the same for every row of one import: sent once per batch, not once per row. */
export interface ImportTarget {
  workspaceId: string;
  userId: string;
  calendarId: string;
  source: 'calendar' | 'csv';
}

/**
 * The columns an import writes, in the order a batch row holds them: first the two a row gets when
 * it is written (its id is the stored row's, its account may be created), then the rest, known once
 * the event is read (serialised then, outside any transaction). Names and SQL types come from the
 * schema, so they cannot drift from it.
 */
const IMPORT_KEYS = [
  ...['id', 'accountId', 'sourceId', 'notes', 'sourceHash', 'title', 'startsAt', 'endsAt', 'minutes'],
  ...['timeZone', 'allDay', 'excludedReason', 'recurring', 'organizer', 'attendees', 'location', 'status'],
  ...['urgent', 'important', 'kind', 'commercial', 'ruleId', 'classification'],
] as const satisfies readonly (keyof ImportedRow)[];
/** Written with a new row only: a re-import never changes them. */
const INSERT_ONLY: ReadonlySet<keyof ImportedRow> = new Set(['id', 'sourceId', 'notes'] as const);
/** A person's classification: it stays as they set it (classification 'manual') on a re-import. */
const KEPT: ReadonlySet<keyof ImportedRow> = new Set([
  'accountId',
  'urgent',
  'important',
  'kind',
  'commercial',
  'ruleId',
  'classification',
] as const);
const IMPORT_COLUMNS = IMPORT_KEYS.map((key) => {
  const column = getTableColumns(activities)[key];
  return {
    key,
    column: column.name,
    type: column.getSQLType(),
    keep: KEPT.has(key),
    insertOnly: INSERT_ONLY.has(key),
  };
});
/** The columns of `ImportTarget`, the same for the whole batch (insert only: a row never moves). */
const TARGET_COLUMNS = ['workspace_id', 'user_id', 'calendar_id', 'source'];
const READ_COLUMNS = IMPORT_COLUMNS.slice(2);

const UPSERT_SQL = (() => {
  const names = [...IMPORT_COLUMNS.map((c) => c.column), ...TARGET_COLUMNS].join(', ');
  const updates = IMPORT_COLUMNS.filter((c) => !c.insertOnly).map((c) =>
    c.keep
      ? `${c.column} = case when activities.classification = 'manual' then activities.${c.column} else excluded.${c.column} end`
      : `${c.column} = excluded.${c.column}`,
  );
  // Each row is a JSON array in IMPORT_COLUMNS order (smaller and faster to build than objects).
  const values = IMPORT_COLUMNS.map((c, i) =>
    c.type === 'jsonb' ? `e->${i}` : `(e->>${i})::${c.type}`,
  ).join(', ');
  return {
    head: `insert into activities (${names}) select ${values}, `,
    from: ' from jsonb_array_elements(',
    tail: `::jsonb) as e
      on conflict (calendar_id, source_id) where calendar_id is not null
      do update set ${[...updates, 'updated_at = now()'].join(', ')}`,
  };
})();

/** The columns an event read from a file gives (all but the row's id and account). */
export type ReadColumns = Omit<ImportedRow, 'id' | 'accountId' | keyof ImportTarget>;

/**
 * An event's columns as the tail of a JSON array (`,"…",…]`), made while the file is read, so
 * writing a row later is joining strings; kept as one string, it is also the smallest way to hold
 * it in memory until then.
 */
export function serialiseColumns(row: ReadColumns): string {
  return JSON.stringify(READ_COLUMNS.map(({ key }) => row[key as keyof ReadColumns] ?? null)).slice(1);
}

/** One row of a batch: its id and account, then the columns serialised when it was read. */
export const rowRecord = (id: string, accountId: string | null, columns: string) =>
  `[${JSON.stringify(id)},${accountId === null ? 'null' : JSON.stringify(accountId)},${columns}`;

/**
 * Inserts new events and updates changed ones in one statement; where a person classified the
 * activity (classification 'manual'), their flags, account, kind and commercial stay. The batch
 * travels as one JSON parameter (`records`: rows made by `rowRecord`, joined by commas): building a
 * 15,000-parameter statement cost more than the insert.
 */
export async function upsert(tx: Tx, target: ImportTarget, records: string) {
  if (records === '') return;
  await tx.execute(
    sql`${sql.raw(UPSERT_SQL.head)}${target.workspaceId}::text, ${target.userId}::text, ${target.calendarId}::text, ${target.source}::text${sql.raw(UPSERT_SQL.from)}${`[${records}]`}${sql.raw(UPSERT_SQL.tail)}`,
  );
}
