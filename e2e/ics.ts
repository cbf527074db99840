import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactDay, isoDay } from './dates.ts';

export interface IcsEvent {
  uid: string;
  summary: string;
  /** `20261124T090000Z`, local `20261124T090000` with a `zone`, or a day `20261124` (all day). */
  start: string;
  end?: string;
  /** The TZID of start and end. */
  zone?: string;
  /** Further property lines: ORGANIZER, ATTENDEE, LOCATION, … */
  lines?: string[];
}

/** One VEVENT (with a DTSTAMP of today). */
export function icsEvent(event: IcsEvent): string[] {
  const param = event.zone ? `;TZID=${event.zone}` : /^\d{8}$/.test(event.start) ? ';VALUE=DATE' : '';
  return [
    'BEGIN:VEVENT',
    `DTSTAMP:${compactDay(isoDay(new Date()))}T080000Z`,
    `UID:${event.uid}`,
    `SUMMARY:${event.summary}`,
    `DTSTART${param}:${event.start}`,
    ...(event.end ? [`DTEND${param}:${event.end}`] : []),
    ...(event.lines ?? []),
    'END:VEVENT',
  ];
}

/** An .ics calendar of these events, with CRLF line ends as RFC 5545 writes them. */
export const icsCalendar = (events: IcsEvent[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Linchpin e2e//EN',
    ...events.flatMap(icsEvent),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/** Writes a calendar into `dir` and answers its path (for a file input or the CLI). */
export function writeIcs(dir: string, name: string, events: IcsEvent[]): string {
  const path = join(dir, name);
  writeFileSync(path, icsCalendar(events));
  return path;
}
