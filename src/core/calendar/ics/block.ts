import ICAL from 'ical.js';
import { daysBetweenDates } from '../../time/days.ts';
import type { ImportProblem } from '../events.ts';
import { LuxonZone, type ZoneResolver } from '../zones.ts';
import type { Block, Context, Length, Parsed } from './model.ts';
import { lineValue } from './scan.ts';

const DATE_PROPERTIES = new Set(['dtstart', 'dtend', 'recurrence-id', 'exdate', 'rdate']);
/** Properties the import needs: an unreadable one makes the event unreadable. */
const ESSENTIAL = new Set([...DATE_PROPERTIES, 'duration', 'rrule']);
/** Properties that may appear once: two of them leave the event ambiguous. */
const SINGLE = ['dtstart', 'dtend', 'duration', 'recurrence-id'];

const VALUE_DATE_ON_DATE_TIME =
  /^((?:DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)(?:;[^:\r\n]*?)?);VALUE=DATE(?=[;:])([^:\r\n]*:)(\d{8}T\d{6}Z?(?:,\d{8}T\d{6}Z?)*)[ \t]*$/gim;
const BARE_DATE =
  /^((?:DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)(?:;(?![^:\r\n]*VALUE=)[^:\r\n]*)?):(\d{8}(?:,\d{8})*)[ \t]*$/gim;
