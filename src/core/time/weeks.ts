import { DateTime, IANAZone, Settings } from 'luxon';
import { AppError } from '../errors.ts';
import { now } from './clock.ts';
import { addDays, type CalendarDate, todayIn } from './days.ts';

// Luxon's DateTime.fromJSDate(now()) follows the clock in force too, so no zone math reads the wall clock.
Settings.now = () => now().getTime();

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

/**
 * Where "the last N days" begin: 00:00 of the calendar day N − 1 days before today in the zone, so an
 * instant lies in them exactly when it was fewer than N calendar days ago (see `daysAgo`).
 */
export function startOfLastDays(days: number, timeZone: string): Date {
  return startOfDayIn(addDays(todayIn(timeZone), -(days - 1)), timeZone);
}

/** The same wall-clock time `days` calendar days from now in the zone (23 or 25 hours a day across DST). */
export function daysFromNow(days: number, timeZone: string): Date {
  return DateTime.fromJSDate(now(), { zone: timeZone }).plus({ days }).toJSDate();
}

/** The instant a calendar date begins (00:00, or the first minute that exists on a DST day) in a zone. */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}
