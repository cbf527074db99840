import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { AppError } from '../errors.ts';
import type {
  ImportedAttendee,
  ImportedEvent,
  ImportItem,
  ImportProblem,
  ParseOptions,
} from '../imports/events.ts';
import { daysBetweenDates } from '../time/days.ts';
import { canonicalIana, LuxonZone, ZoneResolver } from './zones.ts';

/** Instances one series may yield inside the window; past it the series stops with a problem. */
export const MAX_INSTANCES_PER_SERIES = 5000;
/** Occurrences one series may step through in all, before the window included. */
export const MAX_STEPS_PER_SERIES = 200_000;

/**
 * Reads an iCalendar (.ics) file into event instances.
 *
 * - One `{event}` per instance that starts in `options.window` (from inclusive, to exclusive):
 *   single events, and recurring series expanded by ical.js (RRULE, RDATE, EXDATE) with their
 *   RECURRENCE-ID overrides. Instances of a series have the sourceId `UID/original start`, where the
 *   original start is UTC ISO (`2024-03-05T08:00:00Z`), the date for all-day series (`2024-03-05`)
 *   and the wall clock for floating series (`2024-03-05T09:00:00`), so it never depends on the
 *   user's zone. An event without UID gets `nouid-` and a hash of its DTSTART and SUMMARY.
 * - One `{problem}` for each VEVENT that cannot be read (no or bad DTSTART, DTEND before DTSTART,
 *   an RRULE ical.js refuses, …), naming the line of the bad property; the others go on.
 * - Throws AppError('bad_request') before yielding anything when the text is no calendar at all.
 *
 * The file is not parsed as one tree: a first pass scans the lines for the VTIMEZONE and VEVENT
 * blocks (offsets and UIDs only), then each UID's blocks (the master and its overrides, wherever
 * they are in the file) are parsed and expanded together, and dropped.
 *
 * Rules where calendars disagree or RFC 5545 is silent:
 * - times: IANA, Windows and Outlook zone names map to IANA (zones.ts); a TZID only the file's
 *   VTIMEZONE explains uses that definition; unknown TZIDs and floating times are read in
 *   options.timeZone. `timeZone` is the IANA zone of the wall clock, else options.timeZone (also for
 *   UTC times: "Z" is how exporters write, not where the person is).
 * - all-day (DATE) events start and end at midnight in options.timeZone; DTEND is exclusive, no
 *   DTEND is one day. A timed event without DTEND or DURATION lasts zero minutes (endsAt = startsAt;
 *   the import skips those).
 * - of several VEVENTs with one UID (and one RECURRENCE-ID) the highest SEQUENCE wins, then the
 *   latest DTSTAMP, then the last in the file.
 * - an override is yielded where it says (even if its RECURRENCE-ID is no occurrence of the rule or
 *   is excluded); properties it leaves out come from the master, and without DTEND/DURATION it keeps
 *   the master's length. RANGE=THISANDFUTURE is left to ical.js: later occurrences move by the same
 *   shift, take the override's length and its properties (title, status, attendees…).
 * - lenient reading of what real exporters write: VALUE=DATE on a date-time is read as a date-time,
 *   a bare date without VALUE=DATE as a date, Outlook's `TZID="Zone:20200609T090000"` as intended;
 *   an unreadable line of a property the import does not use (an X- property, DTSTAMP, an alarm's
 *   trigger) is dropped instead of failing the event; Outlook's midnight-to-midnight times flagged
 *   X-MICROSOFT-CDO-ALLDAYEVENT are all-day.
 * - a series yields at most MAX_INSTANCES_PER_SERIES instances in the window and steps through at
 *   most MAX_STEPS_PER_SERIES occurrences; past either it stops with a problem.
 * - VTIMEZONEs are not registered in ical.js's global TimezoneService (parses run side by side and
 *   "Customized Time Zone 1" means something else in every file): each parse has its ZoneResolver.
 */
export function parseIcs(text: string, options: ParseOptions): Generator<ImportItem> {
  const body = checkCalendar(text);
  const userZone = canonicalIana(options.timeZone);
  if (!userZone) throw new AppError('bad_request', `unknown time zone "${options.timeZone}"`);
  return read(body, { ...options, timeZone: userZone });
}

