import { DateTime, IANAZone } from 'luxon';
import { AppError } from '../errors.ts';

/** An ISO week label such as "2026-W47". */
export type IsoWeek = string;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export function isValidTimeZone(zone: string): boolean {
  // Luxon accepts fixed offsets too; we want IANA names only (Europe/London, America/New_York, UTC).
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) && IANAZone.isValidZone(zone);
}

export function assertTimeZone(zone: string, field = 'timeZone'): void {
  if (!isValidTimeZone(zone))
    throw AppError.invalid(field, 'must be an IANA time zone name such as Europe/London');
}

export function parseIsoWeek(week: string, field = 'week'): { weekYear: number; weekNumber: number } {
  const match = ISO_WEEK.exec(week);
  const weekYear = Number(match?.[1]);
  const weekNumber = Number(match?.[2]);
  if (!match || weekNumber < 1 || weekNumber > DateTime.utc(weekYear, 12, 28).weekNumber) {
    throw AppError.invalid(field, 'must be an ISO week such as 2026-W47');
  }
  return { weekYear, weekNumber };
}

export function formatIsoWeek(dt: DateTime): IsoWeek {
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

export interface WeekRange {
  week: IsoWeek;
  /** Monday 00:00 in the zone. */
  from: DateTime;
  /** The next Monday 00:00 in the zone (exclusive). */
  to: DateTime;
}

export function weekRange(week: IsoWeek, timeZone: string): WeekRange {
  const { weekYear, weekNumber } = parseIsoWeek(week);
  const from = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: timeZone }).startOf('day');
  return { week, from, to: from.plus({ weeks: 1 }) };
}

/** The ISO week an instant falls in, seen from a time zone. */
export function weekOf(instant: Date, timeZone: string): IsoWeek {
  return formatIsoWeek(DateTime.fromJSDate(instant, { zone: timeZone }));
}

export function shiftWeek(week: IsoWeek, by: number): IsoWeek {
  const { weekYear, weekNumber } = parseIsoWeek(week);
  return formatIsoWeek(
    DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: 'UTC' }).plus({ weeks: by }),
  );
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads an ISO 8601 date-time. With an offset it is an exact instant; without one it is a wall-clock
 * time in `timeZone` (so "2026-11-20T10:00" means 10:00 where the user lives).
 */
export function parseDateTime(value: string, timeZone: string, field: string): Date {
  if (!DATE_TIME.test(value))
    throw AppError.invalid(field, 'must be an ISO date-time such as 2026-11-20T10:00:00+01:00');
  const dt = OFFSET.test(value)
    ? DateTime.fromISO(value, { setZone: true })
    : DateTime.fromISO(value, { zone: timeZone });
  if (!dt.isValid)
    throw AppError.invalid(field, 'must be an ISO date-time such as 2026-11-20T10:00:00+01:00');
  return dt.toJSDate();
}

/** An instant as ISO 8601 with the offset it has in `timeZone`. */
export function formatInZone(instant: Date, timeZone: string): string {
  return (
    DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ??
    instant.toISOString()
  );
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string): string {
  return DateTime.now().setZone(timeZone).toISODate() ?? '';
}
