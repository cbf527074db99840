import { DateTime } from 'luxon';
import type { ImportedAttendee, ImportedEvent } from '../events.ts';
import {
  type FileContext,
  localMoment,
  parseTime,
  type Row,
  readBoolean,
  readDateCell,
  readMoment,
  splitList,
} from './values.ts';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const NAMED_EMAIL = /^"?([^"<]*?)"?\s*<([^>]+)>$/;

/** "Jane Doe", "jane@customer.example" or "Jane Doe <jane@customer.example>". */
function person(text: string): ImportedAttendee {
  const named = NAMED_EMAIL.exec(text);
  if (named && EMAIL.test(named[2]?.trim() ?? '')) {
    return { name: named[1]?.trim() || null, email: named[2]?.trim().toLowerCase() ?? null, partstat: null };
  }
  if (EMAIL.test(text)) return { name: null, email: text.toLowerCase(), partstat: null };
  return { name: text, email: null, partstat: null };
}

/** Attendee cells are ";"-separated names (sometimes emails). */
function attendees(row: Row): ImportedAttendee[] {
  return [row.text('requiredattendees'), row.text('optionalattendees')]
    .flatMap((cell) => cell.split(';'))
    .map((part) => part.trim())
    .filter(Boolean)
    .map(person);
}

/**
 * "Show time as" in Outlook's CSV: 1 Free, 2 Tentative, 3 Busy, 4 Out of office, 5 Working elsewhere
 * (some versions write the word instead).
 */
function showTimeAs(row: Row): { transparent: boolean; tentative: boolean } {
  const value = row.text('showtimeas').toLowerCase();
  return {
    transparent: value === '1' || value === 'free',
    tentative: value === '2' || value === 'tentative',
  };
}

/** An appointment from Outlook's "Export to a file → CSV" of a calendar. */
export function outlookEvent(row: Row, context: FileContext): ImportedEvent {
  const { zone, order } = context;
  const title = row.text('subject') || '(no subject)';
  const allDay = readBoolean(row, 'alldayevent') ?? false;
  let startsAt: Date;
  let endsAt: Date;
  let startKey: string;
  if (allDay) {
    const midnight = { hour: 0, minute: 0, second: 0 };
    const start = localMoment(readDateCell(row, 'startdate', order), midnight, zone);
    startsAt = start.instant;
    startKey = start.key;
    const nextDay = DateTime.fromJSDate(startsAt, { zone }).plus({ days: 1 }).toJSDate();
    endsAt = nextDay;
    if (row.text('enddate')) {
      const time = parseTime(row.text('endtime')) ?? midnight;
      const end = localMoment(readDateCell(row, 'enddate', order), time, zone);
      if (end.instant > startsAt) endsAt = end.instant;
    }
  } else {
    const start = readMoment(row, 'startdate', 'starttime', order, zone);
    startsAt = start.instant;
    startKey = start.key;
    endsAt = readMoment(row, row.text('enddate') ? 'enddate' : 'startdate', 'endtime', order, zone).instant;
    if (endsAt < startsAt) throw row.error('endtime', 'is before the start');
  }
  const organizer = row.text('meetingorganizer');
  const shownAs = showTimeAs(row);
  return {
    sourceId: context.keys.next([title, startKey, allDay ? 'all day' : '']),
    title,
    startsAt,
    endsAt,
    timeZone: zone,
    allDay,
    recurring: false,
    status: shownAs.tentative ? 'tentative' : 'confirmed',
    transparent: shownAs.transparent,
    organizer: EMAIL.test(organizer) ? organizer.toLowerCase() : null,
    attendees: attendees(row),
    location: row.text('location') || null,
    description: row.raw('description').trim() || null,
    categories: splitList(row.text('categories')),
    line: row.line,
  };
}