function checkCalendar(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.search(/\S/);
  if (first === -1) throw new AppError('bad_request', 'the calendar file is empty');
  const head = body.slice(first, first + 1024);
  if (body.includes('\0')) throw new AppError('bad_request', 'this is a binary file, not a calendar (.ics)');
  if (head.startsWith('<')) {
    throw new AppError('bad_request', 'this is a web page (HTML or XML), not a calendar (.ics)');
  }
  if (!/^BEGIN:VCALENDAR\s*$/im.test(head.split('\n', 1)[0] ?? '')) {
    const line = (head.split(/\r?\n/, 1)[0] ?? '').slice(0, 60);
    throw new AppError(
      'bad_request',
      `this is not an iCalendar file: it should start with BEGIN:VCALENDAR, not "${line}"`,
    );
  }
  if (body.includes('\uFFFD')) {
    throw new AppError('bad_request', 'the calendar is not valid UTF-8 text (iCalendar files must be UTF-8)');
  }
  // Old Mac line ends: the scan splits on \n only.
  return body.includes('\n') ? body : body.replace(/\r/g, '\n');
}

// ---------------------------------------------------------------------------------------------
// First pass: where the blocks are.

interface Block {
  start: number;
  end: number;
  /** 1-based line of BEGIN:VEVENT. */
  line: number;
  uid: string | null;
}

interface Scan {
  entries: (Block | ImportProblem)[];
  definitions: Map<string, ICAL.Component>;
}

function scan(text: string): Scan {
  const entries: (Block | ImportProblem)[] = [];
  const definitions = new Map<string, ICAL.Component>();
  const stack: string[] = [];
  let event: Block | null = null;
  let eventDepth = 0;
  let zoneStart = -1;

  const closeBroken = (reason: string) => {
    if (!event) return;
    entries.push({ line: event.line, message: reason, ...(event.uid ? { sourceId: event.uid } : {}) });
    stack.length = eventDepth - 1;
    event = null;
  };

  const handle = (logical: string, start: number, line: number, end: number) => {
    const head = logical.slice(0, 6).toUpperCase();
    if (head === 'BEGIN:') {
      const name = logical.slice(6).trim().toUpperCase();
      if (name === 'VEVENT') {
        if (event) closeBroken(`BEGIN:VEVENT on line ${event.line} has no END:VEVENT`);
        event = { start, end: start, line, uid: null };
        eventDepth = stack.length + 1;
      } else if (name === 'VTIMEZONE' && !event) {
        zoneStart = start;
      }
      stack.push(name);
    } else if (head.startsWith('END:')) {
      const name = logical.slice(4).trim().toUpperCase();
      const at = stack.lastIndexOf(name);
      if (event && name !== 'VEVENT' && at < eventDepth - 1) {
        closeBroken(`BEGIN:VEVENT on line ${event.line} has no END:VEVENT`);
      }
      if (at >= 0) stack.length = at;
      if (name === 'VEVENT' && event) {
        event.end = end;
        entries.push(event);
        event = null;
      } else if (name === 'VTIMEZONE' && zoneStart >= 0) {
        addDefinition(definitions, text.slice(zoneStart, end));
        zoneStart = -1;
      }
    } else if (event && stack.length === eventDepth && /^UID[:;]/i.test(logical)) {
      event.uid = lineValue(logical).trim() || null;
    }
  };

  const length = text.length;
  let pos = 0;
  let lineNo = 0;
  // The logical line being collected (only those starting with B, E or U are of interest).
  let current: string | null = null;
  let currentStart = 0;
  let currentLine = 0;
  let currentEnd = 0;
  while (pos < length) {
    let newline = text.indexOf('\n', pos);
    if (newline === -1) newline = length;
    let lineEnd = newline;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    lineNo++;
    const first = text.charCodeAt(pos);
    if (first === 32 || first === 9) {
      if (current !== null) current += text.slice(pos + 1, lineEnd);
      currentEnd = Math.min(newline + 1, length);
    } else {
      if (current !== null) handle(current, currentStart, currentLine, currentEnd);
      // B, E, U in either case
      const upper = first & ~32;
      current = upper === 66 || upper === 69 || upper === 85 ? text.slice(pos, lineEnd) : null;
      currentStart = pos;
      currentLine = lineNo;
      currentEnd = Math.min(newline + 1, length);
    }
    pos = newline + 1;
  }
  if (current !== null) handle(current, currentStart, currentLine, currentEnd);
  closeBroken('the file ends inside this event (no END:VEVENT)');
  return { entries, definitions };
}

