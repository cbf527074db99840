import { and, asc, eq, gt, gte, lt, or, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { ownActivities, selectActivities, toActivityView, withNames } from '../activities/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { activities } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { parseDateTime } from '../time/weeks.ts';
import { activitiesCsv, UTF8_BOM } from './csv.ts';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  /** A date (2026-11-01: that day's start) or date-time; without an offset in the user's zone. */
  from?: string;
  /** A date (2026-11-30: up to the end of that day) or date-time (exclusive). */
  to?: string;
  format: ExportFormat;
}

export interface ActivityExport {
  format: ExportFormat;
  contentType: string;
  /** linchpin-activities-<from>-<to>.csv (or .json), the dates in the user's zone. */
  fileName: string;
  /** The file in pieces, read from the database a page at a time. */
  chunks: AsyncGenerator<string>;
}

/** Rows read from the database per query. */
const PAGE = 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

interface Bound {
  instant: Date;
  label: string;
}

function readBound(value: string, zone: string, field: 'from' | 'to'): Bound {
  const bound = readBoundUnchecked(value, zone, field);
  const year = bound.instant.getUTCFullYear();
  // PostgreSQL refuses years outside its range mid-stream; say so before the download starts.
  if (Number.isNaN(year) || year < 1 || year > 9999)
    throw AppError.invalid(field, 'must be between the years 1 and 9999');
  return bound;
}

function readBoundUnchecked(value: string, zone: string, field: 'from' | 'to'): Bound {
  if (DATE_ONLY.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    if (!day.isValid) throw AppError.invalid(field, 'must be a date such as 2026-11-30 or an ISO date-time');
    // A date means the whole day: "to 2026-11-30" includes the 30th.
    const instant = (field === 'to' ? day.plus({ days: 1 }) : day).startOf('day').toJSDate();
    return { instant, label: value };
  }
  const instant = parseDateTime(value, zone, field);
  return { instant, label: DateTime.fromJSDate(instant, { zone }).toISODate() ?? value };
}

/**
 * The actor's activities (not deleted) starting in [from, to), by start time, as the generic CSV the
 * importer reads (header GENERIC_COLUMNS, times ISO 8601 with the offset of the activity's zone) or
 * as JSON `{ "activities": ActivityView[] }`. The range is checked before anything is read, so a bad
 * request fails before the response starts.
 */
export async function exportActivities(
  db: Db,
  actor: Actor,
  request: ExportRequest,
): Promise<ActivityExport> {
  const from = request.from ? readBound(request.from, actor.timeZone, 'from') : undefined;
  const to = request.to ? readBound(request.to, actor.timeZone, 'to') : undefined;
  if (from && to && to.instant <= from.instant) throw AppError.invalid('to', 'must be after from');

  const scope: (SQL | undefined)[] = [ownActivities(actor)];
  if (from) scope.push(gte(activities.startsAt, from.instant));
  if (to) scope.push(lt(activities.startsAt, to.instant));

  async function* pages() {
    let after: { startsAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await selectActivities(db)
        .where(
          and(
            ...scope,
            after
              ? or(
                  gt(activities.startsAt, after.startsAt),
                  and(eq(activities.startsAt, after.startsAt), gt(activities.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(activities.startsAt), asc(activities.id))
        .limit(PAGE);
      if (rows.length > 0) yield rows.map((r) => toActivityView(withNames(r)));
      const last = rows.at(-1)?.activity;
      if (rows.length < PAGE || !last) return;
      after = { startsAt: last.startsAt, id: last.id };
    }
  }

  async function* csv() {
    yield UTF8_BOM + activitiesCsv([]);
    for await (const page of pages()) yield activitiesCsv(page, { header: false });
  }

  async function* json() {
    yield '{"activities":[';
    let first = true;
    for await (const page of pages()) {
      yield `${first ? '\n' : ',\n'}${page.map((view) => JSON.stringify(view)).join(',\n')}`;
      first = false;
    }
    yield '\n]}\n';
  }

  const fileName = `linchpin-activities-${from?.label ?? 'start'}-${to?.label ?? 'end'}.${request.format}`;
  return request.format === 'csv'
    ? { format: 'csv', contentType: 'text/csv; charset=utf-8', fileName, chunks: csv() }
    : { format: 'json', contentType: 'application/json; charset=utf-8', fileName, chunks: json() };
}

/** The whole export as one string (tests, small exports). */
export async function exportText(db: Db, actor: Actor, request: ExportRequest): Promise<string> {
  let text = '';
  for await (const chunk of (await exportActivities(db, actor, request)).chunks) text += chunk;
  return text;
}
