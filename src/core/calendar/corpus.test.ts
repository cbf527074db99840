import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { packageRoot } from '../paths.ts';
import type { ImportedEvent, ImportProblem } from './events.ts';
import { parseIcs } from './ics/index.ts';

// Real-world calendars collected in the shared folder (node-ical's fixtures and more): every file
// must parse without an unexpected exception and within a time budget; some have known results.
const ROOT = join(packageRoot(), '../shared/corpus/ics');
const WINDOW = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };
const BUDGET_MS = 3000;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.toLowerCase().endsWith('.ics') ? [path] : [];
    })
    .sort();
}

const files = existsSync(ROOT) ? walk(ROOT) : [];

interface Result {
  events: ImportedEvent[];
  problems: ImportProblem[];
  error?: unknown;
  ms: number;
}

const results = new Map<string, Result>();

function run(path: string): Result {
  let result = results.get(path);
  if (result) return result;
  const text = new TextDecoder().decode(readFileSync(path));
  const started = performance.now();
  const events: ImportedEvent[] = [];
  const problems: ImportProblem[] = [];
  let error: unknown;
  try {
    for (const item of parseIcs(text, { window: WINDOW, timeZone: 'Europe/Amsterdam' })) {
      if ('event' in item) events.push(item.event);
      else problems.push(item.problem);
    }
  } catch (caught) {
    error = caught;
  }
  result = { events, problems, error, ms: performance.now() - started };
  results.set(path, result);
  return result;
}

/** The result for a file of the corpus, found by the end of its name. */
function file(name: string): Result {
  const path = files.find((candidate) => candidate.endsWith(name));
  if (!path) throw new Error(`${name} is not in the corpus (${ROOT})`);
  return run(path);
}

const iso = (date: Date) => date.toISOString();
const local = (event: ImportedEvent) =>
  DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
const titled = (result: Result, title: string) => result.events.filter((event) => event.title === title);

