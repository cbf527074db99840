import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { ImportedEvent, ImportItem } from '../src/core/calendar/events.ts';
import { parseIcs } from '../src/core/calendar/ics/index.ts';

/** A calendar around the given lines (CRLF, as RFC 5545 wants). */
export const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
export const vevent = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

/** 2000 to 2040: every instance of the tests' calendars. */
export const WIDE = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') };

/** The events and the problems of a calendar, read for someone in Amsterdam unless told otherwise. */
export function read(text: string, options: { timeZone?: string; window?: { from: Date; to: Date } } = {}) {
  const all: ImportItem[] = [
    ...parseIcs(text, { window: options.window ?? WIDE, timeZone: options.timeZone ?? 'Europe/Amsterdam' }),
  ];
  const events = all.flatMap((item) => ('event' in item ? [item.event] : []));
  const problems = all.flatMap((item) => ('problem' in item ? [item.problem] : []));
  return { events, problems };
}

export const iso = (date: Date) => date.toISOString();
export const span = (event: ImportedEvent) => [iso(event.startsAt), iso(event.endsAt)];
/** An instant on the wall clock of a zone, to the minute. */
export const local = (date: Date, zone: string) =>
  DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
export const byStart = (a: ImportedEvent, b: ImportedEvent) => a.startsAt.getTime() - b.startsAt.getTime();

/** One event of {@link icsCalendar}. */
export interface IcsEvent {
  uid: string;
  summary: string;
  /** `20261124T090000Z`, local `20261124T090000` with a `zone`, or a day `20261124` (all day). */
  start: string;
  end?: string;
  /** The TZID of a local start and end. */
  zone?: string;
  /** Further property lines: ORGANIZER, ATTENDEE, LOCATION, RRULE, … */
  lines?: string[];
}

const param = (value: string, zone?: string) =>
  /^\d{8}$/.test(value) ? ';VALUE=DATE' : zone ? `;TZID=${zone}` : '';

/** One VEVENT (with a DTSTAMP of today). */
export function icsEvent(event: IcsEvent): string[] {
  const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return vevent(
    `DTSTAMP:${stamp}T080000Z`,
    `UID:${event.uid}`,
    `SUMMARY:${event.summary}`,
    `DTSTART${param(event.start, event.zone)}:${event.start}`,
    ...(event.end ? [`DTEND${param(event.end, event.zone)}:${event.end}`] : []),
    ...(event.lines ?? []),
  );
}

/** An .ics calendar of these events, as {@link ics} writes it. */
export const icsCalendar = (events: IcsEvent[]) =>
  // Not through ics(...lines): a spread of a big calendar's lines overflows the call stack.
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Linchpin tests//EN']
    .concat(events.flatMap(icsEvent), ['END:VCALENDAR', ''])
    .join('\r\n');

/** Writes a calendar into `dir` and answers its path (for a file input or the CLI). */
export function writeIcs(dir: string, name: string, events: IcsEvent[]): string {
  const path = join(dir, name);
  writeFileSync(path, icsCalendar(events));
  return path;
}
