import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { now } from '../time/clock.ts';
import type { WeekPlan } from './service.ts';

/**
 * The week's scheduled actions as an .ics file to put into one's real calendar: timed ones in the
 * user's zone, the others as all-day reminders. UIDs are stable, so importing again updates them.
 */
export function planIcs(plan: WeekPlan, timeZone: string, host = 'linchpin'): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Linchpin//Weekly plan//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('x-wr-calname', `Linchpin plan ${plan.week}`);
  const stamp = ICAL.Time.fromJSDate(now(), true);
  for (const item of plan.items) {
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', `${item.id}@${host}`);
    event.updatePropertyWithValue('dtstamp', stamp);
    event.updatePropertyWithValue('summary', item.title);
    const rock = plan.rocks.find((r) => r.id === item.rockId);
    if (rock)
      event.updatePropertyWithValue(
        'description',
        `Q2 big rock: ${rock.title}${rock.accountName ? ` (${rock.accountName})` : ''}`,
      );
    if (item.startTime) {
      const start = DateTime.fromISO(`${item.day}T${item.startTime}`, { zone: timeZone });
      event.updatePropertyWithValue('dtstart', ICAL.Time.fromJSDate(start.toJSDate(), true));
      event.updatePropertyWithValue(
        'dtend',
        ICAL.Time.fromJSDate(start.plus({ minutes: item.minutes }).toJSDate(), true),
      );
    } else {
      const date = ICAL.Time.fromDateString(item.day);
      event.updatePropertyWithValue('dtstart', date);
      const end = date.clone();
      end.adjust(1, 0, 0, 0);
      event.updatePropertyWithValue('dtend', end);
    }
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
