import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { now } from '../time/clock.ts';
import type { WeekPlan } from './service.ts';

/** One event of a calendar Linchpin writes: a plan action, a review date, a follow-up. */
export interface CalendarEntry {
  /** Stable per thing, so a calendar updates the event instead of adding another. */
  uid: string;
  summary: string;
  description?: string;
  /** A link back into the app. */
  url?: string;
  /** The day in the person's zone. */
  day: string;
  /** The local start time (e.g. 09:30) and length; without a start it is an all-day entry. */
  startTime?: string | null;
  minutes?: number;
}

/** An empty VCALENDAR with its product id and the name calendars show for it. */
export function newCalendar(prodid: string, name: string): ICAL.Component {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', prodid);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('x-wr-calname', name);
  return calendar;
}

/**
 * Adds one entry as a VEVENT: a timed one from its local start in `timeZone` as UTC DTSTART/DTEND
 * (exact across DST), an all-day one as a DATE that does not show the day as busy.
 */
export function addEvent(
  calendar: ICAL.Component,
  entry: CalendarEntry,
  { timeZone, stamp }: { timeZone: string; stamp: ICAL.Time },
): void {
  const event = new ICAL.Component('vevent');
  event.updatePropertyWithValue('uid', entry.uid);
  event.updatePropertyWithValue('dtstamp', stamp);
  event.updatePropertyWithValue('summary', entry.summary);
  if (entry.description) event.updatePropertyWithValue('description', entry.description);
  if (entry.url) event.updatePropertyWithValue('url', entry.url);
  if (entry.startTime) {
    const start = DateTime.fromISO(`${entry.day}T${entry.startTime}`, { zone: timeZone });
    event.updatePropertyWithValue('dtstart', ICAL.Time.fromJSDate(start.toJSDate(), true));
    event.updatePropertyWithValue(
      'dtend',
      ICAL.Time.fromJSDate(start.plus({ minutes: entry.minutes ?? 30 }).toJSDate(), true),
    );
  } else {
    const date = ICAL.Time.fromDateString(entry.day);
    event.updatePropertyWithValue('dtstart', date);
    const end = date.clone();
    end.adjust(1, 0, 0, 0);
    event.updatePropertyWithValue('dtend', end);
    event.updatePropertyWithValue('transp', 'TRANSPARENT');
  }
  calendar.addSubcomponent(event);
}

/** DTSTAMP of everything written now. */
export const stampNow = (): ICAL.Time => ICAL.Time.fromJSDate(now(), true);

/**
 * The week's scheduled actions as an .ics file to put into one's real calendar: timed ones in the
 * user's zone, the others as all-day reminders. UIDs are stable, so importing again updates them.
 */
export function planIcs(plan: WeekPlan, timeZone: string, host = 'linchpin'): string {
  const calendar = newCalendar('-//Linchpin//Weekly plan//EN', `Linchpin plan ${plan.week}`);
  const stamp = stampNow();
  for (const item of plan.items) {
    const rock = plan.rocks.find((r) => r.id === item.rockId);
    addEvent(
      calendar,
      {
        uid: `${item.id}@${host}`,
        summary: item.title,
        description: rock
          ? `Q2 big rock: ${rock.title}${rock.accountName ? ` (${rock.accountName})` : ''}`
          : undefined,
        day: item.day,
        startTime: item.startTime,
        minutes: item.minutes,
      },
      { timeZone, stamp },
    );
  }
  return calendar.toString();
}