function addDefinition(definitions: Map<string, ICAL.Component>, source: string) {
  try {
    const component = new ICAL.Component(ICAL.parse(source));
    const tzid = component.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && tzid.trim() && !definitions.has(tzid.trim())) {
      definitions.set(tzid.trim(), component);
    }
  } catch {
    // An unreadable VTIMEZONE: its TZID is then unknown, and its times floating.
  }
}

/** The value of a content line: what follows the first colon outside quotes. */
function lineValue(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return line.slice(i + 1);
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Second pass: each UID's blocks.

interface Context {
  text: string;
  window: { from: number; to: number };
  zones: ZoneResolver;
  userZone: string;
}

function* read(text: string, options: ParseOptions): Generator<ImportItem> {
  const { entries, definitions } = scan(text);
  const context: Context = {
    text,
    window: { from: options.window.from.getTime(), to: options.window.to.getTime() },
    zones: new ZoneResolver(options.timeZone, definitions),
    userZone: options.timeZone,
  };
  const groups = new Map<string, Block[]>();
  for (const entry of entries) {
    if ('start' in entry && entry.uid !== null) {
      const group = groups.get(entry.uid);
      if (group) group.push(entry);
      else groups.set(entry.uid, [entry]);
    }
  }
  for (const entry of entries) {
    if (!('start' in entry)) {
      yield { problem: entry };
      continue;
    }
    let blocks: Block[] = [entry];
    if (entry.uid !== null) {
      const group = groups.get(entry.uid);
      if (!group) continue; // done with it
      groups.delete(entry.uid);
      blocks = group;
    }
    const items = readGroup(blocks, context);
    if (items.length === 0 && options.stats) options.stats.outsideWindow++;
    yield* items;
  }
}

/** One VEVENT, parsed, with its times in their zones. */
interface Parsed {
  block: Block;
  component: ICAL.Component;
  start: ICAL.Time;
  recurrenceId: ICAL.Time | null;
  sequence: number;
  stamp: string;
  /** DTSTART as written, for the id of an event without UID. */
  rawStart: string;
  /** From DTEND or DURATION; null when the event has neither. */
  length: Length | null;
}

/**
 * How long an instance lasts (RFC 5545 3.8.5.3): DTEND gives every instance the same exact
 * length; DURATION's days and weeks are nominal (calendar days, so 23 or 25 hours over a DST
 * change) and its hours, minutes and seconds exact; all-day dates count calendar days.
 */
interface Length {
  days: number;
  ms: number;
}

function readGroup(blocks: Block[], context: Context): ImportItem[] {
  const items: ImportItem[] = [];
  const masters: Parsed[] = [];
  const overrides: Parsed[] = [];
  for (const block of blocks) {
    try {
      const parsed = parseBlock(block, context);
      if ('message' in parsed) items.push({ problem: parsed });
      else if (parsed.recurrenceId) overrides.push(parsed);
      else masters.push(parsed);
    } catch (error) {
      items.push({ problem: unexpected(block, error) });
    }
  }
  const master = latest(masters);
  try {
    if (master && (isRecurring(master.component) || overrides.length > 0)) {
      items.push(...expandSeries(master, overrides, context));
    } else if (master) {
      items.push(...single(master, context));
    } else {
      for (const override of latestPerRecurrence(overrides, (o) => o.recurrenceId?.toString() ?? '')) {
        items.push(...orphan(override, context));
      }
    }
  } catch (error) {
    items.push({ problem: unexpected(master?.block ?? blocks[0], error) });
  }
  return items;
}

function unexpected(block: Block | undefined, error: unknown): ImportProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    line: block?.line ?? 1,
    message: `the event cannot be read: ${reason}`,
    ...(block?.uid ? { sourceId: block.uid } : {}),
  };
}

const isRecurring = (component: ICAL.Component) =>
  component.hasProperty('rrule') || component.hasProperty('rdate');

function newer(a: Parsed, b: Parsed): boolean {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  if (a.stamp !== b.stamp) return a.stamp > b.stamp;
  return a.block.start > b.block.start;
}