const VALUE_IN_TZID = /^([A-Z-]+(?:;[^\r\n"]*)?;TZID=)"([^"\r\n:]*):(\d{8}(?:T\d{6}Z?)?)"[ \t]*$/gim;

function repair(source: string): string {
  let text = source.replace(/\r?\n[ \t]/g, '');
  if (/VALUE=DATE[;:]/i.test(text)) text = text.replace(VALUE_DATE_ON_DATE_TIME, '$1$2$3');
  text = text.replace(BARE_DATE, '$1;VALUE=DATE:$2');
  if (text.includes('"')) text = text.replace(VALUE_IN_TZID, '$1"$2":$3');
  return text;
}

/** The block's logical lines with their physical line numbers (for messages; slow path only). */
function logicalLines(block: Block, text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let line = block.line;
  for (const physical of text.slice(block.start, block.end).split('\n')) {
    const clean = physical.endsWith('\r') ? physical.slice(0, -1) : physical;
    const last = lines.at(-1);
    if (last && (clean.startsWith(' ') || clean.startsWith('\t'))) last.text += clean.slice(1);
    else if (clean) lines.push({ text: clean, line });
    line++;
  }
  return lines;
}

const nameOf = (line: string) => (/^[A-Za-z0-9-]+/.exec(line)?.[0] ?? '').toLowerCase();

/** Where the block's own (not an alarm's) property `name` is, and what it says. */
function findProperties(block: Block, text: string, name: string): { line: number; raw: string }[] {
  const found: { line: number; raw: string }[] = [];
  let depth = 0;
  for (const logical of logicalLines(block, text)) {
    const upper = logical.text.toUpperCase();
    if (upper.startsWith('BEGIN:')) depth++;
    else if (upper.startsWith('END:')) depth--;
    else if (depth === 1 && nameOf(logical.text) === name) {
      found.push({ line: logical.line, raw: lineValue(logical.text) });
    }
  }
  return found;
}

function findProperty(block: Block, text: string, name: string): { line: number; raw: string } {
  return findProperties(block, text, name)[0] ?? { line: block.line, raw: '' };
}

export function problemAt(block: Block, line: number, message: string): ImportProblem {
  return { line, message, ...(block.uid ? { sourceId: block.uid } : {}) };
}

function parseComponent(source: string): ICAL.Component {
  const component = new ICAL.Component(ICAL.parse(source));
  if (component.name !== 'vevent') throw new Error('not a VEVENT');
  return component;
}

/** Parses a block, dropping unreadable lines of properties the import does not use. */
function parseWithRepairs(block: Block, context: Context): ICAL.Component | ImportProblem {
  const source = repair(context.text.slice(block.start, block.end));
  try {
    return parseComponent(source);
  } catch (first) {
    const kept: string[] = [];
    let depth = 0;
    for (const logical of logicalLines(block, context.text)) {
      const line = repair(logical.text);
      const upper = line.toUpperCase();
      if (upper.startsWith('BEGIN:') || upper.startsWith('END:')) {
        depth += upper.startsWith('BEGIN:') ? 1 : -1;
        kept.push(line);
        continue;
      }
      try {
        ICAL.parse(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT`);
        kept.push(line);
      } catch (error) {
        const name = nameOf(line);
        if (depth === 1 && ESSENTIAL.has(name)) {
          const reason = error instanceof Error ? error.message : String(error);
          return problemAt(
            block,
            logical.line,
            `${name.toUpperCase()} "${lineValue(logical.text)}" cannot be read: ${reason}`,
          );
        }
      }
    }
    try {
      return parseComponent(kept.join('\r\n'));
    } catch {
      const reason = first instanceof Error ? first.message : String(first);
      return problemAt(block, block.line, `the event cannot be read: ${reason}`);
    }
  }
}

export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z?$/;

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validValue(type: string, value: unknown): boolean {
  if (Array.isArray(value)) return validValue('date-time', value[0]); // a PERIOD: its start
  if (typeof value !== 'string') return false;
  if (type === 'date') {
    const m = DATE.exec(value);
    return !!m && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  const m = DATE_TIME.exec(value);
  return (
    !!m &&
    validDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59 &&
    Number(m[6]) <= 60
  );
}

export function parseBlock(block: Block, context: Context): Parsed | ImportProblem {
  const component = parseWithRepairs(block, context);
  if (!(component instanceof ICAL.Component)) return component;
  const { zones } = context;
  const bad = (name: string, reason: (raw: string) => string) => {
    const where = findProperty(block, context.text, name);
    return problemAt(block, where.line, reason(where.raw));
  };

  for (const name of SINGLE) {
    if (component.getAllProperties(name).length < 2) continue;
    const [first, second] = findProperties(block, context.text, name);
    return problemAt(
      block,
      second?.line ?? block.line,
      `${name.toUpperCase()} is given twice (lines ${first?.line} and ${second?.line}), the event is ambiguous`,
    );
  }

  for (const property of component.getAllProperties()) {
    if (!DATE_PROPERTIES.has(property.name)) continue;
    const type = property.type === 'date' ? 'date' : 'date-time';
    const values = property.jCal.slice(3);
    if (values.length === 0 || !values.every((value) => validValue(type, value))) {
      const what = property.type === 'date' ? 'a date' : 'a date-time';
      return bad(property.name, (raw) => `${property.name.toUpperCase()} "${raw}" is not ${what}`);
    }
    // Put each time in its zone (ical.js only knows the zones it was given).
    const { zone } = zones.resolve(String(property.getParameter('tzid') ?? ''));
    for (const value of property.getValues()) {
      if (value instanceof ICAL.Period) {
        inZone(value.start, zone);
        if (value.end) inZone(value.end, zone);
      } else if (value instanceof ICAL.Time) {
        inZone(value, zone);
      }
    }
  }

  const recurrenceId = timeOf(component, 'recurrence-id');
  let start = timeOf(component, 'dtstart');
  if (!start) {
    if (!recurrenceId) return problemAt(block, block.line, 'the event has no DTSTART');
    start = recurrenceId.clone();
    component.addPropertyWithValue('dtstart', start);
  }
  if (!start.isDate && isMidnight(start) && outlookAllDay(component)) {
    // Older Outlook/Exchange write all-day events as midnight to midnight with a flag.
    const end = timeOf(component, 'dtend');
    if (!end || isMidnight(end)) {
      start = dateOf(start);
      component.updatePropertyWithValue('dtstart', start);
      if (end) component.updatePropertyWithValue('dtend', dateOf(end));
    }
  }

  for (const property of component.getAllProperties('rrule')) {
    let rule: ICAL.Recur;
    try {
      rule = property.getFirstValue() as ICAL.Recur;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return bad('rrule', (raw) => `RRULE "${raw}" cannot be read: ${reason}`);
    }
    if (!rule.freq) return bad('rrule', (raw) => `RRULE "${raw}" has no FREQ`);
    if (rule.interval < 1) return bad('rrule', (raw) => `RRULE "${raw}" has an INTERVAL below 1`);
    const until = rule.until;
    if (until && start.isDate && !until.isDate) {
      // An all-day series ends on a date: Exchange writes local midnight in UTC, read in the user zone.
      rule.until = dateOf(
        until.zone === ICAL.Timezone.utcTimezone ? wallClock(instant(until, zones), zones.user) : until,
      );
    } else if (until && until.zone !== ICAL.Timezone.utcTimezone) {
      // A local UNTIL is in DTSTART's zone; a date UNTIL of a timed series includes that day.
      rule.until = until.isDate && !start.isDate ? endOfDay(until, start.zone) : inZone(until, start.zone);
    }
  }

  let length: Length | null = null;
  const end = timeOf(component, 'dtend');
  if (end) {
    if (instant(end, zones) < instant(start, zones)) {
      const where = findProperty(block, context.text, 'dtend');
      const from = findProperty(block, context.text, 'dtstart');
      return problemAt(block, where.line, `DTEND "${where.raw}" is before DTSTART "${from.raw}"`);
    }
    length =
      start.isDate && end.isDate
        ? { days: daysBetween(start, end), ms: 0 }
        : { days: 0, ms: instant(end, zones) - instant(start, zones) };
  } else if (component.hasProperty('duration')) {
    let duration: ICAL.Duration;
    try {
      duration = component.getFirstPropertyValue('duration') as ICAL.Duration;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return bad('duration', (raw) => `DURATION "${raw}" cannot be read: ${reason}`);
    }
    if (duration.isNegative && duration.toSeconds() !== 0) {
      return bad('duration', (raw) => `DURATION "${raw}" is negative`);
    }
    length = {
      days: duration.weeks * 7 + duration.days,
      ms: ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000,
    };
  }

  const sequence = Number(component.getFirstPropertyValue('sequence'));
  const stamp = component.getFirstProperty('dtstamp')?.jCal[3];
  return {
    block,
    component,
    start,
    recurrenceId,
    sequence: Number.isFinite(sequence) ? sequence : 0,
    stamp: typeof stamp === 'string' ? stamp : '',
    rawStart: String(component.getFirstProperty('dtstart')?.jCal[3] ?? ''),
    length,
  };
}

const isMidnight = (time: ICAL.Time) => time.hour === 0 && time.minute === 0 && time.second === 0;

const outlookAllDay = (component: ICAL.Component) =>
  ['x-microsoft-cdo-alldayevent', 'x-microsoft-msncalendar-alldayevent'].some(
    (name) => String(component.getFirstPropertyValue(name) ?? '').toUpperCase() === 'TRUE',
  );

export const dateOf = (time: ICAL.Time) =>
  ICAL.Time.fromData({ year: time.year, month: time.month, day: time.day, isDate: true });

function timeOf(component: ICAL.Component, name: string): ICAL.Time | null {
  const value = component.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value : null;
}

/** Gives a floating (or zone-less) time its zone; UTC times and dates stay as they are. */
function inZone(time: ICAL.Time, zone: ICAL.Timezone): ICAL.Time {
  if (time.isDate || time.zone === ICAL.Timezone.utcTimezone) return time;
  time.zone = zone;
  time._cachedUnixTime = null;
  return time;
}

const calendarDate = (t: ICAL.Time) =>
  `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;

const daysBetween = (start: ICAL.Time, end: ICAL.Time): number =>
  daysBetweenDates(calendarDate(start), calendarDate(end));

/** No DTEND nor DURATION: an all-day event lasts its day, a timed one nothing (RFC 5545 3.6.1). */
export const lengthOf = (parsed: Parsed, start: ICAL.Time): Length =>
  parsed.length ?? { days: start.isDate ? 1 : 0, ms: 0 };

/** The end instant (ms) of an instance starting at `start`. */
export function endOf(start: ICAL.Time, startsAt: number, length: Length, zones: ZoneResolver): number {
  if (length.days === 0) return startsAt + length.ms;
  const later = start.clone();
  later.day += length.days;
  return instant(later, zones) + length.ms;
}

function endOfDay(date: ICAL.Time, zone: ICAL.Timezone): ICAL.Time {
  return new ICAL.Time(
    { year: date.year, month: date.month, day: date.day, hour: 23, minute: 59, second: 59 },
    zone,
  );
}

/** The UTC instant (ms) of a time; a date is midnight in the user's zone. */
export function instant(time: ICAL.Time, zones: ZoneResolver): number {
  if (time.isDate) return zones.user.toUtc(Date.UTC(time.year, time.month - 1, time.day));
  if (time.zone === ICAL.Timezone.localTimezone) {
    return zones.floating.toUtc(
      Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second),
    );
  }
  return time.toUnixTime() * 1000;
}

/** The wall clock of a UTC instant in `zone`. */
export function wallClock(ms: number, zone: ICAL.Timezone): ICAL.Time {
  if (zone instanceof LuxonZone) {
    const local = new Date(ms + zone.offsetAt(ms) * 60_000);
    return new ICAL.Time(
      {
        year: local.getUTCFullYear(),
        month: local.getUTCMonth() + 1,
        day: local.getUTCDate(),
        hour: local.getUTCHours(),
        minute: local.getUTCMinutes(),
        second: local.getUTCSeconds(),
      },
      zone,
    );
  }
  return ICAL.Time.fromJSDate(new Date(ms), true).convertToZone(zone);
}
