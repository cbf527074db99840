import type ICAL from 'ical.js';
import { AppError } from '../../errors.ts';
import type { ImportItem, ImportProblem, ParseOptions } from '../events.ts';
import { canonicalIana, ZoneResolver } from '../zones.ts';
import { parseBlock } from './block.ts';
import { expandSeries, orphan, single } from './instances.ts';
import { type Block, type Context, latest, latestPerRecurrence, type Parsed } from './model.ts';
import { scan } from './scan.ts';

export { MAX_INSTANCES_PER_SERIES, MAX_STEPS_PER_SERIES } from './model.ts';

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

// Second pass: each UID's blocks, parsed and expanded together.

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
