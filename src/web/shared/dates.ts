/**
 * Calendar arithmetic on plain `YYYY-MM-DD` days and ISO weeks (`2026-W47`). Days are handled as
 * UTC dates so no local zone or DST can shift them; "today" is taken in the user's time zone, by the
 * one clock (core/time/clock.ts).
 */

import { now } from '../../core/time/clock.ts';
import { addDays, todayIn } from '../../core/time/days.ts';

export { addDays, todayIn };

const DAY_MS = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export const isIsoWeek = (value: string) => WEEK_PATTERN.test(value);

export function isoWeekOf(day: string): string {
  const date = toDate(day);
  const weekday = date.getUTCDay() || 7;
  // The ISO year and week are those of the week's Thursday.
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function mondayOf(week: string): string {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  const jan4 = new Date(Date.UTC(Number(match[1]), 0, 4));
  const firstMonday = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS;
  return toDay(new Date(firstMonday + (Number(match[2]) - 1) * 7 * DAY_MS));
}

export const shiftWeek = (week: string, weeks: number) => isoWeekOf(addDays(mondayOf(week), weeks * 7));

function partsIn(timeZone: string, date = now()) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
  };
}

export const currentWeekIn = (timeZone: string) => isoWeekOf(todayIn(timeZone));

/** The next quarter hour from now in the zone, as `HH:MM` (09:00 outside office hours). */
export function nextQuarterHourIn(timeZone: string): string {
  const { hour, minute } = partsIn(timeZone);
  const total = Math.ceil((hour * 60 + minute) / 15) * 15;
  if (total < 7 * 60 || total > 19 * 60) return '09:00';
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * When something that took `minutes` and ends now began, in the zone, as `HH:MM` on a 5-minute
 * mark (00:00 when it would begin yesterday): "I just spent 45 minutes on it".
 */
export function startedMinutesAgoIn(timeZone: string, minutes: number): string {
  const { hour, minute } = partsIn(timeZone);
  const total = Math.max(0, Math.floor((hour * 60 + minute - minutes) / 5) * 5);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** `HH:MM` plus some minutes, kept within the day. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 45);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The Monday-to-Sunday span of a week, e.g. `16 Nov – 22 Nov 2026`. */
export function formatWeekRange(week: string): string {
  const monday = mondayOf(week);
  return `${dayMonth.format(toDate(monday))} – ${dayMonthYear.format(toDate(addDays(monday, 6)))}`;
}

/** The wall-clock day and time an ISO date-time carries in its own offset. */
export function localParts(iso: string): { day: string; time: string } {
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

const weekdayDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** When an activity happens, as its own wall clock shows it: `Mon 16 Nov · 09:00`. */
export function formatWhen(iso: string): string {
  const { day, time } = localParts(iso);
  return `${weekdayDay.format(toDate(day))} · ${time}`;
}
