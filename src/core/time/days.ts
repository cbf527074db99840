/**
 * Days as people count them: calendar dates on the wall calendar of an IANA time zone, never
 * elapsed 24-hour periods. A meeting at 09:00 on Saturday is "2 days ago" on Monday at 07:00,
 * whatever the hour of the request or a DST change in between. Pure (Intl only): the web uses it too.
 */
import { now } from './clock.ts';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD; formatToParts keeps it independent of that detail.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date an instant has in a time zone. */
export function dateIn(instant: Date, timeZone: string): CalendarDate {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/** Today's date in a time zone, by the clock in force. */
export const todayIn = (timeZone: string): CalendarDate => dateIn(now(), timeZone);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcMidnight(date: CalendarDate): number {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

// Calendar dates are whole days apart; counted at UTC midnight no zone or DST can shift them.
const DAY_MS = 86_400_000;

/** The date `days` calendar days after (or, negative, before) `date`. */
export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);

/** How many calendar days lie from one date to another (negative when `to` is earlier). */
export const daysBetweenDates = (from: CalendarDate, to: CalendarDate): number =>
  Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS) || 0; // never -0

/**
 * Calendar days from one instant to another on the wall calendar of `timeZone`: 23:00 yesterday
 * is 1 day before 00:05 today, and 00:05 today is 0 days before 23:55 today.
 */
export const calendarDaysBetween = (from: Date, to: Date, timeZone: string): number =>
  daysBetweenDates(dateIn(from, timeZone), dateIn(to, timeZone));

/** How many calendar days ago an instant was, in `timeZone`, by the clock in force. */
export const daysAgo = (instant: Date, timeZone: string): number =>
  calendarDaysBetween(instant, now(), timeZone);

/** A day count as people say it: `today`, `yesterday`, `12 days ago` (`in 3 days` for the future). */
export function daysAgoLabel(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  return days > 0 ? `${days} days ago` : `in ${-days} days`;
}

/**
 * How long ago an instant was, as people say it: `just now`, `5 minutes ago`, `3 hours ago` within
 * the same calendar day (minutes across midnight), then in calendar days (`yesterday`, `12 days ago`), then months.
 */
export function agoLabel(instant: Date, timeZone: string): string {
  const at = now();
  const days = calendarDaysBetween(instant, at, timeZone);
  if (days >= 30) {
    const months = Math.round(days / 30.44);
    return months >= 12 ? plural(Math.round(days / 365.25), 'year') : plural(months, 'month');
  }
  const minutes = Math.floor((at.getTime() - instant.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return plural(minutes, 'minute');
  return days > 0 ? daysAgoLabel(days) : plural(Math.floor(minutes / 60), 'hour');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