describe('the .ics corpus', () => {
  if (files.length === 0) {
    it.skip(`skipped: no .ics files in ${ROOT} (the shared corpus folder is missing)`, () => {});
    return;
  }

  it.each(files.map((path) => [relative(ROOT, path), path]))('%s parses within the budget', (_name, path) => {
    const result = run(path);
    // Only AppError, and only for a file that is not a calendar at all.
    if (result.error !== undefined) {
      expect(result.error).toBeInstanceOf(AppError);
      expect(result.events).toEqual([]);
    }
    expect(result.ms).toBeLessThan(BUDGET_MS);
    for (const event of result.events) {
      expect(event.startsAt >= WINDOW.from && event.startsAt < WINDOW.to).toBe(true);
      expect(event.endsAt >= event.startsAt).toBe(true);
    }
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.message).not.toBe('');
    }
    const ids = result.events.map((event) => event.sourceId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('EXDATE list and a moved instance (example-rrule)', () => {
    const result = file('examples_example-rrule.ics');
    expect(result.problems).toEqual([]);
    const weekly = result.events.filter((event) => event.sourceId.startsWith('98765432'));
    expect(weekly.map((event) => local(event))).toEqual([
      '2017-06-01T09:00',
      '2017-06-08T09:00',
      '2017-06-15T09:00',
      '2017-06-22T09:00',
      '2017-07-27T09:00',
      '2017-08-10T09:00',
      '2017-07-03T09:00',
    ]);
    const moved = weekly.at(-1);
    expect(moved?.sourceId).toBe('98765432-ABCD-DCBB-999A-987765432123/2017-06-29T14:00:00Z');
    expect(moved && [iso(moved.startsAt), iso(moved.endsAt), moved.timeZone]).toEqual([
      '2017-07-03T14:00:00.000Z',
      '2017-07-03T17:00:00.000Z',
      'America/Chicago',
    ]);
  });

  it('Exchange VTIMEZONEs named after Windows zones, and a TZID that swallowed its value', () => {
    const result = file('test_fixtures_ms_timezones.ics');
    expect(result.problems).toEqual([]);
    const [berlin] = titled(result, 'test');
    expect(berlin && [iso(berlin.startsAt), berlin.timeZone]).toEqual([
      '2020-09-10T07:00:00.000Z',
      'Europe/Berlin',
    ]);
    const [pacific] = titled(result, 'Not the actual summary 1');
    expect(pacific && [iso(pacific.startsAt), pacific.timeZone]).toEqual([
      '2020-09-15T15:30:00.000Z',
      'America/Los_Angeles',
    ]);
    // DTSTART;TZID="W. Europe Standard Time:20200609T090000": read as meant, 09:00 in Berlin.
    const jira = titled(result, "Log Yesterday's Jira time");
    expect(jira.length).toBeGreaterThan(200);
    expect(new Set(jira.map((event) => local(event).slice(11)))).toEqual(new Set(['09:00']));
    const exdated = titled(result, 'Not the actual summary either').map((event) => local(event));
    expect(exdated).toContain('2020-07-24T12:00');
    expect(exdated).not.toContain('2020-07-23T12:00');
  });

  it('an Exchange custom VTIMEZONE and Outlook display names', () => {
    const custom = file('test_fixtures_bad_ms_tz.ics');
    expect(custom.problems).toEqual([]);
    // "Customized Time Zone" is US Eastern by its definition: 10:35 is 14:35Z in summer, 15:35Z in winter.
    expect(custom.events.map((event) => iso(event.startsAt).slice(11, 16))).toContain('14:35');
    expect(custom.events.map((event) => iso(event.startsAt).slice(11, 16))).toContain('15:35');
    expect(custom.events).toHaveLength(34);

    const bangkok = file('test_fixtures_exchange-custom-tz.ics');
    expect(bangkok.events.map((event) => [iso(event.startsAt), event.timeZone])).toEqual([
      ['2019-04-30T02:00:00.000Z', 'Asia/Bangkok'],
    ]);

    const owa = file('test_fixtures_Office-2012-owa.ics');
    expect(titled(owa, 'TEST Syd').map((event) => [iso(event.startsAt), event.timeZone])).toEqual([
      ['2020-10-28T02:30:00.000Z', 'Australia/Sydney'],
    ]);
    expect(titled(owa, 'TEST2').every((event) => local(event).endsWith('13:30'))).toBe(true);
  });

  it('a whole-day instance moved by Exchange (RECURRENCE-ID as local midnight)', () => {
    for (const name of [
      'test_fixtures_exchange_whole_day_moved_recurrence.ics',
      'test_fixtures_exchange_whole_day_moved_recurrence_offset_tz.ics',
    ]) {
      const result = file(name);
      expect(result.problems).toEqual([]);
      const days = result.events.map((event) => event.sourceId.split('/')[1]);
      // Tuesdays and Thursdays from 19 February up to UNTIL=20260817T220000Z, Berlin's midnight of 18 August.
      expect(days).toHaveLength(52);
      expect(days).toContain('2026-08-18');
      expect(result.events.every((event) => event.allDay && event.transparent)).toBe(true);
      const moved = result.events.find((event) => event.sourceId.endsWith('/2026-02-26'));
      expect(moved && [iso(moved.startsAt), iso(moved.endsAt)]).toEqual([
        '2026-02-26T23:00:00.000Z',
        '2026-02-27T23:00:00.000Z',
      ]);
      expect(result.events.filter((event) => iso(event.startsAt) === '2026-02-25T23:00:00.000Z')).toEqual([]);
    }
  });

  it('a whole-day series over the October DST change', () => {
    const result = file('test_fixtures_whole_day_moved_over_dst_change_berlin.ics');
    expect(
      result.events.map((event) => [event.sourceId.split('/')[1], iso(event.startsAt), iso(event.endsAt)]),
    ).toEqual([
      ['2024-10-27', '2024-10-26T22:00:00.000Z', '2024-10-27T23:00:00.000Z'],
      ['2024-10-29', '2024-10-28T23:00:00.000Z', '2024-10-29T23:00:00.000Z'],
      ['2024-10-28', '2024-10-29T23:00:00.000Z', '2024-10-30T23:00:00.000Z'],
    ]);
  });

  it('a large file with bad events: problems with their lines, the rest imported', () => {
    const result = file('test_fixtures_large-file-with-late-error.ics');
    expect(result.events).toHaveLength(394);
    expect(result.problems).toHaveLength(7);
    expect(result.problems[0]).toEqual({
      line: 360,
      sourceId: 'event060@example.com',
      message: 'DTSTART "20240230T100000Z" is not a date-time',
    });
    expect(result.problems.at(-1)).toEqual({
      line: 2407,
      sourceId: 'event_error@example.com',
      message: 'DTSTART is given twice (lines 2406 and 2407), the event is ambiguous',
    });
  });

  it('unreadable events are problems, the others still come', () => {
    expect(file('test_fixtures_multi-event-basic.ics').problems).toEqual([
      { line: 74, sourceId: 'sdfkf09fsd0', message: 'DTSTART "Next Year" is not a date' },
    ]);
    expect(file('test_fixtures_multi-event-basic.ics').events).toHaveLength(8);
    const overlap = file('test_fixtures_daily-count-exdate-recurrence-id.ics');
    expect(overlap.problems).toEqual([
      {
        line: 16,
        sourceId: '0000001',
        message: 'DTEND "20150707T160000" is before DTSTART "20150709T150000"',
      },
    ]);
    // COUNT=10 less two EXDATEs.
    expect(overlap.events).toHaveLength(8);
    expect(file('test_fixtures_event-with-category.ics').problems.map((problem) => problem.message)).toEqual(
      Array(5).fill('the event has no DTSTART'),
    );
    const negative = file('test_fixtures_bad_custom_ms_tz.ics');
    expect(negative.problems).toEqual([
      { line: 40, sourceId: '*masked-away2*@google.com', message: 'DURATION "-PT1W1D2H3M4S" is negative' },
    ]);
    expect(negative.events).toHaveLength(2);
  });

  it('keeps the highest SEQUENCE of a UID and of an override', () => {
    const result = file('test_fixtures_recurrence-sequence.ics');
    expect(result.events.map((event) => [event.sourceId.split('/')[1], event.title])).toEqual([
      ['2024-01-01T10:00:00Z', 'Daily Meeting'],
      ['2024-01-04T10:00:00Z', 'Daily Meeting'],
      ['2024-01-05T10:00:00Z', 'Daily Meeting'],
      ['2024-01-02T10:00:00Z', 'Moved to afternoon (SEQUENCE 3)'],
      ['2024-01-03T10:00:00Z', 'Newer override (SEQUENCE 5) - should win'],
      ['2024-01-04T09:00:00Z', 'Morning slot (SEQUENCE 2)'],
      ['2024-01-04T15:00:00Z', 'Afternoon slot (SEQUENCE 4) - different time same day'],
    ]);
    expect(file('test_fixtures_duplicate-uid-sequence.ics').events.map((event) => event.title)).toEqual([
      'Team Meeting (SEQUENCE 2)',
      'Updated version (SEQUENCE 3) - should win',
    ]);
  });

  it('status, attendees and components that are not events', () => {
    const apple = file('test_fixtures_tentative-apple-calendar.ics');
    expect(
      apple.events.map((event) => [event.title, event.status, event.attendees[0]?.partstat ?? null]),
    ).toEqual([
      ['Tentative', 'tentative', 'TENTATIVE'],
      ['Confirmed', 'confirmed', 'CONFIRMED'],
      ['Cancelled', 'cancelled', 'CANCELLED'],
      ['No Status', 'confirmed', null],
    ]);
    expect(file('test_fixtures_vtodo-vfreebusy.ics').events.map((event) => event.title)).toEqual([
      'Coffee with Jason',
      'Code Review',
      'Dinner with T',
    ]);
    expect(file('test_fixtures_utf8-french-calendar.ics').events).toEqual([]);
    expect(file('test_fixtures_vfreebusy-zimbra.ics').events).toEqual([]);
    expect(file('test_fixtures_event-organizer-cn.ics').events[0]?.organizer).toBe('stomlinson@mozilla.com');
  });
});
