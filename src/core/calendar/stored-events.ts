import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { activities, type ExclusionReason } from '../db/schema/index.ts';
import type { ImportedEvent } from './events.ts';

/** How imported events are stored: their change hash, what a calendar already holds, the batch upsert. */

/** Every field of an ImportedEvent (and its attendees and `given`) but `line`, which moves freely. */
const HASHED_KEYS = [
  ...['sourceId', 'title', 'startsAt', 'endsAt', 'timeZone', 'allDay', 'recurring', 'status', 'transparent'],
  ...['organizer', 'attendees', 'location', 'description', 'categories', 'given'],
  ...['email', 'name', 'partstat', 'urgent', 'important', 'account', 'kind', 'commercial', 'notes'],
];

export function hashOf(event: ImportedEvent): string {
  return createHash('sha1').update(JSON.stringify(event, HASHED_KEYS)).digest('base64url');
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

export async function existingEvents(tx: Tx, calendarId: string): Promise<Map<string, ExistingEvent>> {
  const rows = await tx
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

/** The columns an import writes, with their SQL types; `keep` ones stay as a person set them. */
const IMPORT_COLUMNS: {
  column: string;
  type: string;
  key: keyof ImportedRow;
  keep?: boolean;
  insertOnly?: boolean;
}[] = [
  { column: 'id', type: 'text', key: 'id', insertOnly: true },
  { column: 'workspace_id', type: 'text', key: 'workspaceId', insertOnly: true },
  { column: 'user_id', type: 'text', key: 'userId', insertOnly: true },
  { column: 'calendar_id', type: 'text', key: 'calendarId', insertOnly: true },
  { column: 'source', type: 'text', key: 'source', insertOnly: true },
  { column: 'source_id', type: 'text', key: 'sourceId', insertOnly: true },
  { column: 'notes', type: 'text', key: 'notes', insertOnly: true },
  { column: 'source_hash', type: 'text', key: 'sourceHash' },
  { column: 'title', type: 'text', key: 'title' },
  { column: 'starts_at', type: 'timestamptz', key: 'startsAt' },
  { column: 'ends_at', type: 'timestamptz', key: 'endsAt' },
  { column: 'minutes', type: 'integer', key: 'minutes' },
  { column: 'time_zone', type: 'text', key: 'timeZone' },
  { column: 'all_day', type: 'boolean', key: 'allDay' },
  { column: 'excluded_reason', type: 'text', key: 'excludedReason' },
  { column: 'recurring', type: 'boolean', key: 'recurring' },
  { column: 'organizer', type: 'text', key: 'organizer' },
  { column: 'attendees', type: 'jsonb', key: 'attendees' },
  { column: 'location', type: 'text', key: 'location' },
  { column: 'status', type: 'text', key: 'status' },
  { column: 'account_id', type: 'text', key: 'accountId', keep: true },
  { column: 'urgent', type: 'boolean', key: 'urgent', keep: true },
  { column: 'important', type: 'boolean', key: 'important', keep: true },
  { column: 'kind', type: 'text', key: 'kind', keep: true },
  { column: 'commercial', type: 'boolean', key: 'commercial', keep: true },
  { column: 'rule_id', type: 'text', key: 'ruleId', keep: true },
  { column: 'classification', type: 'text', key: 'classification', keep: true },
];

const UPSERT_SQL = (() => {
  const names = IMPORT_COLUMNS.map((c) => c.column).join(', ');
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
    head: `insert into activities (${names}) select ${values} from jsonb_array_elements(`,
    tail: `::jsonb) as e
      on conflict (calendar_id, source_id) where calendar_id is not null
      do update set ${[...updates, 'updated_at = now()'].join(', ')}`,
  };
})();

/**
 * Inserts new events and updates changed ones in one statement; where a person classified the
 * activity (classification 'manual'), their flags, account, kind and commercial stay. The batch
 * travels as one JSON parameter: building a 15,000-parameter statement cost more than the insert.
 */
export async function upsert(tx: Tx, rows: ImportedRow[]) {
  const records = rows.map((row) => IMPORT_COLUMNS.map(({ key }) => row[key] ?? null));
  await tx.execute(sql`${sql.raw(UPSERT_SQL.head)}${JSON.stringify(records)}${sql.raw(UPSERT_SQL.tail)}`);
}
