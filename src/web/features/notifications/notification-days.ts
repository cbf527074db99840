/**
 * The notification centre's list as people read it: grouped by the calendar day each arrived on in
 * their time zone ("Today", "Yesterday", "Mon 30 Nov"), newest first. Pure: unit-tested.
 */
import { type CalendarDate, dateIn, daysBetweenDates } from '../../../core/time/days.ts';

export interface DayGroup<T> {
  day: CalendarDate;
  label: string;
  items: T[];
}

const weekdayDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const weekdayDateYear = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const hourMinute = new Map<string, Intl.DateTimeFormat>();

/** `Today`, `Yesterday`, `Mon 30 Nov` (with the year when it is not this year's). */
export function dayLabel(day: CalendarDate, today: CalendarDate): string {
  const ago = daysBetweenDates(day, today);
  if (ago === 0) return 'Today';
  if (ago === 1) return 'Yesterday';
  const date = new Date(`${day}T00:00:00Z`);
  // en-GB writes "Mon, 30 Nov" in some engines and "Mon 30 Nov" in others.
  const label = (day.slice(0, 4) === today.slice(0, 4) ? weekdayDate : weekdayDateYear).format(date);
  return label.replace(',', '');
}

/** The wall-clock time of an instant in a zone, `09:05`. */
export function timeIn(iso: string, timeZone: string): string {
  let format = hourMinute.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    hourMinute.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** Items with `createdAt`, in the order given (newest first), cut into one group per local day. */
export function groupByDay<T extends { createdAt: string }>(
  items: readonly T[],
  timeZone: string,
  today: CalendarDate,
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = dateIn(new Date(item.createdAt), timeZone);
    const last = groups[groups.length - 1];
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, label: dayLabel(day, today), items: [item] });
  }
  return groups;
}

/** What the badge says: the count, `99+` above 99. */
export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));

/** The bell's accessible name: `Notifications, 3 unread`. */
export const bellLabel = (unread: number) =>
  unread > 0 ? `Notifications, ${unread} unread` : 'Notifications, none unread';

/** Only the app's own pages are followed from a notification (`/#/…` or `#/…`); anything else opens the Week. */
export const hrefOfNotification = (url: string) => (/^\/?#\//.test(url) ? url : '#/week');