function latest(list: Parsed[]): Parsed | undefined {
  let best: Parsed | undefined;
  for (const item of list) if (!best || newer(item, best)) best = item;
  return best;
}

function latestPerRecurrence(list: Parsed[], key: (item: Parsed) => string): Parsed[] {
  const byKey = new Map<string, Parsed>();
  for (const item of list) {
    const k = key(item);
    const known = byKey.get(k);
    if (!known || newer(item, known)) byKey.set(k, item);
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// One block: repair, parse, validate, put times in their zones.

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

function problemAt(block: Block, line: number, message: string): ImportProblem {
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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
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

function parseBlock(block: Block, context: Context): Parsed | ImportProblem {
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

const dateOf = (time: ICAL.Time) =>
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
const lengthOf = (parsed: Parsed, start: ICAL.Time): Length =>
  parsed.length ?? { days: start.isDate ? 1 : 0, ms: 0 };

/** The end instant (ms) of an instance starting at `start`. */
function endOf(start: ICAL.Time, startsAt: number, length: Length, zones: ZoneResolver): number {
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
function instant(time: ICAL.Time, zones: ZoneResolver): number {
  if (time.isDate) return zones.user.toUtc(Date.UTC(time.year, time.month - 1, time.day));
  if (time.zone === ICAL.Timezone.localTimezone) {
    return zones.floating.toUtc(
      Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second),
    );
  }
  return time.toUnixTime() * 1000;
}

/** The wall clock of a UTC instant in `zone`. */
function wallClock(ms: number, zone: ICAL.Timezone): ICAL.Time {
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

// ---------------------------------------------------------------------------------------------
// Instances.

interface Shared {
  uid: string | null;
  title: string | null;
  status: ImportedEvent['status'] | null;
  transparent: boolean | null;
  organizer: string | null | undefined;
  attendees: ImportedAttendee[] | null;
  location: string | null | undefined;
  description: string | null | undefined;
  categories: string[] | null;
}

const sharedCache = new WeakMap<ICAL.Component, Shared>();

const text = (component: ICAL.Component, name: string): string | null | undefined => {
  if (!component.hasProperty(name)) return undefined;
  const value = component.getFirstPropertyValue(name);
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed || null;
};

function email(value: unknown, fallback?: unknown): string | null {
  for (const candidate of [value, fallback]) {
    if (typeof candidate !== 'string') continue;
    const address = candidate
      .trim()
      .replace(/^"|"$/g, '')
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    if (address.includes('@')) return address;
  }
  return null;
}

const param = (property: ICAL.Property, name: string): string | null => {
  const value = property.getParameter(name);
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = typeof first === 'string' ? first.trim().replace(/^"|"$/g, '') : '';
  return trimmed || null;
};

/** What a component says about itself; null/undefined where it says nothing (an override inherits). */
function sharedOf(component: ICAL.Component): Shared {
  let shared = sharedCache.get(component);
  if (shared) return shared;
  const status = text(component, 'status')?.toUpperCase();
  const organizer = component.getFirstProperty('organizer');
  const attendees = component.getAllProperties('attendee');
  const categories = component.getAllProperties('categories');
  shared = {
    uid: text(component, 'uid') ?? null,
    title: component.hasProperty('summary') ? (text(component, 'summary') ?? '') : null,
    status:
      status === undefined
        ? null
        : status === 'CANCELLED'
          ? 'cancelled'
          : status === 'TENTATIVE'
            ? 'tentative'
            : 'confirmed',
    transparent: component.hasProperty('transp')
      ? text(component, 'transp')?.toUpperCase() === 'TRANSPARENT'
      : null,
    organizer: organizer ? email(organizer.getFirstValue(), organizer.getParameter('email')) : undefined,
    attendees:
      attendees.length > 0
        ? attendees.map((attendee) => ({
            email: email(attendee.getFirstValue(), attendee.getParameter('email')),
            name: param(attendee, 'cn'),
            partstat: param(attendee, 'partstat')?.toUpperCase() ?? null,
          }))
        : null,
    location: text(component, 'location'),
    description: text(component, 'description'),
    categories:
      categories.length > 0
        ? [
            ...new Set(
              categories.flatMap((property) =>
                property
                  .getValues()
                  .map((value) => String(value).trim())
                  .filter(Boolean),
              ),
            ),
          ]
        : null,
  };
  sharedCache.set(component, shared);
  return shared;
}

interface Instance {
  parsed: Parsed;
  /** Where the fields come from: the event itself, or an override then its master. */
  sources: ICAL.Component[];
  start: ICAL.Time;
  length: Length;
  sourceId: string;
  recurring: boolean;
}

function toEvent(instance: Instance, context: Context): ImportedEvent | null {
  const { zones } = context;
  const startsAt = instant(instance.start, zones);
  if (startsAt < context.window.from || startsAt >= context.window.to) return null;
  const endsAt = Math.max(startsAt, endOf(instance.start, startsAt, instance.length, zones));
  const fields = instance.sources.map(sharedOf);
  const pick = <K extends keyof Shared>(key: K): Shared[K] => {
    for (const field of fields) if (field[key] !== null && field[key] !== undefined) return field[key];
    return fields[0]?.[key] as Shared[K];
  };
  const zone = instance.start.zone;
  const timeZone =
    !instance.start.isDate && zone instanceof LuxonZone && !zone.floating && zone.iana
      ? zone.iana
      : context.userZone;
  return {
    sourceId: instance.sourceId,
    title: pick('title') || '(no title)',
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    timeZone,
    allDay: instance.start.isDate,
    recurring: instance.recurring,
    status: pick('status') ?? 'confirmed',
    transparent: pick('transparent') ?? false,
    organizer: pick('organizer') ?? null,
    attendees: pick('attendees') ?? [],
    location: pick('location') ?? null,
    description: pick('description') ?? null,
    categories: pick('categories') ?? [],
    line: instance.parsed.block.line,
  };
}

function baseId(parsed: Parsed): string {
  const uid = sharedOf(parsed.component).uid;
  if (uid) return uid;
  const summary = String(parsed.component.getFirstProperty('summary')?.jCal[3] ?? '');
  return `nouid-${createHash('sha1').update(`${parsed.rawStart}\n${summary}`).digest('hex').slice(0, 24)}`;
}

/** The original start of an instance as it appears in its sourceId. */
function recurrenceKey(time: ICAL.Time, zones: ZoneResolver): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return date;
  if (time.zone === zones.floating || time.zone === ICAL.Timezone.localTimezone) {
    return `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
  }
  return `${new Date(instant(time, zones)).toISOString().slice(0, 19)}Z`;
}

function single(parsed: Parsed, context: Context): ImportItem[] {
  const result = toEvent(
    {
      parsed,
      sources: [parsed.component],
      start: parsed.start,
      length: lengthOf(parsed, parsed.start),
      sourceId: baseId(parsed),
      recurring: false,
    },
    context,
  );
  return result ? [{ event: result }] : [];
}

/** An override whose master is not in the file (an invitation to one instance). */
function orphan(parsed: Parsed, context: Context): ImportItem[] {
  const recurrenceId = parsed.recurrenceId ?? parsed.start;
  const result = toEvent(
    {
      parsed,
      sources: [parsed.component],
      start: parsed.start,
      length: lengthOf(parsed, parsed.start),
      sourceId: `${baseId(parsed)}/${recurrenceKey(recurrenceId, context.zones)}`,
      recurring: true,
    },
    context,
  );
  return result ? [{ event: result }] : [];
}

/** RECURRENCE-ID in the master's terms: a date for an all-day series, else the master's zone. */
function normalizeRecurrenceId(recurrenceId: ICAL.Time, master: ICAL.Time, zones: ZoneResolver): ICAL.Time {
  if (master.isDate) {
    if (recurrenceId.isDate) return recurrenceId;
    const local =
      recurrenceId.zone === ICAL.Timezone.utcTimezone
        ? wallClock(instant(recurrenceId, zones), zones.user)
        : recurrenceId;
    return dateOf(local);
  }
  if (recurrenceId.isDate || recurrenceId.zone === master.zone) return recurrenceId;
  if (master.zone === ICAL.Timezone.utcTimezone) {
    return ICAL.Time.fromJSDate(new Date(instant(recurrenceId, zones)), true);
  }
  return wallClock(instant(recurrenceId, zones), master.zone);
}

function expandSeries(master: Parsed, overrideList: Parsed[], context: Context): ImportItem[] {
  const { zones, window } = context;
  const items: ImportItem[] = [];
  const id = baseId(master);

  for (const override of overrideList) {
    const property = override.component.getFirstProperty('recurrence-id');
    if (!property || !override.recurrenceId) continue;
    const normalized = normalizeRecurrenceId(override.recurrenceId, master.start, zones);
    if (normalized !== override.recurrenceId) {
      property.setValue(normalized);
      override.recurrenceId = normalized;
    }
  }
  if (master.start.isDate) {
    // EXDATEs of an all-day series written as local midnight (Exchange) exclude that date.
    for (const property of master.component.getAllProperties('exdate')) {
      if (property.type !== 'date-time') continue;
      property.setValues(
        property.getValues().map((value: ICAL.Time) => normalizeRecurrenceId(value, master.start, zones)),
      );
    }
  }
  const overrides = latestPerRecurrence(overrideList, (o) => o.recurrenceId?.toString() ?? '');
  const overridden = new Set(overrides.map((o) => o.recurrenceId?.toString() ?? ''));

  // RDATE periods carry their own length: expand their starts, remember the ends.
  const periods = new Map<string, Length>();
  for (const property of master.component.getAllProperties('rdate')) {
    if (property.type !== 'period') continue;
    const starts = property.getValues().map((value: ICAL.Period) => {
      const ms = instant(value.getEnd(), zones) - instant(value.start, zones);
      periods.set(value.start.toString(), { days: 0, ms: Math.max(0, ms) });
      return value.start;
    });
    property.setValues(starts);
  }
  const byComponent = new Map(overrides.map((o) => [o.component, o]));
  const masterLength = lengthOf(master, master.start);

  const event = new ICAL.Event(master.component, { exceptions: overrides.map((o) => o.component) });
  const exceptions = event.exceptions as unknown as Record<string, ICAL.Event | undefined>;
  // THISANDFUTURE overrides can move later occurrences: widen the loop by their largest shift.
  let slack = 0;
  for (const override of overrides) {
    if (!override.recurrenceId || !exceptions[override.recurrenceId.toString()]?.modifiesFuture()) continue;
    slack = Math.max(slack, Math.abs(instant(override.start, zones) - instant(override.recurrenceId, zones)));
  }

  let count = 0;
  let steps = 0;
  const overflow = (reason: string) =>
    items.push({ problem: problemAt(master.block, master.block.line, reason) });
  const add = (instance: Instance) => {
    const result = toEvent(instance, context);
    if (!result) return true;
    if (++count > MAX_INSTANCES_PER_SERIES) {
      overflow(
        `the series yields more than ${MAX_INSTANCES_PER_SERIES} instances in the import window; only the first ${MAX_INSTANCES_PER_SERIES} were read`,
      );
      return false;
    }
    items.push({ event: result });
    return true;
  };

  const iterator = event.iterator();
  for (let occurrence = iterator.next(); occurrence; occurrence = iterator.next()) {
    if (++steps > MAX_STEPS_PER_SERIES) {
      overflow(
        `the series has more than ${MAX_STEPS_PER_SERIES} occurrences up to the import window; it was not expanded further`,
      );
      break;
    }
    const at = instant(occurrence, zones);
    if (at >= window.to + slack) break;
    if (at < window.from - slack) continue;
    const key = occurrence.toString();
    if (overridden.has(key)) continue; // yielded below, where the override says
    let start = occurrence;
    let length = periods.get(key) ?? masterLength;
    let sources = [master.component];
    if (slack > 0) {
      // Maybe moved by a THISANDFUTURE override: ical.js knows by how much.
      const details = event.getOccurrenceDetails(occurrence);
      const from = details.item === event ? undefined : byComponent.get(details.item.component);
      if (from) {
        start = details.startDate;
        length = from.length ?? masterLength;
        sources = [from.component, master.component];
      }
    }
    const ok = add({
      parsed: master,
      sources,
      start,
      length,
      sourceId: `${id}/${recurrenceKey(occurrence, zones)}`,
      recurring: true,
    });
    if (!ok) break;
  }

  for (const override of overrides) {
    if (!override.recurrenceId) continue;
    const ok = add({
      parsed: override,
      sources: [override.component, master.component],
      start: override.start,
      length: override.length ?? masterLength,
      sourceId: `${id}/${recurrenceKey(override.recurrenceId, zones)}`,
      recurring: true,
    });
    if (!ok) break;
  }
  return items;
}
