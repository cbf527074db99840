/** Calendar days and ISO weeks as the tests need them, in UTC (the server and browser share the clock). */

const DAY_MS = 86_400_000;

/** `2026-11-20` of a date. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** `20261120` of a `2026-11-20`, as .ics files write days. */
export const compactDay = (day: string) => day.replaceAll('-', '');

/** Today's UTC midnight moved by `days` (negative: in the past). */
export function dayFromToday(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS);
}

/** The ISO week (`2026-W47`) a date falls in. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const thursday = new Date(day.getTime() + (4 - (day.getUTCDay() || 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of the week `weeks` away from this one (`-1`: last week's Monday), as `2026-11-16`. */
export function mondayOf(weeks: number): string {
  const today = dayFromToday(0);
  return isoDay(new Date(today.getTime() - ((today.getUTCDay() || 7) - 1) * DAY_MS + weeks * 7 * DAY_MS));
}

/** The day `days` after a `2026-11-16`. */
export const addDays = (day: string, days: number) =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** Today in the zone of this process (and of the browser it starts): `2026-11-20`. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
